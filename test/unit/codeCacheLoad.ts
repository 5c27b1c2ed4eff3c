// Child process of codeCache.test.ts (V8 keeps compiled scripts per process, so each load that
// should meet the cache on disk runs in a process of its own): loads argv[2] with its cache in
// argv[3], prints the outcome and the exports, and stays until the cache is written.
import { requireWithCodeCache } from '../../src/platform/node/codeCache';

const { exports, outcome } = requireWithCodeCache<unknown>(process.argv[2], require, process.argv[3] || undefined, 0);
process.stdout.write(JSON.stringify({ outcome: outcome.cache, exports }));
setTimeout(() => undefined, 100);
