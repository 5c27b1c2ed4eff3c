// `npm run bench`: indexing speed against ripgrep on the same files, in the same run.
// Results are medians; ratios, not absolute times, are what compare across machines.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MentionIndex } from '../src/core/mentionIndex';
import { HER_DIR, loadLexicon } from '../test/unit/fixtures';
import { corpusSentences, generateCorpus } from './generateCorpus';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BASE = join(tmpdir(), 'marginalia-bench');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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

function indexOnce(dir: string): { ms: number; files: number; bytes: number; mentions: number; maxRssMB: number } {
  const out = execFileSync(process.execPath, [join(__dirname, 'indexOnce.js'), dir], { encoding: 'utf8' });
  return JSON.parse(out);
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

function main() {
  const only = process.argv.indexOf('--generate-only');
  if (only >= 0) {
    const n = Number(process.argv[only + 1]);
    console.log(`bench: corpus of ${n} reviews at ${generateCorpus(join(BASE, String(n)), n, HER_DIR)}`);
    return;
  }
  try {
    execFileSync('rg', ['--version']);
  } catch {
    console.error('bench: ripgrep (rg) is needed for the baseline: apt-get install ripgrep (or scripts/install-debian-deps.sh)');
    process.exit(1);
  }
  mkdirSync(BASE, { recursive: true });
  const patterns = ripgrepPatterns();
  const rows: string[] = [];
  let previous: { ms: number; bytes: number } | undefined;
  console.log(`bench: ${RUNS} runs per size, medians; corpora in ${BASE}`);
  console.log(`rg: ${execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0]}; node ${process.version}; patterns: ${readFileSync(patterns, 'utf8').trim().split('\n').length}`);
  for (const n of SIZES) {
    const dir = generateCorpus(join(BASE, String(n)), n, HER_DIR);
    indexOnce(dir); // warm the page cache for both tools
    timeRipgrep(patterns, dir);
    const ours: ReturnType<typeof indexOnce>[] = [];
    const rg: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(indexOnce(dir));
      rg.push(timeRipgrep(patterns, dir));
    }
    const ms = median(ours.map((o) => o.ms));
    const rgMs = median(rg);
    const { files, bytes, mentions } = ours[0];
    const mb = bytes / 1e6;
    const row = {
      reviews: files,
      MB: mb.toFixed(1),
      mentions,
      indexMs: ms.toFixed(0),
      'MB/s': (mb / (ms / 1000)).toFixed(1),
      'µs/KB': ((ms * 1000) / (bytes / 1000)).toFixed(1),
      peakRssMB: median(ours.map((o) => o.maxRssMB)).toFixed(0),
      rgMs: rgMs.toFixed(0),
      ratio: (ms / rgMs).toFixed(2),
      // Cost of the bytes added since the previous size: flat when growth is linear.
      'marginal µs/KB': previous ? (((ms - previous.ms) * 1000) / ((bytes - previous.bytes) / 1000)).toFixed(1) : '–',
    };
    previous = { ms, bytes };
    console.log(JSON.stringify(row));
    rows.push(`| ${Object.values(row).join(' | ')} |`);
  }
  const re = reindexOneReview();
  console.log(`re-index one changed ${(re.bytes / 1000).toFixed(1)} KB review (in a film of 1,000): median ${re.medianMs.toFixed(3)} ms`);
  const table = ['| reviews | MB | mentions | index ms | MB/s | µs/KB | peak RSS MB | rg ms | ours / rg | marginal µs/KB |', '|---|---|---|---|---|---|---|---|---|---|', ...rows].join('\n');
  console.log('\n' + table);
  console.log(`\nre-index one ${(re.bytes / 1000).toFixed(1)} KB review: median ${re.medianMs.toFixed(3)} ms`);
}

main();
