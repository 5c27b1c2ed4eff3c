import * as assert from 'node:assert/strict';
import { sentenceAround } from '../../../src/core/sentences';
import { snippetAround } from '../../../src/core/snippet';

/** The sentence around the first occurrence of `word` in `text`. */
function sentenceOf(text: string, word: string, floor = 0): string {
  const at = text.indexOf(word);
  assert.ok(at >= 0, `${word} in ${text}`);
  const s = sentenceAround(text, at, at + word.length, floor);
  return text.slice(s.start, s.end);
}

describe('sentences', () => {
  const cases: Array<[string, string, string]> = [
    // [text, word, expected sentence]
    ['Theodore writes letters. Samantha reads them. Amy watches.', 'Samantha', 'Samantha reads them.'],
    ['He meets Dr. Samantha Jones. Then he leaves.', 'Samantha', 'He meets Dr. Samantha Jones.'],
    ['Mr. and Mrs. Twombly divorce. Samantha stays.', 'Twombly', 'Mr. and Mrs. Twombly divorce.'],
    ['The film (dir. Spike J. Jonze) is warm. Samantha sings.', 'Jonze', 'The film (dir. Spike J. Jonze) is warm.'],
    ['Its A.I. is so sophisticated. Samantha grows.', 'sophisticated', 'Its A.I. is so sophisticated.'],
    ['He rated it 8.5 out of 10. Samantha would not.', 'rated', 'He rated it 8.5 out of 10.'],
    ['She says, “I’m here.” Samantha waits.', 'here', 'She says, “I’m here.”'],
    ['“Are you OK?” she asks Theodore. He nods.', 'Theodore', '“Are you OK?” she asks Theodore.'],
    ['But then… Samantha leaves. He stays.', 'Samantha', 'Samantha leaves.'],
    ['He hesitates… and Samantha laughs. End.', 'Samantha', 'He hesitates… and Samantha laughs.'],
    ['Wait... Samantha is gone. Yes.', 'Samantha', 'Samantha is gone.'],
    ['Theodore talks to\r\nSamantha all night.\r\n\r\nNext paragraph.', 'Samantha', 'Theodore talks to\r\nSamantha all night.'],
    ['No full stop in this heading\n\nSamantha opens the next paragraph', 'Samantha', 'Samantha opens the next paragraph'],
    ['## Samantha grows\nThe OS learns.', 'Samantha', 'Samantha grows'],
    ['Notes:\n- Samantha sings\n- Theodore cries', 'Samantha', 'Samantha sings'],
    ['1. The opening. Louise speaks.\n2. Ian names the heptapods.', 'Ian', 'Ian names the heptapods.'],
    ['> Samantha said she was\n> in love. Really.', 'Samantha', 'Samantha said she was\n> in love.'],
    ['The U.S. release came later. Samantha did too.', 'release', 'The U.S. release came later.'],
    ['Love, etc. Samantha again.', 'Samantha', 'Samantha again.'],
    ['Did he? Samantha asked.', 'Samantha', 'Samantha asked.'],
  ];
  for (const [text, word, expected] of cases) {
    it(`${JSON.stringify(text.slice(0, 40))} → ${JSON.stringify(expected)}`, () => {
      assert.equal(sentenceOf(text, word), expected);
    });
  }

  it('never reaches above the floor (front matter)', () => {
    const text = '---\ntitle: Samantha. Her\n---\nSamantha is an OS.';
    const floor = text.indexOf('Samantha is');
    assert.equal(sentenceOf(text.slice(0), 'Samantha is', floor), 'Samantha is an OS.');
    const s = sentenceAround(text, floor, floor + 8, floor);
    assert.equal(s.start, floor);
  });

  it('cuts an endless sentence at a word and says so', () => {
    const text = 'word '.repeat(400) + 'Samantha ' + 'word '.repeat(400);
    const at = text.indexOf('Samantha');
    const s = sentenceAround(text, at, at + 8, 0, 100);
    assert.ok(s.cutStart && s.cutEnd);
    assert.ok(at - s.start <= 100 && s.end - (at + 8) <= 100);
    assert.match(text.slice(s.start, s.end), /^word .*Samantha.* word$/);
  });
});

describe('snippetAround', () => {
  it('keeps to the sentence: an abbreviation does not cut it short', () => {
    const text = 'The film. Written by Dr. Spike Jonze, it has Samantha in it. Next.';
    const at = text.indexOf('Samantha');
    const snip = snippetAround(text, at, at + 8);
    assert.equal(snip.text.slice(snip.highlight[0], snip.highlight[1]), 'Samantha');
    assert.ok(!snip.text.includes('Next'), snip.text);
    assert.ok(!snip.text.includes('The film'), snip.text);
  });

  it('flattens CRLF and NBSP one for one and marks cuts with an ellipsis', () => {
    const text = 'A long opening clause that goes on and on before the name,\r\nSamantha\u00a0Twombly, and on after it for many more words than fit.';
    const at = text.indexOf('Samantha');
    const snip = snippetAround(text, at, at + 16);
    assert.equal(snip.text.slice(snip.highlight[0], snip.highlight[1]), 'Samantha Twombly');
    assert.ok(snip.text.startsWith('…') && snip.text.endsWith('…'), snip.text);
    assert.ok(!/[\r\n\u00a0]/.test(snip.text));
  });

  it('a short sentence is shown whole, without ellipses', () => {
    const text = 'Intro. Samantha laughs. Outro.';
    const at = text.indexOf('Samantha');
    assert.deepEqual(snippetAround(text, at, at + 8), { text: 'Samantha laughs.', highlight: [0, 8] });
  });
});
