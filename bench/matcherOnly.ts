// Pure matching throughput on in-memory texts (no I/O, no index), to separate engine cost from I/O:
//   node out/bench/matcherOnly.js DIR [rounds]
// Uses scan(), the index's path (no Mention objects). Prints each round's wall and CPU time, then
// the best and the median: on a shared machine the best CPU time is the steadiest figure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseLexicon } from '../src/core/lexicon/parseLexicon';
import { MentionMatcher } from '../src/core/mentions/mentionMatcher';
import { readReviewInfo } from '../src/core/review';

const dir = process.argv[2];
const rounds = Number(process.argv[3] ?? 5);
const lex = parseLexicon(join(dir, 'film.yaml'), readFileSync(join(dir, 'film.yaml'), 'utf8'));
const m = new MentionMatcher(lex);
const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
const bodyStarts = texts.map((t, i) => readReviewInfo(files[i], t).bodyStart);
let bytes = 0;
for (const t of texts) bytes += t.length;
const walls: number[] = [];
const cpus: number[] = [];
for (let round = 0; round < rounds; round++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  texts.forEach((t, i) => m.scan(t, { bodyStart: bodyStarts[i] }, () => n++));
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  walls.push(ms);
  cpus.push((c.user + c.system) / 1000);
  console.log(`${(bytes / 1e6).toFixed(1)} MB, ${n} mentions, ${ms.toFixed(0)} ms wall, ${cpus[round].toFixed(0)} ms CPU, ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`best ${Math.min(...cpus).toFixed(0)} ms CPU, median ${median(cpus).toFixed(0)} ms CPU, median ${median(walls).toFixed(0)} ms wall`);
