// One full index of a corpus folder, in its own process so peak memory is this run's alone.
// Prints JSON: { ms, files, bytes, mentions, maxRssMB }.

import { performance } from 'node:perf_hooks';
import { NodeFileHost } from '../src/platform/node/nodeFileHost';
import { loadCorpus } from '../src/core/corpusLoader';
import { fileUri } from '../src/core/model/uri';
import { resolve } from 'node:path';

async function main() {
  const dir = process.argv[2];
  const t0 = performance.now();
  const { index, reviewCount } = await loadCorpus(new NodeFileHost({ blocking: true }), fileUri(resolve(dir)));
  const ms = performance.now() - t0;
  let bytes = 0;
  let mentions = 0;
  for (const film of index.allFilms()) {
    for (const r of film.reviews.values()) {
      bytes += r.text.length;
      mentions += r.mentionCount;
    }
  }
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  // With --expose-gc: what the index retains, as opposed to the peak while building it.
  const gc = (globalThis as { gc?: () => void }).gc;
  let retainedMB: number | undefined;
  if (gc) {
    gc();
    retainedMB = process.memoryUsage().heapUsed / 1048576;
  }
  process.stdout.write(JSON.stringify({ ms, files: reviewCount, bytes, mentions, maxRssMB, retainedMB }) + '\n');
  void index;
}
void main();
