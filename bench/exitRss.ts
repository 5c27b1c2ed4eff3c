// Preloaded into a CLI run by the benchmarks (`node -r out/bench/exitRss.js dist/cli.js …`): at exit,
// writes the process's peak resident memory to stderr as `marginalia-bench-rss <KB>`.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\nmarginalia-bench-rss ${process.resourceUsage().maxRSS}\n`));
