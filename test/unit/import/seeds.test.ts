// Proof on the real pages: the general importer, with no rule for any one page, turns the five
// raw *Her* seeds into the corpus files — every sentence of the critics kept verbatim, the chrome
// a human removed removed, and bodies byte for byte what the gold labels were made on.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReview } from '../../../src/core/import';
import { parseFrontMatter } from '../../../src/core/frontMatter';
import { HER_DIR } from '../fixtures';
import { SEEDS_DIR, SEED_EXPECTATIONS, sentences } from './seedFixtures';

const ADDED_HEADINGS = new Set(['## Synopsis', '## Review', '## Responses']);
const stripMarkers = (line: string) => line.replace(/^\s*(?:## |[-•] |\d+\. )?/, '').replace(/^\s+/, '');

describe('import: the five Her seeds, no per-file rules', () => {
  const figures: string[] = [];
  after(() => {
    for (const f of figures) console.log(`      ${f}`);
  });

  for (const exp of SEED_EXPECTATIONS) {
    it(`${exp.seed} → corpus/her/${exp.review}`, () => {
      const seedText = readFileSync(join(SEEDS_DIR, exp.seed), 'utf8');
      const result = importReview({ fileName: exp.seed, text: seedText, keepComments: true });
      const body = result.body;

      // 1. Every line of the seed that is not chrome is there, and so is every sentence of it.
      let total = 0;
      const missing: string[] = [];
      const chrome = new Set(exp.chrome);
      for (let line of seedText.split('\n')) {
        if (line.trim() === '' || chrome.has(line)) continue;
        for (const p of exp.gluedPrefixes ?? []) if (line.startsWith(p)) line = line.slice(p.length);
        const text = stripMarkers(line);
        for (const s of sentences(text)) {
          total++;
          if (!body.includes(s)) missing.push(s.slice(0, 80));
        }
        if (!body.includes(text)) missing.push(`(whole line) ${text.slice(0, 80)}`);
      }
      assert.deepEqual(missing, [], 'sentences of the critic lost');

      // 2. The chrome is gone: no body line is a chrome line.
      const bodyLines = new Set(body.split('\n').map(stripMarkers));
      const leaked = exp.chrome.filter((c) => bodyLines.has(c.trim()));
      assert.deepEqual(leaked, [], 'chrome kept');

      // 3. Nothing invented: each body line is seed text or a heading we add.
      const seedLines = new Set(seedText.split('\n').map((l) => stripMarkers((exp.gluedPrefixes ?? []).reduce((s, p) => (s.startsWith(p) ? s.slice(p.length) : s), l))));
      const invented = body.split('\n').filter((l) => l !== '' && !ADDED_HEADINGS.has(l) && !seedLines.has(stripMarkers(l)));
      assert.deepEqual(invented, [], 'body lines that are not in the seed');

      // 4. Byte for byte the body of the corpus file (what the gold labels mark).
      const corpusText = readFileSync(join(HER_DIR, exp.review), 'utf8');
      assert.equal(body, corpusText.slice(parseFrontMatter(corpusText).bodyStart), 'body differs from the corpus file');
      assert.equal(result.markdown, corpusText, 'corpus file is not what the importer writes (run node scripts/import-seeds.mjs)');

      // 5. Front matter: what the page says, nothing else.
      assert.deepEqual(result.frontMatter, exp.frontMatter);
      assert.ok(!/^seed:/m.test(result.markdown) && !/^film:/m.test(result.markdown));

      const droppedChrome = exp.chrome.filter((c) => result.report.dropped.some((d) => d.text === c.trim())).length;
      figures.push(
        `${exp.seed}: ${total - missing.length}/${total} sentences kept, ${droppedChrome}/${exp.chrome.length} chrome lines dropped, ` +
          `${result.report.kept.paragraphs} paragraphs / ${result.report.kept.characters} chars, extracted ${Object.keys(result.report.extracted).join(', ') || 'nothing'}`,
      );
    });
  }
});
