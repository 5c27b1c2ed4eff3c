// Builds the extension and the CLI into single bundles (dist/), and compiles tests,
// benchmarks and sources file-by-file into out/ for mocha. Type-checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const devOnly = args.has('--dev'); // also compile tests and benchmarks

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const bundles = [
  {
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  },
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
].map((b) => ({
  ...b,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
}));

// Benchmarks are bundled like the shipped code, so they measure what users run (per-file CommonJS
// output adds a getter call to every cross-module function call on the hot path).
const benchBundles = ['bench/run.ts', 'bench/indexOnce.ts', 'bench/matcherOnly.ts', 'bench/sidecarSize.ts'].map((entry) => ({
  entryPoints: [entry],
  outfile: entry.replace(/^bench\/(.*)\.ts$/, 'out/bench/$1.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
}));

const perFile = {
  entryPoints: [...walk('src'), ...walk('test')],
  outdir: 'out',
  outbase: '.',
  bundle: false,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

// A production build must not ship stale development source maps; other files in dist/ (the .vsix)
// are left alone.
if (production) for (const f of ['dist/extension.js.map', 'dist/cli.js.map']) rmSync(f, { force: true });
const configs = devOnly || watch ? [...bundles, ...benchBundles, perFile] : bundles;
if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}
