// Every mention in every real review (the Her corpus, the Arrival fixtures with their CRLF .txt)
// comes out of the preview wrapped exactly: the mark's text is the mention's text.
import * as assert from 'node:assert/strict';
import { basename } from 'node:path';
import { MentionIndex } from '../../../src/core/mentionIndex';
import { txtAsMarkdown, type ReviewMarks } from '../../../src/core/reading';
import { LineMap } from '../../../src/core/text';
import { ARRIVAL_DIR, HER_DIR, loadLexicon, readText, reviewFiles } from '../fixtures';
import { ENGINES, previewEngine } from './engines';
import { findAll, hasClass, parseHtml, textContent, type HtmlElement } from './html';

interface Case {
  name: string;
  text: string;
  src: string;
  marks: ReviewMarks;
  /** Text of each mention as the preview shows it (CRLF read as LF), keyed by its offset in src. */
  expected: Map<number, { text: string; line: number; kind: string }>;
}

function cases(showThemes: boolean): Case[] {
  const out: Case[] = [];
  for (const dir of [HER_DIR, ARRIVAL_DIR]) {
    const index = new MentionIndex();
    const film = index.setLexicon(loadLexicon(dir));
    for (const path of reviewFiles(dir)) {
      const text = readText(path);
      const review = film.setReview(path, text);
      const txt = path.endsWith('.txt') ? txtAsMarkdown(text) : undefined;
      const src = txt ? txt.markdown : text;
      const map = (o: number) => (txt ? txt.toMarkdownOffset(o) : o);
      const lines = new LineMap(text);
      const mentions = review.mentions.map((m) => ({ entity: m.entity, kind: m.kind, name: film.entity(m.entity)!.name, start: map(m.start), end: map(m.end) }));
      const expected = new Map<number, { text: string; line: number; kind: string }>();
      for (const m of review.mentions) {
        if (m.kind === 'theme' && !showThemes) continue;
        expected.set(map(m.start), { text: m.text.replace(/\r\n?/g, '\n'), line: lines.positionAt(m.start).line, kind: m.kind });
      }
      out.push({
        name: basename(path),
        text,
        src,
        expected,
        marks: { mentions, annotations: [], showThemes, sourceLink: (line) => `${encodeURIComponent(basename(path))}#L${line + 1}` },
      });
    }
  }
  return out;
}

function markedMentions(root: HtmlElement): Map<number, HtmlElement[]> {
  const byStart = new Map<number, HtmlElement[]>();
  for (const span of findAll(root, (e) => e.tag === 'span' && hasClass(e, 'marginalia-mention'))) {
    const start = Number(span.attrs['data-start']);
    byStart.set(start, [...(byStart.get(start) ?? []), span]);
  }
  return byStart;
}

describe('reading view: every mention of the real reviews is marked exactly', () => {
  for (const engine of ENGINES) {
    for (const showThemes of [true, false]) {
      it(`${engine.name}, themes ${showThemes ? 'shown' : 'hidden'}`, () => {
        let total = 0;
        let files = 0;
        for (const c of cases(showThemes)) {
          const md = previewEngine(engine.create, (src) => (src === c.src ? c.marks : undefined));
          const html = md.render(c.src);
          const marked = markedMentions(parseHtml(html));
          assert.equal(marked.size, c.expected.size, `${c.name}: ${c.expected.size} mentions, ${marked.size} marked`);
          for (const [start, want] of c.expected) {
            const spans = marked.get(start);
            assert.ok(spans, `${c.name}: the mention "${want.text}" at ${start} is marked`);
            assert.equal(spans.map(textContent).join(''), want.text, `${c.name} at ${start}`);
            for (const span of spans) {
              assert.ok(hasClass(span, `marginalia-${want.kind}`));
              const link = span.children.find((x): x is HtmlElement => typeof x !== 'string' && x.tag === 'a');
              assert.ok(link, `${c.name}: "${want.text}" links to its source`);
              assert.equal(link.attrs.href, `${encodeURIComponent(c.name)}#L${want.line + 1}`);
            }
            total++;
          }
          if (!showThemes) assert.ok(!html.includes('marginalia-theme'), 'no theme is marked when themes are hidden');
          files++;
        }
        assert.equal(files, 8);
        assert.ok(total > (showThemes ? 700 : 300), `${total} mentions`);
        console.log(`      ${total} mentions in ${files} reviews, each marked exactly`);
      });
    }
  }

  it('the .txt review renders its text verbatim, as paragraphs', () => {
    const path = reviewFiles(ARRIVAL_DIR).find((p) => p.endsWith('.txt'))!;
    const text = readText(path);
    assert.ok(text.includes('\r\n'), 'the fixture has CRLF line ends');
    for (const engine of ENGINES) {
      const md = previewEngine(engine.create);
      const root = parseHtml(md.render(txtAsMarkdown(text).markdown));
      const paragraphs = findAll(root, (e) => e.tag === 'p').map((p) => textContent(p).replace(/\s+/g, ' ').trim());
      const expected = text.split(/\r?\n\s*\r?\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
      assert.deepEqual(paragraphs, expected);
    }
  });
});
