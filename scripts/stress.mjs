// `npm run test:stress`: the sidecar-safety battery and the re-anchoring property test with their
// counts multiplied — MARGINALIA_STRESS (default 10) for races, kills, concurrent runs and
// hostile inputs; ANCHOR_TRIALS (default 12000) for random-edit re-anchorings. Prints the figures
// each test reports, then a summary; exits with mocha's code.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const env = {
  ...process.env,
  MARGINALIA_STRESS: process.env.MARGINALIA_STRESS ?? '10',
  ANCHOR_TRIALS: process.env.ANCHOR_TRIALS ?? '12000',
};
const args = [
  'mocha', '--no-config', '--enable-source-maps', '--timeout', '0',
  'out/test/unit/sidecarSafety/**/*.test.js', 'out/test/unit/annotations/reanchor.property.test.js',
];
console.log(`stress: MARGINALIA_STRESS=${env.MARGINALIA_STRESS} ANCHOR_TRIALS=${env.ANCHOR_TRIALS}`);
const t0 = Date.now();
const child = spawn('npx', ['--no-install', ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
child.stdout.on('data', (d) => (process.stdout.write(d), (output += d)));
child.on('close', (code) => {
  const figures = output.split('\n').filter((l) => /^ {6}[^\s✔]/.test(l) && !/^\s+at /.test(l));
  console.log(`\n=== stress summary (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  for (const l of figures) console.log(l.trim());
  console.log(output.match(/^\s*\d+ passing.*$/m)?.[0]?.trim() ?? '', output.match(/^\s*\d+ failing.*$/m)?.[0]?.trim() ?? '0 failing');
  process.exit(code ?? 1);
});
