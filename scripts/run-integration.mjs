// Runs the mocha integration suite (out/test/integration/index.js) inside a real VS Code extension host,
// with the extension under development loaded and a fresh temp copy of corpus/ as the workspace.
// Host: desktop VS Code via @vscode/test-electron when one is available, else code-server + headless
// Chromium (see /work/shared/docs/real-vscode-host.md). Exit code = the suite's exit code.
//
// Options (env or flag):
//   MARGINALIA_TESTS_PATH / --tests <file>       compiled tests module (default out/test/integration/index.js)
//   MARGINALIA_EXTENSION_PATH / --extension <dir> extension folder (default: the repo)
//   MARGINALIA_WORKSPACE / --workspace <dir>     folder copied as the workspace (default corpus/)
//   MARGINALIA_TEST_TIMEOUT_MS                   overall limit after the host is installed (default 300000)
//   MARGINALIA_TEST_GREP                         mocha grep, passed to the suite
//   MARGINALIA_TEST_HOST=electron|code-server    force a host
//   --web                                        run the web suite (out/test/integration/web/index.js) in
//                                                code-server's web worker extension host
//   MARGINALIA_TEST_VERBOSE=1                    also print the workbench's routine log lines
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import { REPO, ensureCodeServer, findDesktopCode, launchBrowser, remoteUri, startCodeServer, tempCopy, webExtensionCopy, workbenchUrl } from './host.mjs';

const { values: flags } = parseArgs({
  options: { tests: { type: 'string' }, extension: { type: 'string' }, workspace: { type: 'string' }, web: { type: 'boolean' } },
});
const web = !!flags.web;
let testsPath = resolve(flags.tests ?? process.env.MARGINALIA_TESTS_PATH ?? join(REPO, web ? 'out/test/integration/web/index.js' : 'out/test/integration/index.js'));
let extensionPath = resolve(flags.extension ?? process.env.MARGINALIA_EXTENSION_PATH ?? REPO);
const workspaceSrc = resolve(flags.workspace ?? process.env.MARGINALIA_WORKSPACE ?? join(REPO, 'corpus'));
const timeoutMs = Number(process.env.MARGINALIA_TEST_TIMEOUT_MS ?? 300_000);
const forced = process.env.MARGINALIA_TEST_HOST;
const verbose = !!process.env.MARGINALIA_TEST_VERBOSE;
// The workbench's own log shares the channel with the extension host's console; drop its routine
// startup lines (unknown lines still pass, so nothing of the suite can be hidden).
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore:|Creation of workbench contribution|Updating additional builtin extensions cache)/;

const say = (msg) => console.error(`[run-integration] ${msg}`);
const cleanups = [];
let stopping = false; // once set, processes exiting are our doing
async function cleanup() {
  stopping = true;
  while (cleanups.length) await cleanups.pop()().catch((e) => say(`cleanup: ${e.message}`));
}
async function finish(code) {
  await cleanup();
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (say(`${sig}: stopping`), finish(130)));

// Fail early with a message a person can act on; the host would only say "exit 1".
function preflight() {
  const problems = [];
  if (!existsSync(testsPath)) problems.push(`tests module not found: ${testsPath} (run: node esbuild.mjs --dev)`);
  const pkgFile = join(extensionPath, 'package.json');
  if (!existsSync(pkgFile)) problems.push(`no package.json in extension folder ${extensionPath}`);
  else {
    const main = JSON.parse(readFileSync(pkgFile, 'utf8')).main;
    if (main && !existsSync(join(extensionPath, main)) && !existsSync(join(extensionPath, main + '.js')))
      problems.push(`extension main ${main} not built (run: npm run build)`);
  }
  if (!existsSync(workspaceSrc)) problems.push(`workspace folder not found: ${workspaceSrc}`);
  return problems;
}

async function runElectron(workspace, desktop) {
  const { runTests } = await import('@vscode/test-electron');
  say(`host: desktop VS Code via @vscode/test-electron${desktop?.executable ? ` (${desktop.executable})` : ' (download)'}`);
  try {
    return await runTests({
      vscodeExecutablePath: desktop?.executable,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: testsPath,
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { MARGINALIA_TEST_GREP: process.env.MARGINALIA_TEST_GREP ?? '' },
    });
  } catch (err) {
    // runTests rejects with the exit code (or an Error) when the suite fails.
    say(`suite failed: ${err?.message ?? err}`);
    return typeof err === 'number' ? err || 1 : 1;
  }
}

async function runCodeServer(workspace) {
  const t0 = Date.now();
  const server = await startCodeServer({ workspace, userDataDir: process.env.MARGINALIA_USER_DATA_DIR });
  cleanups.push(server.stop);
  const browser = await launchBrowser();
  cleanups.push(browser.close);
  say(`host: code-server ${server.url} (started in ${Date.now() - t0} ms)`);

  const { page } = browser;
  // The workbench calls this when the extension host exits in test mode, with the suite's exit code.
  let onExit;
  const exit = new Promise((res) => (onExit = res));
  await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
  // ...and this with the extension host's console output (the mocha reporter).
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (!verbose && WORKBENCH_NOISE.test(line)) return;
    (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
  });
  // Browser-side errors only matter when the suite never reports; keep them for that case.
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const payload = [
    ['extensionDevelopmentPath', remoteUri(server.port, extensionPath)],
    ['extensionTestsPath', remoteUri(server.port, testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  await page.goto(workbenchUrl(server.port, workspace, payload));
  const serverDied = server.exited.then((c) => {
    if (stopping) return 1;
    say(`code-server exited unexpectedly (${c}):\n${server.output().slice(-2000)}`);
    return 1;
  });
  const code = await Promise.race([exit, serverDied]);
  if (pageErrors.length && code !== 0) say(`browser errors:\n  ${pageErrors.join('\n  ')}`);
  return code;
}

async function main() {
  if (web) {
    if (!existsSync(testsPath)) {
      say(`web tests bundle not found: ${testsPath} (run: node esbuild.mjs --dev)`);
      return 1;
    }
    const copy = webExtensionCopy(extensionPath, testsPath);
    cleanups.push(async () => copy.remove());
    ({ extension: extensionPath, tests: testsPath } = copy);
    say(`web worker host: extension copy with browser entry only at ${extensionPath}`);
  }
  const problems = preflight();
  if (problems.length) {
    for (const p of problems) say(p);
    return 1;
  }
  const desktop = forced === 'code-server' ? null : findDesktopCode();
  // The web worker host is code-server's; @vscode/test-electron's equivalent is @vscode/test-web.
  const useElectron = !web && (forced === 'electron' || (forced !== 'code-server' && desktop?.executable));
  if (!useElectron) ensureCodeServer(); // before the clock starts: the first install takes a minute

  const workspace = tempCopy(workspaceSrc, 'it');
  cleanups.push(async () => rmSync(dirname(workspace), { recursive: true, force: true }));

  let timer;
  const timeout = new Promise((res) => {
    timer = setTimeout(() => {
      say(`TIMEOUT: the suite did not finish within ${timeoutMs} ms (MARGINALIA_TEST_TIMEOUT_MS); killing the host`);
      res(1);
    }, timeoutMs);
  });
  const t0 = Date.now();
  const code = await Promise.race([useElectron ? runElectron(workspace, desktop) : runCodeServer(workspace), timeout]);
  clearTimeout(timer);
  say(`suite exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code;
}

main().then(
  (code) => finish(typeof code === 'number' ? code : 1),
  (err) => {
    say(err?.stack ?? String(err));
    return finish(1);
  },
);
