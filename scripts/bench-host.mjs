// `npm run bench:host`: the extension at scale in code-server's real Node extension host, then
// activation in both real hosts (Node and web worker). For each corpus (one film of 10,000 reviews;
// 100 films × 100 reviews) a fresh window runs test/hostBench/index.ts: time to a usable tree from a
// cold activate(), event-loop stalls while indexing, the heap after indexing, expanding the largest
// tree nodes, hover and references. Prints one table; the JSON goes to $TMPDIR/marginalia-bench/host.json.
//   node scripts/bench-host.mjs [--only 10000,100x100,activation] [--activation-runs 5]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO } from './host.mjs';

const { values } = parseArgs({ options: { only: { type: 'string' }, 'activation-runs': { type: 'string', default: '5' } } });
const only = values.only ? new Set(values.only.split(',')) : undefined;
const BASE = join(process.env.TMPDIR || tmpdir(), 'marginalia-bench');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** A copy (hard links) of a generated corpus whose lexicons are `film.yaml.cold`: nothing activates Marginalia before the bench does. */
function coldCopy(src, name) {
  const dst = join(BASE, `host-${name}`);
  rmSync(dst, { recursive: true, force: true });
  execFileSync('cp', ['-al', src, dst]);
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name === 'film.yaml') renameSync(join(dir, e.name), join(dir, 'film.yaml.cold'));
    }
  };
  walk(dst);
  return dst;
}

function hostBench(name, generateArg) {
  const out = execFileSync(process.execPath, [join(REPO, 'out/bench/run.js'), '--generate-only', generateArg], { encoding: 'utf8' });
  const corpus = /at (\S+)$/m.exec(out)[1];
  const workspace = coldCopy(corpus.endsWith('/film') ? join(corpus, '..') : corpus, name);
  const before = load();
  console.error(`[bench-host] ${name}: load average ${before}`);
  const r = spawnSync(process.execPath, [join(REPO, 'scripts/run-integration.mjs'), '--tests', join(REPO, 'out/test/hostBench/index.js'), '--workspace', workspace], {
    cwd: REPO,
    encoding: 'utf8',
    env: { MARGINALIA_TEST_TIMEOUT_MS: '1800000', ...process.env },
    maxBuffer: 1 << 26,
  });
  rmSync(workspace, { recursive: true, force: true });
  const lines = (r.stdout + r.stderr).split('\n').filter((l) => !/^\[host\]|remote-connection|Extension host \(Remote\)/.test(l));
  for (const l of lines) if (/^(host bench|activate\(\)|event loop|heap|reviews tree|entities tree|hover|references)/.test(l)) console.log(`  ${l}`);
  const m = /host-bench (\{.*\})/.exec(r.stdout + r.stderr);
  if (r.status !== 0 || !m) throw new Error(`host bench ${name} failed (exit ${r.status}):\n${lines.slice(-40).join('\n')}`);
  return { ...JSON.parse(m[1]), load: `${before} → ${load()}` };
}

const results = {};
for (const [name, arg] of [['10000', '10000'], ['100x100', '100x100']]) {
  if (only && !only.has(name)) continue;
  console.log(`host bench, ${name === '10000' ? 'one film of 10,000 reviews' : '100 films × 100 reviews'}:`);
  results[name] = hostBench(name, arg);
}
if (!only || only.has('activation')) {
  // Production bundles, as users get them; each run a fresh window on an empty workspace.
  execFileSync(process.execPath, [join(REPO, 'esbuild.mjs'), '--production'], { cwd: REPO, stdio: 'inherit' });
  const before = load();
  const out = execFileSync(process.execPath, [join(REPO, 'scripts/bench-activation.mjs'), '--runs', values['activation-runs']], { cwd: REPO, encoding: 'utf8' });
  process.stdout.write(out);
  results.activation = { output: out.trim(), load: `${before} → ${load()}` };
}
writeFileSync(join(BASE, 'host.json'), JSON.stringify(results, null, 2));

const row = (label, f) => `| ${label} | ${Object.keys(results).filter((k) => k !== 'activation').map((k) => f(results[k])).join(' | ')} |`;
const names = Object.keys(results).filter((k) => k !== 'activation');
if (names.length) {
  const ms = (x) => (x === undefined ? '–' : `${Math.round(x).toLocaleString('en')} ms`);
  console.log(`\n| | ${names.map((n) => (n === '10000' ? '1 film × 10,000' : '100 films × 100')).join(' | ')} |\n|---|${names.map(() => '---').join('|')}|`);
  console.log(row('reviews, mentions', (r) => `${r.reviews.toLocaleString('en')}, ${r.mentions.toLocaleString('en')}`));
  console.log(row('activate()', (r) => ms(r.activateMs)));
  console.log(row('indexed (from activate())', (r) => ms(r.indexedMs)));
  console.log(row('Reviews view shows its rows', (r) => ms(r.treeMs)));
  console.log(row('annotations loaded', (r) => ms(r.annotationsMs)));
  console.log(row('longest event-loop stall (busy)', (r) => `${ms(r.longestStallMs)} (${ms(r.longestBusyStallMs)})`));
  console.log(row('heap after indexing (full GC)', (r) => `${r.heapMB} MB`));
  for (const tree of ['reviews', 'entities']) {
    console.log(row(`${tree} tree: expand largest node (rows): host / round trip`, (r) => (r.expansions[tree] ? `(${r.expansions[tree].rows}) ${ms(r.expansions[tree].host.median)} / ${ms(r.expansions[tree].roundTrip.median)}` : '–')));
  }
  console.log(row('hover provider p50 / p95', (r) => `${r.hoverProvider.median} / ${r.hoverProvider.p95} ms`));
  console.log(row('hover round trip p50 / p95 (no-card baseline p50)', (r) => `${r.hover.median} / ${r.hover.p95} ms (${r.baselineHover.median} ms)`));
  console.log(row('references provider p50 / p95', (r) => `${r.referencesProvider.median} / ${r.referencesProvider.p95} ms`));
  console.log(row('references round trip p50 / p95 (largest)', (r) => `${r.references.median} / ${r.references.p95} ms (${r.references.largest.toLocaleString('en')})`));
  console.log(row('load average (1, 5, 15 min) before → after', (r) => r.load));
}
if (results.activation) console.log(`\nactivation (load ${results.activation.load}):\n${results.activation.output}`);
