#!/usr/bin/env node
// Regenerates corpus/her/*.md from the five scraped reviews of *Her* (../shared/seeds/*.txt) with
// the general importer (src/core/import) — the same code as `marginalia import`, with no rule for
// any one page. Reader comments are kept (as a "## Responses" section), as they always were in
// this corpus. test/unit/import/seeds.test.ts proves the result: every sentence of the critics
// kept, the chrome dropped, bodies byte for byte what test/fixtures/gold/ labels.
//
// The only per-seed data here is the name of the file each seed has always had (other tests and
// the gold labels refer to them); a new seed gets the importer's suggested name.
//
// Usage: node scripts/import-seeds.mjs [--seeds DIR] [--out DIR] [--check]
//   --check  only verify that the files on disk are what the importer writes (exit 1 otherwise).

import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const seedsDir = resolve(opt('--seeds', process.env.MARGINALIA_SEEDS ?? join(repo, '..', 'shared', 'seeds')));
const outDir = resolve(opt('--out', join(repo, 'corpus', 'her')));
const checkOnly = args.includes('--check');

const NAMES = {
  '000_ce26396ba656f6c0.txt': 'hua-ruonan-a-decade-later.md',
  '001_6d2cec24d2cec96c.txt': 'movie-review-her.md',
  '002_056cdc7b25516e1d.txt': 'larb-jessica-gross-becoming-human.md',
  '003_de4be868db719e04.txt': 'poignant-exploration.md',
  '004_e0716a62bcd4b50c.txt': 'blog-eyelights-her.md',
};

// The core is TypeScript: bundle the importer in memory and load it.
const built = await esbuild.build({
  entryPoints: [join(repo, 'src/core/import/index.ts')],
  bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const { importReview } = module.exports;

let failed = false;
if (!checkOnly) mkdirSync(outDir, { recursive: true });
for (const seed of readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort()) {
  const text = readFileSync(join(seedsDir, seed), 'utf8');
  const result = importReview({ fileName: seed, text, keepComments: true });
  const name = NAMES[seed] ?? result.suggestedName;
  const outPath = join(outDir, name);
  if (checkOnly) {
    if (!existsSync(outPath) || readFileSync(outPath, 'utf8') !== result.markdown) {
      console.error(`DIFFERS ${name}: run node scripts/import-seeds.mjs to regenerate`);
      failed = true;
    }
  } else writeFileSync(outPath, result.markdown);
  const { kept, dropped, extracted } = result.report;
  console.log(`${seed} → ${name}: ${kept.paragraphs} paragraphs, ${kept.characters} characters kept; ${dropped.length} lines dropped; extracted ${Object.keys(extracted).join(', ') || 'nothing'}`);
  for (const d of dropped) console.log(`    - ${d.reason}: ${d.text.slice(0, 70)}`);
}
process.exit(failed ? 1 : 0);
