// Shared helpers to run the extension in a real VS Code on an offline machine.
// Recipe and reasons: /work/shared/docs/real-vscode-host.md (code-server 4.100.3 + Debian Chromium).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3';
const CS_DIR = join(REPO, '.vscode-test', 'code-server');
const CS_ENTRY = join(CS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CS_MARKER = join(CS_DIR, 'installed-version');
const CHROMIUM = '/usr/bin/chromium';
const DEPS_SCRIPT = join(REPO, 'scripts', 'install-debian-deps.sh');
// code-server's nested @vscode/ripgrep postinstall looks for this tarball before downloading from GitHub.
const RG_CACHE = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

const log = (msg) => console.error(`[host] ${msg}`);

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), `marginalia-${prefix}-`));
}

/** A throwaway copy of a folder (tests and e2e may write into the workspace). */
export function tempCopy(src, prefix = 'ws') {
  const dst = join(tempDir(prefix), 'workspace');
  cpSync(src, dst, { recursive: true });
  return dst;
}

/** Debian packages listed once, in install-debian-deps.sh. */
function debianPackages() {
  const m = /^PACKAGES=\(([^)]*)\)/m.exec(readFileSync(DEPS_SCRIPT, 'utf8'));
  return m[1].trim().split(/\s+/);
}

/** Installs missing Debian packages when root; otherwise says which command to run. */
export function ensureDebianDeps() {
  const pkgs = debianPackages();
  const q = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...pkgs], { encoding: 'utf8' });
  if (q.error) {
    // Not Debian: we cannot check packages, only the two binaries we call directly.
    if (existsSync(CHROMIUM) && existsSync('/usr/bin/rg')) return;
    throw new Error(`need ${CHROMIUM}, /usr/bin/rg and a C/C++ toolchain (Debian packages: ${pkgs.join(' ')})`);
  }
  const installed = new Set(q.stdout.split('\n').filter((l) => l.endsWith(' installed')).map((l) => l.split(' ')[0]));
  const missing = pkgs.filter((p) => !installed.has(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}\n  run: sudo ${DEPS_SCRIPT}`);
  }
  log(`installing missing Debian packages: ${missing.join(' ')}`);
  execFileSync(DEPS_SCRIPT, { stdio: 'inherit' });
}

const installed = () =>
  existsSync(CS_ENTRY) && existsSync(CS_MARKER) && readFileSync(CS_MARKER, 'utf8').trim() === CODE_SERVER_VERSION;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Installs code-server into .vscode-test/code-server once; returns its entry.js. */
export function ensureCodeServer() {
  if (installed()) {
    if (!existsSync(CHROMIUM)) ensureDebianDeps(); // e.g. a CI cache restored .vscode-test but not apt
    return CS_ENTRY;
  }
  ensureDebianDeps();
  // Several scripts (or people) may share one checkout: one installs, the others wait for it.
  const lock = join(dirname(CS_DIR), 'code-server.lock');
  mkdirSync(dirname(CS_DIR), { recursive: true });
  for (let waited = 0; ; waited += 2000) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const owner = Number(readFileSync(join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }));
      let alive = false;
      try {
        alive = owner > 0 && process.kill(owner, 0);
      } catch {}
      if (!alive && waited >= 2000) rmSync(lock, { recursive: true, force: true }); // its installer died
      else if (waited === 0) log(`waiting for another process (pid ${owner}) to install code-server`);
      if (waited > 600_000) throw new Error(`timed out waiting for ${lock}`);
      sleep(2000);
    }
  }
  try {
    if (!installed()) install();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return CS_ENTRY;
}

function install() {
  const t0 = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${CS_DIR} (about a minute, ~300 MB)`);
  if (!existsSync(RG_CACHE)) {
    const stage = tempDir('rg');
    cpSync('/usr/bin/rg', join(stage, 'rg'));
    mkdirSync(dirname(RG_CACHE), { recursive: true });
    execFileSync('tar', ['-czf', RG_CACHE, '-C', stage, 'rg']);
    rmSync(stage, { recursive: true, force: true });
  }
  mkdirSync(CS_DIR, { recursive: true });
  // Own package.json, or npm would walk up and install into the repo's node_modules.
  writeFileSync(join(CS_DIR, 'package.json'), JSON.stringify({ name: 'code-server-host', private: true }, null, 2));
  rmSync(CS_MARKER, { force: true });
  const r = spawnSync('npm', ['install', '--unsafe-perm', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CS_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, refused when npx may not prompt
      npm_config_nodedir: '/usr', // build native addons against Debian's Node headers, no download
    },
  });
  if (r.status !== 0 || !existsSync(CS_ENTRY)) throw new Error(`npm install code-server failed (exit ${r.status})`);
  writeFileSync(CS_MARKER, CODE_SERVER_VERSION + '\n');
  log(`code-server installed in ${Math.round((Date.now() - t0) / 1000)} s`);
}

