// Proves that run-integration.mjs reports every way a suite can go wrong: generates throwaway suites in a
// temp dir, runs each through the real host, and checks the exit code (and the summary line).
// It uses the real compiled suite entry (out/test/integration/index.js) and a stub extension, so it
// tests the runner, not the extension. Run `node esbuild.mjs --dev` first.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, ensureCodeServer, tempDir } from './host.mjs';

const realIndex = join(REPO, 'out/test/integration/index.js');
if (!existsSync(realIndex)) {
  console.error(`missing ${realIndex}; run: node esbuild.mjs --dev`);
  process.exit(2);
}
ensureCodeServer(); // so the install minute is not counted against a case's timeout

const root = tempDir('prove');
// Suites under root/ resolve `require('mocha')` through this link to the repo's node_modules.
symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));

const ext = join(root, 'stub-extension');
mkdirSync(ext);
writeFileSync(join(ext, 'package.json'), JSON.stringify({
  name: 'stub', publisher: 'prove', version: '0.0.0', main: './extension.js', engines: { vscode: '^1.100.0' },
}));
writeFileSync(join(ext, 'extension.js'), 'exports.activate = () => {};\n');

/** A suite folder: the real index.js plus the given test files, or a custom index. */
function suite(name, files, index) {
  const dir = join(root, name);
  mkdirSync(dir);
  if (index === undefined) copyFileSync(realIndex, join(dir, 'index.js'));
  else writeFileSync(join(dir, 'index.js'), index);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return join(dir, 'index.js');
}

const passTest = `const assert = require('node:assert');
const vscode = require('vscode');
describe('ok', () => { it('sees the vscode API', () => assert.ok(vscode.version)); });\n`;
const cases = [
  { name: 'passing suite', tests: suite('pass', { 'a.test.js': passTest }), expect: 0, line: '1 passed, 0 failed' },
  {
    name: 'failing test',
    tests: suite('fail', { 'a.test.js': passTest, 'b.test.js': `describe('bad', () => { it('fails', () => { throw new Error('expected failure'); }); });\n` }),
    expect: 'non-zero',
    line: '1 passed, 1 failed',
  },
  { name: 'test file throws on load', tests: suite('load-error', { 'a.test.js': `throw new Error('broken test file');\n` }), expect: 'non-zero' },
  { name: 'suite module throws on load', tests: suite('index-throws', {}, `throw new Error('broken suite module');\n`), expect: 'non-zero' },
  { name: 'suite module missing', tests: join(root, 'nowhere', 'index.js'), expect: 'non-zero' },
  {
    name: 'hanging suite (timeout 20 s)',
    tests: suite('hang', {}, `exports.run = () => new Promise(() => {});\n`),
    env: { MARGINALIA_TEST_TIMEOUT_MS: '20000' },
    expect: 'non-zero',
    maxSeconds: 40,
    contains: 'TIMEOUT: the suite did not finish',
  },
];

// Each run gets its own TMPDIR, so afterwards we can check that it left no process and no temp folder
// behind (other people's runs on this machine use the ordinary TMPDIR). Short: sockets live under it.
const runTmp = mkdtempSync(join(tmpdir(), 'mp-'));

const results = [];
for (const c of cases) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/run-integration.mjs'), '--tests', c.tests, '--extension', ext], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: runTmp, ...c.env },
    timeout: 180_000,
  });
  const seconds = (Date.now() - t0) / 1000;
  const out = r.stdout + r.stderr;
  const problems = [];
  if (c.expect === 0 ? r.status !== 0 : !(r.status > 0)) problems.push(`exit ${r.status}, expected ${c.expect}`);
  if (c.line && !out.split('\n').includes(c.line)) problems.push(`no line "${c.line}"`);
  if (c.contains && !out.includes(c.contains)) problems.push(`no "${c.contains}" in the output`);
  if (c.maxSeconds && seconds > c.maxSeconds) problems.push(`took ${seconds.toFixed(0)} s`);
  results.push({ ...c, status: r.status, seconds, problems });
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${c.name.padEnd(30)} exit ${r.status}  ${seconds.toFixed(1)} s${problems.length ? '  ' + problems.join('; ') : ''}`);
  if (problems.length) console.log(out.replace(/^/gm, '    | '));
}

// Nothing may outlive a run: no process using our TMPDIR, no temp folder left in it.
const left = spawnSync('sh', ['-c', `ps -eo pid,args | grep -F '${runTmp}/' | grep -v grep`], { encoding: 'utf8' }).stdout.trim();
if (left) console.log(`FAIL leftover processes:\n${left}`);
else console.log('ok   no leftover code-server or Chromium processes');
const litter = readdirSync(runTmp);
if (litter.length) console.log(`FAIL left in TMPDIR: ${litter.join(' ')}`);
else console.log('ok   no leftover temp folders');

rmSync(root, { recursive: true, force: true });
rmSync(runTmp, { recursive: true, force: true });
const failed = results.some((r) => r.problems.length) || !!left || litter.length > 0;
console.log(failed ? 'prove-runner: FAILED' : 'prove-runner: all failure modes are reported');
process.exit(failed ? 1 : 0);
