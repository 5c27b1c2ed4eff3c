// Pure matching throughput on in-memory texts (no I/O, no index), to separate engine cost from I/O.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseLexicon } from '../src/core/lexicon/parseLexicon';
import { MentionMatcher } from '../src/core/mentions/mentionMatcher';

const dir = process.argv[2];
const lex = parseLexicon(join(dir, 'film.yaml'), readFileSync(join(dir, 'film.yaml'), 'utf8'));
const m = new MentionMatcher(lex);
const texts = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8'));
let bytes = 0;
for (const t of texts) bytes += t.length;
for (let round = 0; round < 5; round++) {
  const t0 = performance.now();
  let n = 0;
  for (const t of texts) n += m.findMentions(t).length;
  const ms = performance.now() - t0;
  console.log(`${(bytes / 1e6).toFixed(1)} MB, ${n} mentions, ${ms.toFixed(0)} ms, ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`);
}
