// `npm test`: every check in order, stopping at the first failure with its exit code.
import { spawn } from 'node:child_process';
import { REPO } from './host.mjs';

const steps = [
  ['build (dev)', 'node esbuild.mjs --dev'],
  ['typecheck', 'npm run --silent typecheck'],
  ['unit', 'npx --no-install mocha'],
  ['integration (node host)', 'node scripts/run-integration.mjs'],
  ['integration (web worker host)', 'node scripts/run-integration.mjs --web'],
  ['package', 'node scripts/package.mjs'],
  ['e2e', 'node scripts/run-e2e.mjs'],
];

/** Test counts from a step's output: mocha's "N passing / N failing", our runners' "N passed, N failed". */
function counts(output) {
  const num = (re) => [...output.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  const mochaPassed = num(/^\s*(\d+) passing/gm);
  if (mochaPassed || /^\s*\d+ failing/m.test(output)) return { passed: mochaPassed, failed: num(/^\s*(\d+) failing/gm) };
  const last = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : { passed: 0, failed: 0 };
}

const results = [];
let exitCode = 0;
for (const [name, cmd] of steps) {
  console.log(`\n=== ${name}: ${cmd}`);
  const t0 = Date.now();
  // Output is shown as it comes and kept to count the tests.
  const r = await new Promise((resolve) => {
    const child = spawn(cmd, { cwd: REPO, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (process.stdout.write(d), (output += d)));
    child.stderr.on('data', (d) => (process.stderr.write(d), (output += d)));
    child.on('close', (status) => resolve({ status, output }));
  });
  const code = r.status ?? 1; // killed by a signal counts as a failure
  results.push({ name, code, seconds: (Date.now() - t0) / 1000, ...counts(r.output) });
  if (code !== 0) {
    exitCode = code;
    break;
  }
}

console.log('\n=== summary');
for (const { name, code, seconds, passed, failed } of results) {
  const tests = passed || failed ? `  ${passed} passed, ${failed} failed` : '';
  console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${name.padEnd(12)} ${seconds.toFixed(1).padStart(6)} s${tests}${code ? `  (exit ${code})` : ''}`);
}
for (const [name] of steps.slice(results.length)) console.log(`skip ${name}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0) + (exitCode !== 0 && results.every((r) => !r.failed) ? 1 : 0);
// One closing line for CI: every test of every step.
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
