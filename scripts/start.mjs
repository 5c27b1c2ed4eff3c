// `npm start [-- DIR]`: builds (dev) and opens a folder in VS Code with the extension loaded from this
// repository: DIR when given, else a scratch copy of the sample corpus (never the tracked corpus/, so
// nothing typed or annotated there lands in git). Desktop VS Code (`code` on PATH) when there is one;
// otherwise a local code-server to open in a browser. Rebuild (`npm run build`, or `npm run watch` in
// another terminal) and run "Developer: Reload Window".
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO, START_SETTINGS, ensureCodeServer, findDesktopCode, freePort, startCodeServer, tempDir } from './host.mjs';

const extensionPath = process.env.MARGINALIA_EXTENSION_PATH ?? REPO;
const given = process.argv[2];
let workspace;
if (given) {
  workspace = resolve(process.env.INIT_CWD ?? process.cwd(), given);
  if (!existsSync(workspace) || !statSync(workspace).isDirectory()) {
    console.error(`npm start: ${given} is not a folder`);
    process.exit(2);
  }
} else {
  // A scratch copy, kept between runs so a reader's annotations survive a restart.
  workspace = join(REPO, '.vscode-test', 'sample-workspace');
  if (!existsSync(workspace)) cpSync(join(REPO, 'corpus'), workspace, { recursive: true });
}
console.log(`Opening ${workspace}${given ? '' : ' (a scratch copy of the sample corpus; delete it to start afresh)'}`);
// A first-hour profile: no git prompt for the repository around the scratch copy, no startup page.
const userSettings = START_SETTINGS;

const build = spawnSync(process.execPath, ['esbuild.mjs', '--dev'], { cwd: REPO, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status || 1);

const desktop = findDesktopCode();
if (desktop) {
  const r = spawnSync(desktop.cli, [`--extensionDevelopmentPath=${extensionPath}`, workspace], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

ensureCodeServer();
// The extension is "installed" as a symlink to this folder, so every page load (with or without a
// special URL) has it, and a reload picks up a rebuilt dist/.
const pkg = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
const extensionsDir = tempDir('start-ext');
mkdirSync(extensionsDir, { recursive: true });
symlinkSync(extensionPath, join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`));

const port = process.env.PORT ? Number(process.env.PORT) : await freePort(8080);
const server = await startCodeServer({ workspace, extensionsDir, port, userSettings, echo: !!process.env.MARGINALIA_VERBOSE });
const url = `http://127.0.0.1:${port}/?folder=${encodeURI(workspace)}`;
console.log(`\nMarginalia in code-server: ${url}\n(Ctrl+C to stop)\n`);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await server.stop();
  rmSync(extensionsDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.exited.then((c) => {
  if (stopping) return;
  console.error(`code-server exited (${c}):\n${server.output().slice(-2000)}`);
  stop(1);
});
