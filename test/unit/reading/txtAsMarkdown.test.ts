import * as assert from 'node:assert/strict';
import { offsetsIntoParsedText, txtAsMarkdown } from '../../../src/core/reading';
import { ENGINES, previewEngine } from './engines';
import { findAll, parseHtml, textContent } from './html';

const SYNTAX = [
  '# not a heading',
  '* not a list',
  '+ nor this',
  '- nor this',
  '1. not numbered',
  '2) nor this',
  '> not a quote',
  '    not code, only indented',
  '```',
  'not a fence',
  '```',
  '| a | b |',
  '|---|---|',
  'Some *stars* and _underscores_ and `ticks` and [brackets](x) and <b>tags</b> & &amp; \\backslash ~~strike~~ $math$ ==mark==',
  '![alt](pic.png) <https://example.com> <!-- comment -->',
  'a line',
  '---',
  'another',
  '===',
  '***',
  '[ref]: https://example.com',
  'Trailing  ',
  'done.',
].join('\r\n');

describe('txtAsMarkdown', () => {
  for (const engine of ENGINES) {
    it(`a plain-text review renders as its own text, in paragraphs (${engine.name})`, () => {
      const { markdown } = txtAsMarkdown(SYNTAX + '\r\n\r\nSecond paragraph.');
      const root = parseHtml(previewEngine(engine.create).render(markdown));
      const tags = new Set(findAll(root, () => true).map((e) => e.tag));
      assert.deepEqual([...tags].filter((t) => t !== 'p' && t !== 'br' && t !== 'a'), [], 'no markup but paragraphs (and web links)');
      assert.deepEqual(findAll(root, (e) => e.tag === 'a').map((a) => a.attrs.href), ['https://example.com', 'https://example.com']);
      const paragraphs = findAll(root, (e) => e.tag === 'p').map(textContent);
      assert.equal(paragraphs.length, 2);
      const expected = SYNTAX.split('\r\n').map((l) => l.trimStart()).join('\n');
      assert.equal(paragraphs[0].replace(/ *\n/g, '\n'), expected.replace(/ *\n/g, '\n'));
      assert.equal(paragraphs[1], 'Second paragraph.');
    });
  }

  it('maps every offset to where that character (or its escape) starts', () => {
    const text = SYNTAX;
    const t = txtAsMarkdown(text);
    let lineStart = true;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      const at = t.toMarkdownOffset(i);
      if (c === '\n' || c === '\r') lineStart = true;
      else if (lineStart && (c === ' ' || c === '\t')) continue; // dropped indentation
      else lineStart = false;
      assert.ok(t.markdown[at] === c || (t.markdown[at] === '\\' && t.markdown[at + 1] === c), `offset ${i} (${JSON.stringify(c)})`);
      if (i > 0) assert.ok(at >= t.toMarkdownOffset(i - 1));
    }
    assert.equal(t.toMarkdownOffset(text.length), t.markdown.length);
    assert.equal(t.markdown.split('\n').length, text.split('\n').length, 'no line added or lost');
  });
});

describe('offsetsIntoParsedText', () => {
  it('accepts the text VS Code parses (U+2028/2029 removed) and moves offsets past them', () => {
    const review = 'Theodore\u2028meets Samantha.\u2029Amy';
    const src = review.replace(/[\u2028\u2029]/g, '');
    const map = offsetsIntoParsedText(review, src)!;
    const at = review.indexOf('Samantha');
    assert.equal(src.slice(map(at), map(at + 8)), 'Samantha');
    assert.equal(src.slice(map(review.indexOf('Amy'))), 'Amy');
    assert.equal(offsetsIntoParsedText(review, review)!(5), 5);
    assert.equal(offsetsIntoParsedText(review, 'something else'), undefined);
  });
});
