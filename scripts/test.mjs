// `npm test`: every check in order, stopping at the first failure with its exit code.
import { spawnSync } from 'node:child_process';
import { REPO } from './host.mjs';

const steps = [
  ['build (dev)', 'node esbuild.mjs --dev'],
  ['typecheck', 'npx --no-install tsc --noEmit -p .'],
  ['unit', 'npx --no-install mocha'],
  ['integration', 'node scripts/run-integration.mjs'],
  ['package', 'node scripts/package.mjs'],
  ['e2e', 'node scripts/run-e2e.mjs'],
];

const results = [];
let exitCode = 0;
for (const [name, cmd] of steps) {
  console.log(`\n=== ${name}: ${cmd}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, { cwd: REPO, stdio: 'inherit', shell: true });
  const code = r.status ?? 1; // killed by a signal counts as a failure
  results.push({ name, code, seconds: (Date.now() - t0) / 1000 });
  if (code !== 0) {
    exitCode = code;
    break;
  }
}

console.log('\n=== summary');
for (const { name, code, seconds } of results) {
  console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${name.padEnd(12)} ${seconds.toFixed(1).padStart(6)} s${code ? `  (exit ${code})` : ''}`);
}
for (const [name] of steps.slice(results.length)) console.log(`skip ${name}`);
process.exit(exitCode);
