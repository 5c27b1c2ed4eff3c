// Activation time (bundle load + activate()) in both real extension hosts of code-server: the Node
// host and the web worker host. Each run is a fresh window on an empty workspace; prints medians.
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

function once(web) {
  const tests = join(REPO, 'out/test/hostBench', web ? 'activation.web.js' : 'activation.js');
  const args = ['scripts/run-integration.mjs', '--tests', tests, '--workspace', empty, ...(web ? ['--web'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
  const m = /activation-bench (\{.*\})/.exec(r.stdout + r.stderr);
  if (r.status !== 0 || !m) throw new Error(`activation run failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(m[1]).ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (const web of [false, true]) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(once(web));
  results[web ? 'web worker host' : 'node host'] = { median: median(times), runs: times.map((t) => Math.round(t * 10) / 10) };
}
rmSync(join(empty, '..'), { recursive: true, force: true });
for (const [host, r] of Object.entries(results)) console.log(`${host}: activation median ${r.median.toFixed(1)} ms (runs: ${r.runs.join(', ')})`);
