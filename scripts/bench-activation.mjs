// Activation time (bundle load + activate()) in both real extension hosts of code-server: the Node
// host and the web worker host. Each run is a fresh window on an empty workspace; prints medians.
// The Node host is measured twice: cold (a new user data folder each run, as on first install) and
// warm (one user data folder, primed once: V8's code cache of the bundle is there, as on every
// later start of VS Code).
//   node scripts/bench-activation.mjs [--runs 5]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO, tempDir } from './host.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const empty = join(tempDir('empty'), 'workspace');
mkdirSync(empty, { recursive: true });

function once(web, env = {}) {
  const tests = join(REPO, 'out/test/hostBench', web ? 'activation.web.js' : 'activation.js');
  const args = ['scripts/run-integration.mjs', '--tests', tests, '--workspace', empty, ...(web ? ['--web'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } });
  const m = /activation-bench (\{.*\})/.exec(r.stdout + r.stderr);
  if (r.status !== 0 || !m) throw new Error(`activation run failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(m[1]).ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
const record = (name, times) => (results[name] = { median: median(times), runs: times.map((t) => Math.round(t * 10) / 10) });
record('node host, cold', Array.from({ length: runs }, () => once(false)));
const userData = tempDir('user-data');
once(false, { MARGINALIA_USER_DATA_DIR: userData, MARGINALIA_BENCH_LINGER_MS: '7000' });
record('node host, warm (code cache)', Array.from({ length: runs }, () => once(false, { MARGINALIA_USER_DATA_DIR: userData })));
record('web worker host', Array.from({ length: runs }, () => once(true)));
rmSync(join(empty, '..'), { recursive: true, force: true });
rmSync(userData, { recursive: true, force: true });
for (const [host, r] of Object.entries(results)) console.log(`${host}: activation median ${r.median.toFixed(1)} ms (runs: ${r.runs.join(', ')})`);
