// End-to-end: installs the packaged extension (dist/marginalia.vsix) into one code-server shared by
// every scenario, and runs each scenario in test/e2e/*.mjs (default export `async (ctx) => {}`;
// ctx = { page, workspace, shot(name), flags, log(msg), repo, url }) in its own browser tab on its
// own temp copy of corpus/ (a window per folder: its own extension host, nothing shared but the
// server). A scenario may export `host = 'web'`: it then runs in the browser's web worker extension
// host, from a browser-only copy of the built extension (dist/extension.web.js). `prepare(workspace)`
// may change the workspace copy before the window opens. Helpers live in test/e2e/lib/.
// Screenshots go to test-results/; a failing scenario leaves test-results/failure-<name>.png (the first
// one also as failure.png), the others still run, and the exit code is non-zero.
//
//   node scripts/run-e2e.mjs [--only reviews-tree] [--update-readme-shot] [--vsix file]
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO, START_SETTINGS, ensureCodeServer, installExtension, launchBrowser, remoteUri, startCodeServer, tempCopy, tempDir, webExtensionCopy, workbenchUrl } from './host.mjs';

const { values: flags } = parseArgs({
  options: {
    only: { type: 'string' },
    vsix: { type: 'string' },
    'update-readme-shot': { type: 'boolean', default: false },
  },
});
const vsix = resolve(flags.vsix ?? process.env.MARGINALIA_VSIX ?? join(REPO, 'dist/marginalia.vsix'));
const RESULTS = join(REPO, 'test-results');
const timeoutMs = Number(process.env.MARGINALIA_E2E_TIMEOUT_MS ?? 300_000);
const say = (msg) => console.error(`[e2e] ${msg}`);

const cleanups = [];
let exiting = false;
async function finish(code) {
  if (exiting) return;
  exiting = true;
  while (cleanups.length) await cleanups.pop()().catch((e) => say(`cleanup: ${e.message}`));
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => finish(130));

async function scenarios() {
  const dir = join(REPO, 'test/e2e');
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  const list = [];
  for (const f of files) {
    const name = basename(f, '.mjs');
    if (flags.only && name !== flags.only) continue;
    const mod = await import(pathToFileURL(join(dir, f)));
    list.push({ name, fn: mod.default, host: mod.host ?? 'node', prepare: mod.prepare });
  }
  if (list.length === 0) throw new Error(`no scenario in test/e2e/${flags.only ? ` named ${flags.only}` : ''}`);
  return list;
}

/** Loads the workbench in a new tab and waits until the activity bar is there. */
async function openWorkbench(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
  return { page, errors };
}

/** The extension's activation errors are only in the server-side extension host log. */
function printExtensionHostErrors(serverDir) {
  const logs = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name === 'remoteexthost.log') logs.push(join(d, e.name));
    }
  };
  walk(join(serverDir, 'user-data', 'logs'));
  for (const f of logs) {
    const lines = readFileSync(f, 'utf8').split('\n');
    const errors = lines.filter((l) => /\[(error|warning)\]/.test(l));
    say(`extension host log ${f}: ${errors.length ? '' : 'no errors'}`);
    for (const l of errors.slice(-40)) console.error(`  ${l}`);
  }
}

/** One scenario in its own tab and workspace copy, so scenarios cannot see each other's state. */
async function runScenario({ name, fn, host, prepare }, { browser, server, webCopy }) {
  const workspace = tempCopy(join(REPO, 'corpus'), 'e2e');
  if (prepare) await prepare(workspace);
  const cleanup = async () => rmSync(dirname(workspace), { recursive: true, force: true });
  cleanups.push(cleanup);
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  // The installed .vsix runs in the Node host; the web scenario loads the browser-only copy instead
  // (a development extension takes the place of the installed one with the same id).
  if (host === 'web') payload.push(['extensionDevelopmentPath', remoteUri(server.port, webCopy().extension)]);
  const url = workbenchUrl(server.port, workspace, payload);
  const { page, errors } = await openWorkbench(browser.context, url);
  const shot = async (shotName) => {
    const file = join(RESULTS, `${shotName}.png`);
    await page.screenshot({ path: file });
    say(`  screenshot ${file}`);
    return file;
  };
  try {
    await fn({ page, workspace, shot, flags, repo: REPO, url, log: (m) => say(`  ${m}`) });
    return null;
  } catch (err) {
    const file = join(RESULTS, `failure-${name}.png`);
    await page.screenshot({ path: file }).catch(() => {});
    if (!existsSync(join(RESULTS, 'failure.png')) && existsSync(file)) copyFileSync(file, join(RESULTS, 'failure.png'));
    say(`FAILED: scenario ${name}: ${err?.message ?? err}`);
    if (errors.length) say(`browser errors:\n  ${errors.join('\n  ')}`);
    say(`  screenshot of the failure: ${file}`);
    printExtensionHostErrors(server.dir);
    return err;
  } finally {
    await page.close().catch(() => {});
    cleanups.splice(cleanups.indexOf(cleanup), 1);
    await cleanup();
  }
}

async function main() {
  const list = await scenarios();
  if (!existsSync(vsix)) throw new Error(`${vsix} not found (run: node scripts/package.mjs)`);
  ensureCodeServer();
  mkdirSync(RESULTS, { recursive: true });
  for (const f of readdirSync(RESULTS)) if (/^failure.*\.png$/.test(f)) rmSync(join(RESULTS, f));

  const extensionsDir = tempDir('e2e-ext');
  cleanups.push(async () => rmSync(extensionsDir, { recursive: true, force: true }));
  say(`installing ${vsix}`);
  installExtension(vsix, extensionsDir);
  // The settings `npm start` uses, so a scenario sees the first screen a new user sees.
  const server = await startCodeServer({ extensionsDir, userSettings: START_SETTINGS });
  cleanups.push(server.stop);
  let copy;
  const webCopy = () => {
    if (!copy) {
      copy = webExtensionCopy(REPO);
      cleanups.push(async () => copy.remove());
    }
    return copy;
  };
  const browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
  cleanups.push(browser.close);

  const failed = [];
  for (const scenario of list) {
    const t0 = Date.now();
    say(`scenario ${scenario.name}`);
    const err = await runScenario(scenario, { browser, server, webCopy });
    if (err) failed.push(scenario.name);
    else say(`  ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  say(`${list.length - failed.length} passed, ${failed.length} failed${failed.length ? `: ${failed.join(', ')} (see test-results/failure*.png)` : ''}`);
  return failed.length ? 1 : 0;
}

const timer = setTimeout(() => {
  say(`TIMEOUT after ${timeoutMs} ms (MARGINALIA_E2E_TIMEOUT_MS)`);
  finish(1);
}, timeoutMs);
main().then(
  (code) => (clearTimeout(timer), finish(code)),
  (err) => (clearTimeout(timer), say(`FAILED: ${err?.stack ?? err}`), finish(1)),
);
