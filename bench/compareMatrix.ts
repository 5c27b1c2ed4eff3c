// `node esbuild.mjs --dev && node out/bench/compareMatrix.js [REVIEWS]`: what opening the comparison
// view costs for a film of 1,000 reviews: reviews → matrix → CSV, one entity's passages across every
// review, and serialising the messages the webview receives. The index is built first (not timed).

import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { buildCompareMatrix, matrixToCsv, passagesFor } from '../src/core/compare';
import { compareInput } from '../src/core/compare/input';
import { MentionIndex } from '../src/core/mentionIndex';
import { HER_DIR, loadLexicon, readText } from '../test/unit/fixtures';
import { generateCorpus } from './generateCorpus';

const COUNT = Number(process.argv[2] ?? 1000);
const RUNS = 21;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = generateCorpus(join(tmpdir(), 'marginalia-bench', String(COUNT)), COUNT, HER_DIR);
const index = new MentionIndex();
const film = index.setLexicon(loadLexicon(HER_DIR));
for (const f of readdirSync(dir).filter((n) => n.endsWith('.md'))) film.setReview(join(dir, f), readText(join(dir, f)));
const { entities } = compareInput(film);

/** What opening the view computes first: the extension's compare input (the review rows). */
const reviewsOf = () => compareInput(film).reviews;

const phases: Record<string, number[]> = { reviews: [], matrix: [], csv: [], passages: [], serialise: [], total: [] };
let mentions = 0;
let passageCount = 0;
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  const reviews = reviewsOf();
  const t1 = performance.now();
  const matrix = buildCompareMatrix(reviews, entities, { sort: 'count', includeUnmentioned: true });
  const t2 = performance.now();
  const csv = matrixToCsv(matrix);
  const t3 = performance.now();
  const columns = passagesFor(reviews, 'samantha');
  const t4 = performance.now();
  const bytes = JSON.stringify({ type: 'matrix', matrix }).length + JSON.stringify({ type: 'passages', entityId: 'samantha', columns }).length;
  const t5 = performance.now();
  phases.reviews.push(t1 - t0);
  phases.matrix.push(t2 - t1);
  phases.csv.push(t3 - t2);
  phases.passages.push(t4 - t3);
  phases.serialise.push(t5 - t4);
  phases.total.push(t5 - t0);
  if (run === 0) {
    mentions = reviews.reduce((n, r) => n + r.mentions.length, 0);
    passageCount = columns.reduce((n, c) => n + c.passages.length, 0);
    console.log(`${reviews.length} reviews × ${matrix.entities.length} entities (${entities.length} in the lexicon), ${mentions} mentions; ` +
      `CSV ${csv.length} chars; ${passageCount} passages on Samantha; messages ${(bytes / 1024).toFixed(0)} KB`);
    console.log(`first run (cold, ms): reviews ${(t1 - t0).toFixed(1)}, matrix ${(t2 - t1).toFixed(1)}, csv ${(t3 - t2).toFixed(1)}, passages ${(t4 - t3).toFixed(1)}, serialise ${(t5 - t4).toFixed(1)}, total ${(t5 - t0).toFixed(1)}`);
  }
}
console.log(`median of ${RUNS} runs (ms): ` + Object.entries(phases).map(([k, v]) => `${k} ${median(v).toFixed(1)}`).join(', '));
