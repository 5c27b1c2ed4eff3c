// Random marks on real and trap reviews: wherever mentions and annotations fall (annotations at
// any offset, inside syntax included), the page keeps its structure and text, every mark's text is
// exactly its source, and the output stays well-formed. Seeded: MARKS_SEED=n reproduces a run.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { txtAsMarkdown, type ReadingAnnotation, type ReadingMention } from '../../../src/core/reading';
import { ARRIVAL_DIR, HER_DIR, ROOT, readText, reviewFiles } from '../fixtures';
import { ENGINES, previewEngine } from './engines';
import { findAll, hasClass, type HtmlElement, parseHtml, skeleton, textContent } from './html';
import { mulberry32 } from '../random';


const DOCS = [
  readText(join(ROOT, 'test/fixtures/reading/traps.md')),
  readText(join(ROOT, 'test/fixtures/reading/security.md')),
  readText(join(ROOT, 'test/fixtures/reading/syntax-zoo.md')),
  readText(join(ROOT, 'test/fixtures/reading/syntax-zoo.md')).replace(/\n/g, '\r\n'),
  txtAsMarkdown(readText(reviewFiles(ARRIVAL_DIR).find((p) => p.endsWith('.txt'))!)).markdown,
  readText(join(ROOT, 'test/fixtures/reading/traps.md')).replace(/\n/g, '\r\n'),
  ...reviewFiles(HER_DIR).slice(0, 2).map(readText),
];

describe('reading view under random marks (property)', () => {
  const seed = Number(process.env.MARKS_SEED ?? 20261122);
  for (const engine of ENGINES) {
    it(`${engine.name}: structure and text kept, marks exact (seed ${seed})`, () => {
      const rand = mulberry32(seed);
      let trials = 0;
      let mentionsMarked = 0;
      let mentionsTried = 0;
      let annotationsShown = 0;
      for (let round = 0; round < 40; round++) {
        for (const text of DOCS) {
          const words = [...text.matchAll(/\p{L}[\p{L}'’]*/gu)];
          const mentions: ReadingMention[] = [];
          for (let i = 0; i < words.length; i++) {
            if (rand() > 0.15) continue;
            const w = words[i];
            const two = rand() < 0.3 && i + 1 < words.length; // sometimes two words, across whatever is between
            const end = two ? words[i + 1].index! + words[i + 1][0].length : w.index! + w[0].length;
            if (end - w.index! > 60) continue;
            mentions.push({ entity: `e${i}`, kind: rand() < 0.2 ? 'theme' : 'character', name: w[0], start: w.index!, end });
            if (two) i++;
          }
          const annotations: ReadingAnnotation[] = [];
          for (let k = 0; k < 4; k++) {
            const a = Math.floor(rand() * text.length);
            const b = Math.min(text.length, a + 1 + Math.floor(rand() * 300));
            annotations.push({ id: `a${k}`, start: a, end: b, note: 'n' });
          }
          const marks = { mentions, annotations, showThemes: rand() < 0.5, sourceLink: (l: number) => `r.md#L${l + 1}` };
          const html = previewEngine(engine.create, (src) => (src === text ? marks : undefined)).render(text);
          const bare = previewEngine(engine.create, (src) => (src === text ? { ...marks, mentions: [], annotations: [] } : undefined)).render(text);
          const root = parseHtml(html); // throws if tags do not nest
          assert.equal(skeleton(root), skeleton(parseHtml(bare)), `round ${round}: the marks changed the page`);
          const byStart = new Map<number, string>();
          for (const s of findAll(root, (e) => e.tag === 'span' && hasClass(e, 'marginalia-mention'))) {
            const start = Number(s.attrs['data-start']);
            byStart.set(start, (byStart.get(start) ?? '') + textContent(s));
            assert.ok(!findAll(s, (e) => e.tag === 'a' && !hasClass(e, 'marginalia-source')).length || !findAll(s, (e) => hasClass(e, 'marginalia-source')).length, 'no anchor in an anchor');
          }
          for (const m of mentions) {
            if (m.kind === 'theme' && !marks.showThemes) continue;
            mentionsTried++;
            const got = byStart.get(m.start);
            if (got === undefined) continue;
            mentionsMarked++;
            const raw = text.slice(m.start, m.end).replace(/\r\n/g, '\n');
            // words apart by spaces or a line break read exactly; between them there may also be
            // markup or a block break, which the page shows without its syntax
            if (/^[\p{L}'’]+(?:[ \u00a0]+|\n(?=\p{L}))?[\p{L}'’]*$/u.test(raw)) assert.equal(got, raw, `round ${round}: ${JSON.stringify(raw)}`);
            else assert.ok(got.length > 0, `round ${round}: ${JSON.stringify(raw)}`);
          }
          annotationsShown += new Set(findAll(root, (e) => e.tag === 'mark').map((e) => e.attrs['data-annotation'])).size;
          trials++;
        }
      }
      console.log(`      ${trials} pages; mentions marked ${mentionsMarked}/${mentionsTried}; annotations shown ${annotationsShown}/${trials * 4}`);
      assert.ok(mentionsMarked / mentionsTried > 0.9, 'nearly every mention can be marked');
    });
  }
});
