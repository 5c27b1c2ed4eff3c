// `npm run bench`: every figure of docs/benchmarks.md that runs without an editor, each against a
// baseline measured in the same run (medians; ratios compare across machines, absolute times do not):
// - index: a full index of 100 … 10,000 reviews (and 100 films × 100) vs ripgrep on the same files;
// - cli: `marginalia mentions DIR --json` on 10,000 reviews: wall time vs the index, peak RSS;
// - annotate: `marginalia annotate` on 10,000 reviews, the second run with nothing changed, vs the index;
// - reanchor: 1,000 annotations in a 1 MB review after an edit; reindex: one changed review;
// - vsix: the packaged extension's size.
//   BENCH_ONLY=index,cli,annotate,reanchor,reindex,vsix  BENCH_SIZES=100,1000,10000,100x100  BENCH_RUNS=5
// `--generate-only N` (or `FILMSxREVIEWS`) only writes a corpus and prints where.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MentionIndex } from '../src/core/mentionIndex';
import { HER_DIR, ROOT, loadLexicon } from '../test/unit/fixtures';
import { corpusSentences, generateCorpus, generateFilms } from './generateCorpus';
import { reanchorBench } from './reanchorBench';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000,100x100').split(',');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;
const wanted = (section: string) => !ONLY || ONLY.has(section);
const BASE = join(process.env.TMPDIR || tmpdir(), 'marginalia-bench');
const CLI = join(ROOT, 'dist/cli.js');
const EXIT_RSS = join(__dirname, 'exitRss.js');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** A corpus by name: `10000` is one film of 10,000 reviews, `100x100` is 100 films of 100. */
function corpus(name: string): string {
  const films = /^(\d+)x(\d+)$/.exec(name);
  if (films) return generateFilms(join(BASE, name), Number(films[1]), Number(films[2]), HER_DIR);
  return generateCorpus(join(BASE, name), Number(name), HER_DIR);
}

function ripgrepPatterns(): string {
  const lexicon = loadLexicon(HER_DIR);
  const forms = new Set<string>();
  for (const e of lexicon.entities) for (const f of e.matchForms) forms.add(f.replace(/\*$/, ''));
  const file = join(BASE, 'patterns.txt');
  writeFileSync(file, [...forms].join('\n') + '\n');
  return file;
}

function timeRipgrep(patterns: string, dir: string): number {
  const t0 = performance.now();
  const r = spawnSync('rg', ['-j1', '-w', '-c', '-F', '-f', patterns, dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  return ms;
}

interface IndexRun {
  ms: number;
  files: number;
  bytes: number;
  mentions: number;
  maxRssMB: number;
}

function indexOnce(dir: string): IndexRun {
  const out = execFileSync(process.execPath, [join(__dirname, 'indexOnce.js'), dir], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** Runs the real CLI (its output read as a consumer would, through a pipe); wall time and peak RSS. */
function runCli(args: string[]): Promise<{ ms: number; rssMB: number; outBytes: number; code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-r', EXIT_RSS, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let outBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (outBytes += d.length));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const rss = /marginalia-bench-rss (\d+)/.exec(stderr);
      resolve({ ms, rssMB: rss ? Number(rss[1]) / 1024 : NaN, outBytes, code: code ?? 1, stderr: stderr.replace(/\s*marginalia-bench-rss \d+\s*$/, '') });
    });
  });
}

function reindexOneReview(): { medianMs: number; bytes: number } {
  const index = new MentionIndex();
  const film = index.setLexicon(loadLexicon(HER_DIR));
  const sentences = corpusSentences(HER_DIR);
  let text = '';
  for (let i = 0; text.length < 10_000; i++) text += sentences[i % sentences.length] + (i % 5 === 4 ? '\n\n' : ' ');
  const path = `${HER_DIR}/edited.md`;
  for (let i = 0; i < 1000; i++) film.setReview(`${HER_DIR}/other-${i}.md`, text);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const edited = text.slice(0, 5000) + (i % 2 ? 'Samantha ' : 'Theodore ') + text.slice(5000);
    const t0 = performance.now();
    index.setReview(path, edited);
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times.slice(50)), bytes: text.length };
}

