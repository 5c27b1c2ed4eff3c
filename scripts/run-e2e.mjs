// End-to-end: installs the packaged extension (dist/marginalia.vsix) into a fresh code-server, opens a
// temp copy of corpus/ in headless Chromium and runs each scenario in test/e2e/*.mjs (default export
// `async (ctx) => {}`; ctx = { page, workspace, shot(name), flags }), each in a freshly loaded workbench.
// Screenshots go to test-results/; on failure test-results/failure.png and a non-zero exit.
//
//   node scripts/run-e2e.mjs [--only reviews-tree] [--update-readme-shot] [--vsix file]
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO, ensureCodeServer, installExtension, launchBrowser, startCodeServer, tempCopy, tempDir, workbenchUrl } from './host.mjs';

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
    list.push({ name, fn: (await import(pathToFileURL(join(dir, f)))).default });
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

async function main() {
  const list = await scenarios();
  ensureCodeServer();
  mkdirSync(RESULTS, { recursive: true });
  rmSync(join(RESULTS, 'failure.png'), { force: true });

  const extensionsDir = tempDir('e2e-ext');
  cleanups.push(async () => rmSync(extensionsDir, { recursive: true, force: true }));
  say(`installing ${vsix}`);
  installExtension(vsix, extensionsDir);

  const workspace = tempCopy(join(REPO, 'corpus'), 'e2e');
  cleanups.push(async () => rmSync(dirname(workspace), { recursive: true, force: true }));
  const server = await startCodeServer({ workspace, extensionsDir });
  cleanups.push(server.stop);
  const browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
  cleanups.push(browser.close);
  const url = workbenchUrl(server.port, workspace, [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']]);
  say(`code-server ${server.url}`);

  for (const { name, fn } of list) {
    const t0 = Date.now();
    say(`scenario ${name}`);
    const { page, errors } = await openWorkbench(browser.context, url);
    const shot = async (shotName) => {
      const file = join(RESULTS, `${shotName}.png`);
      await page.screenshot({ path: file });
      say(`  screenshot ${file}`);
      return file;
    };
    try {
      await fn({ page, workspace, shot, flags, repo: REPO, log: (m) => say(`  ${m}`) });
    } catch (err) {
      await page.screenshot({ path: join(RESULTS, 'failure.png') }).catch(() => {});
      say(`FAILED: scenario ${name}: ${err?.message ?? err}`);
      if (errors.length) say(`browser errors:\n  ${errors.join('\n  ')}`);
      say(`screenshot of the failure: ${join(RESULTS, 'failure.png')}`);
      printExtensionHostErrors(server.dir);
      return 1;
    }
    await page.close();
    say(`  ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  say(`${list.length} scenario(s) passed`);
  return 0;
}

const timer = setTimeout(() => {
  say(`TIMEOUT after ${timeoutMs} ms (MARGINALIA_E2E_TIMEOUT_MS)`);
  finish(1);
}, timeoutMs);
main().then(
  (code) => (clearTimeout(timer), finish(code)),
  (err) => (clearTimeout(timer), say(`FAILED: ${err?.stack ?? err}`), finish(1)),
);