/** A free TCP port on 127.0.0.1: `from` and upwards if given, else any the kernel picks. */
export async function freePort(from) {
  const tryPort = (port) =>
    new Promise((res) => {
      const srv = createServer();
      srv.once('error', () => res(null));
      srv.listen(port, '127.0.0.1', () => {
        const got = srv.address().port;
        srv.close(() => res(got));
      });
    });
  if (!from) return tryPort(0);
  for (let p = from; p < from + 100; p++) if ((await tryPort(p)) !== null) return p;
  throw new Error(`no free port in ${from}..${from + 99}`);
}

/**
 * The first-hour profile `npm start` opens VS Code with: no git prompt for the repository around
 * the scratch copy, no startup page. The end-to-end server uses it too, so its first screen is the
 * one `npm start` shows.
 */
export const START_SETTINGS = { 'git.openRepositoryInParentFolders': 'never', 'workbench.startupEditor': 'none' };

/** Keeps code-server's state in T instead of $HOME and /tmp (its sockets), and offline. */
function serverEnv(T, extra = {}) {
  return {
    ...process.env,
    TMPDIR: T, // short: unix socket paths in it must stay under 108 characters
    XDG_CONFIG_HOME: join(T, 'xdg-config'),
    XDG_DATA_HOME: join(T, 'xdg-data'),
    XDG_CACHE_HOME: join(T, 'xdg-cache'),
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

/** Installs a .vsix into extensionsDir with code-server's own CLI. */
export function installExtension(vsix, extensionsDir) {
  const entry = ensureCodeServer();
  const T = tempDir('cs-install');
  try {
    const r = spawnSync(
      process.execPath,
      [entry, '--user-data-dir', join(T, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix],
      { env: serverEnv(T), encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    return r.stdout.trim();
  } finally {
    rmSync(T, { recursive: true, force: true });
  }
}

// Leads code-server's process group and kills the group when our end of its stdin closes, i.e. when
// the script that started it dies without cleaning up (SIGKILL, a CI job timeout).
const WATCHDOG = `
const c = require('node:child_process').spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
c.on('exit', (code, sig) => process.exit(code ?? 1));
process.stdin.on('end', () => process.kill(-process.pid, 'SIGKILL')).resume();
`;

/**
 * Starts a throwaway code-server on 127.0.0.1. Resolves once it listens.
 * stop() kills its whole process group (the extension host can outlive the server otherwise)
 * and removes its temp folder.
 */
export async function startCodeServer({ workspace, extensionsDir, userSettings = {}, port, env = {}, echo = false, userDataDir } = {}) {
  const entry = ensureCodeServer();
  const T = tempDir('cs');
  port ??= await freePort();
  writeFileSync(join(T, 'config.yaml'), 'auth: none\n');
  // A user data folder given by the caller outlives this server (the activation bench's warm runs).
  const userData = userDataDir ?? join(T, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    ...userSettings,
  };
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', userData,
    '--extensions-dir', extensionsDir ?? join(T, 'extensions'),
    '--config', join(T, 'config.yaml'),
  ];
  if (workspace) args.push(workspace);
  const child = spawn(process.execPath, ['-e', WATCHDOG, ...args], { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: serverEnv(T, env) });
  let output = '';
  let exited = null;
  const onData = (d) => {
    output += d;
    if (echo) process.stderr.write(d);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exitP = new Promise((res) => child.once('exit', (code, sig) => res((exited = code ?? sig))));

  let stopped = false;
  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {} // already gone
  };
  const onProcessExit = () => killGroup('SIGKILL'); // last resort if our caller crashes
  process.on('exit', onProcessExit);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onProcessExit);
    killGroup('SIGTERM');
    const done = await Promise.race([exitP.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    killGroup('SIGKILL'); // the group may hold the extension host even after the server exited
    if (!done) await exitP;
    rmSync(T, { recursive: true, force: true });
  };

  const ready = await new Promise((res) => {
    const timer = setTimeout(() => res('timeout'), 60_000);
    const check = () => {
      if (output.includes('HTTP server listening on')) {
        clearTimeout(timer);
        res('ready');
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    exitP.then(() => (clearTimeout(timer), res('exited')));
  });
  if (ready !== 'ready') {
    await stop();
    throw new Error(`code-server did not start (${ready}${exited !== null ? `, exit ${exited}` : ''}):\n${output}`);
  }
  const url = `http://127.0.0.1:${port}/`;
  return { port, url, dir: T, pid: child.pid, exited: exitP, output: () => output, stop };
}

/** `vscode-remote://` URI the web workbench uses for a path on the server. */
export const remoteUri = (port, absPath) => `vscode-remote://127.0.0.1:${port}${absPath}`;

/** The workbench URL for a folder, with an optional payload ([[key, value], ...]). */
export function workbenchUrl(port, folder, payload) {
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder);
  else q.set('ew', 'true');
  if (payload) q.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${q}`;
}

/** Debian's headless Chromium via playwright-core (never `playwright install`: no downloads here). */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  if (!existsSync(CHROMIUM)) ensureDebianDeps();
  const { chromium } = await import('playwright-core');
  const dir = tempDir('chromium');
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache'), XDG_DATA_HOME: join(dir, 'data') },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    rmSync(dir, { recursive: true, force: true });
  };
  return { context, page, close };
}

/**
 * A desktop VS Code on PATH (or VSCODE_EXECUTABLE), else null. `code` may also be code-server's
 * CLI or a remote window's `remote-cli` helper; neither can run @vscode/test-electron.
 */
export function findDesktopCode() {
  if (process.env.VSCODE_EXECUTABLE) return { executable: process.env.VSCODE_EXECUTABLE, cli: process.env.VSCODE_EXECUTABLE };
  const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const cli = which.stdout.trim();
  if (which.status !== 0 || !cli) return null;
  const real = realpathSync(cli);
  if (/code-server|remote-cli/.test(real)) return null;
  const v = spawnSync(cli, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (v.status !== 0 || /code-server|with Code/i.test(v.stdout)) return null;
  // test-electron wants the Electron binary, not the CLI script beside it in bin/.
  const bin = dirname(real);
  const candidates = [
    join(bin, '..', 'code'), // Linux: /usr/share/code/bin/code -> /usr/share/code/code
    join(bin, '..', '..', '..', 'MacOS', 'Electron'), // macOS .app/Contents/Resources/app/bin
    join(bin, '..', '..', '..', 'MacOS', 'Code'),
    join(bin, '..', 'Code.exe'),
  ];
  const executable = candidates.find((p) => existsSync(p));
  return { executable: executable ? resolve(executable) : undefined, cli };
}

/**
 * VS Code for the Web: the workbench runs an extension in its web worker host when its manifest has
 * `browser` and no `main`, and runs a test module there only when it lies inside that extension's
 * folder. So the web host gets a temporary copy of the built extension (browser entry only), with
 * the bundled tests inside it when given.
 */
export function webExtensionCopy(extensionPath, testsPath) {
  const root = tempDir('web-ext');
  const dir = join(root, 'marginalia');
  const pkg = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  delete pkg.main;
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  for (const f of ['dist/extension.web.js', 'dist/extension.web.js.map']) if (existsSync(join(extensionPath, f))) cpSync(join(extensionPath, f), join(dir, f));
  // The webviews' scripts (the comparison view, the reading panel).
  if (existsSync(join(extensionPath, 'dist/webview'))) cpSync(join(extensionPath, 'dist/webview'), join(dir, 'dist/webview'), { recursive: true });
  // test/fixtures/interchange: files the integration tests import (read through the extension's URI in both hosts).
  for (const d of ['corpus', 'media', 'schemas', 'test/fixtures/interchange']) if (existsSync(join(extensionPath, d))) cpSync(join(extensionPath, d), join(dir, d), { recursive: true });
  let tests;
  if (testsPath) {
    mkdirSync(join(dir, 'test'), { recursive: true });
    tests = join(dir, 'test', 'index.js');
    cpSync(testsPath, tests);
  }
  return { extension: dir, tests, remove: () => rmSync(root, { recursive: true, force: true }) };
}