/** Every sidecar under dir with what would change if it were rewritten (inode, size, mtime). */
function sidecarStates(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.annotations.yaml')) {
        const s = statSync(p, { bigint: true });
        out.set(p, `${s.ino}:${s.size}:${s.mtimeNs}`);
      }
    }
  };
  walk(dir);
  return out;
}

const report: string[] = [];

async function main() {
  const only = process.argv.indexOf('--generate-only');
  if (only >= 0) {
    console.log(`bench: corpus of ${process.argv[only + 1]} reviews at ${corpus(process.argv[only + 1])}`);
    return;
  }
  mkdirSync(BASE, { recursive: true });
  console.log(`bench: node ${process.version}; corpora in ${BASE}; load average ${load()}`);

  if (wanted('index')) {
    try {
      execFileSync('rg', ['--version']);
    } catch {
      console.error('bench: ripgrep (rg) is needed for the baseline: apt-get install ripgrep (or scripts/install-debian-deps.sh)');
      process.exit(1);
    }
    const patterns = ripgrepPatterns();
    console.log(`index: ${RUNS} runs per size, medians; ${execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0]}; ${readFileSync(patterns, 'utf8').trim().split('\n').length} patterns`);
    const rows: string[] = [];
    let previous: { ms: number; bytes: number } | undefined;
    const loadBefore = load();
    for (const size of SIZES) {
      const dir = corpus(size);
      indexOnce(dir); // warm the page cache for both tools
      timeRipgrep(patterns, dir);
      const ours: IndexRun[] = [];
      const rg: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        ours.push(indexOnce(dir));
        rg.push(timeRipgrep(patterns, dir));
      }
      const ms = median(ours.map((o) => o.ms));
      const rgMs = median(rg);
      const { files, bytes, mentions } = ours[0];
      const mb = bytes / 1e6;
      const films = /x/.test(size);
      const row = {
        reviews: films ? `${size.replace('x', ' films × ')}` : files,
        MB: mb.toFixed(1),
        mentions,
        indexMs: ms.toFixed(0),
        'MB/s': (mb / (ms / 1000)).toFixed(1),
        peakRssMB: median(ours.map((o) => o.maxRssMB)).toFixed(0),
        rgMs: rgMs.toFixed(0),
        ratio: (ms / rgMs).toFixed(2),
        // Cost of the bytes added since the previous size: flat when growth is linear.
        'marginal µs/KB': previous && !films ? (((ms - previous.ms) * 1000) / ((bytes - previous.bytes) / 1000)).toFixed(1) : '–',
      };
      if (!films) previous = { ms, bytes };
      console.log(JSON.stringify(row));
      rows.push(`| ${Object.values(row).join(' | ')} |`);
    }
    report.push(
      `Index vs ripgrep (load average ${loadBefore} → ${load()}):`,
      '| reviews | MB | mentions | index ms | MB/s | peak RSS MB | rg ms | ours / rg | marginal µs/KB |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    );
  }

  if (wanted('cli')) {
    const loadBefore = load();
    const rows: string[] = [];
    for (const size of ['10000', '100x100']) {
      const dir = corpus(size);
      const index: number[] = [];
      const cli: Array<Awaited<ReturnType<typeof runCli>>> = [];
      indexOnce(dir);
      for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
        index.push(indexOnce(dir).ms);
        const r = await runCli(['mentions', dir, '--json']);
        if (r.code !== 0) throw new Error(`marginalia mentions failed (${r.code}): ${r.stderr}`);
        cli.push(r);
      }
      const ms = median(cli.map((c) => c.ms));
      const row = `| ${size.replace('x', ' films × ')} | ${median(index).toFixed(0)} | ${ms.toFixed(0)} | ${(ms / median(index)).toFixed(2)} | ${median(cli.map((c) => c.rssMB)).toFixed(0)} | ${(cli[0].outBytes / 1e6).toFixed(1)} |`;
      console.log(`cli mentions --json ${size}: ${row}`);
      rows.push(row);
    }
    report.push(
      `\`marginalia mentions DIR --json\`, output read through a pipe (load average ${loadBefore} → ${load()}):`,
      '| reviews | index ms | CLI wall ms | CLI / index | CLI peak RSS MB | JSON MB |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
    );
  }

  if (wanted('annotate')) {
    const loadBefore = load();
    const rows: string[] = [];
    for (const size of (process.env.BENCH_ANNOTATE_SIZES ?? '10000,100x100').split(',')) {
      const src = corpus(size);
      const dir = join(BASE, `annotate-${size}`);
      rmSync(dir, { recursive: true, force: true });
      execFileSync('cp', ['-al', src, dir]); // reviews as hard links: annotate writes only sidecars
      const first = await runCli(['annotate', dir]);
      if (first.code !== 0) throw new Error(`marginalia annotate failed (${first.code}): ${first.stderr.slice(0, 2000)}`);
      const before = sidecarStates(dir);
      const index: number[] = [];
      const second: number[] = [];
      let rss = 0;
      for (let i = 0; i < 3; i++) {
        index.push(indexOnce(dir).ms);
        const r = await runCli(['annotate', dir]);
        if (r.code !== 0) throw new Error(`marginalia annotate (again) failed (${r.code}): ${r.stderr.slice(0, 2000)}`);
        second.push(r.ms);
        rss = Math.max(rss, r.rssMB);
      }
      const after = sidecarStates(dir);
      const rewritten = [...before].filter(([p, s]) => after.get(p) !== s).length;
      rmSync(dir, { recursive: true, force: true });
      const row = `| ${size.replace('x', ' films × ')} | ${before.size} | ${(first.ms / 1000).toFixed(1)} s | ${median(index).toFixed(0)} | ${median(second).toFixed(0)} | ${(median(second) / median(index)).toFixed(2)} | ${rewritten} | ${rss.toFixed(0)} |`;
      console.log(`annotate ${size}: ${row}`);
      rows.push(row);
    }
    report.push(
      `\`marginalia annotate DIR\` (load average ${loadBefore} → ${load()}):`,
      '| reviews | sidecars | first run | index ms | second run ms | second / index | sidecars rewritten by the second runs | peak RSS MB |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    );
  }

  if (wanted('reanchor')) {
    const loadBefore = load();
    const r = reanchorBench(corpusSentences(HER_DIR), 1_000_000, 1000, RUNS);
    console.log(`reanchor: ${JSON.stringify(r)}`);
    report.push(
      `Re-anchoring (load average ${loadBefore} → ${load()}): ${r.annotations} annotations in a ${(r.reviewChars / 1e6).toFixed(1)} MB review (each quote occurs ${r.occurrencesPerQuote.toFixed(1)}× on average: its sentences repeat)`,
      '| after | median ms (CPU ms) | outcomes |',
      '|---|---|---|',
      `| an inserted sentence (70% of passages move) | ${r.insertionMs.toFixed(1)} (${r.insertionCpuMs.toFixed(1)}) | ${Object.entries(r.outcomes).map(([k, v]) => `${k} ${v}`).join(', ')} |`,
      `| a word changed inside one passage | ${r.wordChangeMs.toFixed(1)} (${r.wordChangeCpuMs.toFixed(1)}) | one found by approximate search |`,
      `| moving them through one typed edit (the editor) | ${r.moveMs.toFixed(3)} | |`,
      '',
    );
  }

  if (wanted('reindex')) {
    const re = reindexOneReview();
    console.log(`re-index one changed ${(re.bytes / 1000).toFixed(1)} KB review (in a film of 1,000): median ${re.medianMs.toFixed(3)} ms`);
    report.push(`Re-index one changed ${(re.bytes / 1000).toFixed(1)} KB review in a film of 1,000: median ${re.medianMs.toFixed(3)} ms`, '');
  }

  if (wanted('vsix')) {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const size = /marginalia\.vsix: ([\d.]+) KiB/.exec(out)?.[1];
    console.log(`vsix: ${size} KiB`);
    report.push(`.vsix: ${size} KiB (scripts/package.mjs; production bundles)`, '');
  }

  console.log('\n' + report.join('\n'));
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
