import * as assert from 'node:assert/strict';
import { CONTEXT_LENGTH, makeTarget, reanchor } from '../../../src/core/annotations/anchoring';
import type { AnchorResult } from '../../../src/core/annotations/model';

const TEXT = [
  'Theodore Twombly writes heartfelt letters for strangers at a company in Los Angeles.',
  'After his divorce he buys an operating system and names it Samantha, who learns quickly.',
  'Samantha becomes his companion; the city around them is clean, warm and strangely empty.',
  'In the end Theodore climbs to the roof with Amy and the two of them watch the sunrise.',
].join('\n');

function target(text: string, phrase: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  assert.ok(start >= 0, phrase);
  return makeTarget(text, start, start + phrase.length);
}

/** Where a result landed (-1 for an orphan). */
function startOf(r: AnchorResult): number {
  return r.kind === 'orphan' ? -1 : r.start;
}

function at(text: string, r: AnchorResult): string {
  assert.notEqual(r.kind, 'orphan', JSON.stringify(r));
  return r.kind === 'orphan' ? '' : text.slice(r.start, r.end);
}

describe('makeTarget', () => {
  it('keeps the quote with up to 32 characters of context each side', () => {
    const t = target(TEXT, 'operating system');
    assert.equal(t.quote, 'operating system');
    assert.equal(t.prefix.length, CONTEXT_LENGTH);
    assert.equal(t.suffix.length, CONTEXT_LENGTH);
    assert.ok(TEXT.includes(t.prefix + t.quote + t.suffix));
    const first = makeTarget(TEXT, 0, 8);
    assert.deepEqual([first.prefix, first.start, first.end], ['', 0, 8]);
  });

  it('never cuts an emoji (a surrogate pair) in half at the edge of the context', () => {
    const text = 'x😀' + 'a'.repeat(31) + 'QUOTE' + 'b'.repeat(31) + '🤖y';
    const t = makeTarget(text, text.indexOf('QUOTE'), text.indexOf('QUOTE') + 5);
    assert.equal(t.prefix, '😀' + 'a'.repeat(31));
    assert.equal(t.suffix, 'b'.repeat(31) + '🤖');
  });

  it('refuses empty or out-of-range spans', () => {
    assert.throws(() => makeTarget(TEXT, 5, 5), RangeError);
    assert.throws(() => makeTarget(TEXT, -1, 3), RangeError);
    assert.throws(() => makeTarget(TEXT, 0, TEXT.length + 1), RangeError);
  });
});

describe('reanchor', () => {
  it('keeps the stored offsets when the quote is still there', () => {
    const t = target(TEXT, 'operating system');
    assert.deepEqual(reanchor(TEXT, t), { kind: 'exact-position', start: t.start, end: t.end, score: 1 });
  });

  it('follows the quote when text before it moves it', () => {
    const t = target(TEXT, 'operating system');
    const edited = 'A new opening line 😀 with an emoji.\n' + TEXT;
    const r = reanchor(edited, t);
    assert.equal(r.kind, 'exact-quote');
    assert.equal(startOf(r), t.start + 37);
  });

  it('picks the occurrence whose context matches, not the nearest one', () => {
    const t = target(TEXT, 'Samantha', 1); // "Samantha becomes his companion"
    const edited = TEXT.replace('After his divorce he buys', 'After his divorce, lonely and adrift, he buys');
    const r = reanchor(edited, t);
    assert.equal(r.kind, 'exact-quote');
    assert.equal(edited.slice(startOf(r), startOf(r) + 16), 'Samantha becomes');
  });

  it('finds a passage whose words were edited a little (fuzzy), and says so', () => {
    const t = target(TEXT, 'the city around them is clean, warm and strangely empty');
    const edited = TEXT.replace('clean, warm and strangely empty', 'clean, warm, and strangely empty');
    const r = reanchor(edited, t);
    assert.equal(r.kind, 'fuzzy');
    assert.equal(at(edited, r), 'the city around them is clean, warm, and strangely empty');
    assert.ok(r.kind === 'fuzzy' && r.score >= 0.75 && r.quoteSimilarity > 0.9);
  });

  it('keeps a fuzzy match on whole words when the quote was whole words', () => {
    const text = 'The cold light encloses a solitary individual within an information cocoon. Then the film cuts away.';
    const t = target(text, 'a solitary individual within an information cocoon');
    const edited = text.replace('a solitary', 'one solitary');
    assert.equal(at(edited, reanchor(edited, t)), 'one solitary individual within an information cocoon');
  });

  it('orphans a passage that was deleted', () => {
    const t = target(TEXT, 'buys an operating system and names it');
    const edited = TEXT.replace('he buys an operating system and names it Samantha, who learns quickly', 'he moves on');
    assert.equal(reanchor(edited, t).kind, 'orphan');
  });

  it('does not move to the same words elsewhere when the passage and its neighbours are gone', () => {
    // "Theodore" also opens the text, but with other neighbours: a look-alike, not the passage.
    const t = target(TEXT, 'Theodore', 1);
    const edited = TEXT.replace('In the end Theodore climbs to the roof with Amy and the two of them watch the sunrise.', 'The film ends at dawn.');
    const r = reanchor(edited, t);
    assert.equal(r.kind, 'orphan');
    assert.ok(r.kind === 'orphan' && r.bestScore !== undefined && r.bestScore < 0.75);
  });

  it('does not move to a parallel phrase whose context half-matches (the repeated-sentence trap)', () => {
    const text = 'Getting involved with love means coming to terms with who you are and who you aren’t. It means coming to terms with whom you want and whom you don’t.';
    const t = target(text, 'means');
    const edited = text.replace('love means coming to terms with who you are', 'love asks us to face who we are');
    assert.equal(reanchor(edited, t).kind, 'orphan');
  });

  it('does not take the end of the prefix for the passage when the passage was cut out exactly', () => {
    const text = 'He writes for everyone, the lonely man, the lonely man who writes letters for other people all day.';
    const t = target(text, 'the lonely man', 1);
    const edited = text.slice(0, t.start) + text.slice(t.end);
    assert.equal(reanchor(edited, t).kind, 'orphan');
  });

  it('re-anchors after line endings change from LF to CRLF, counting offsets in UTF-16', () => {
    const text = 'Her 😀\u00a0review\nTheodore meets Samantha in his ear.\nThe end.';
    const t = target(text, 'Samantha');
    const crlf = text.replace(/\n/g, '\r\n');
    const r = reanchor(crlf, t);
    assert.equal(at(crlf, r), 'Samantha');
    assert.equal(startOf(r), t.start + 1);
  });

  it('between identical copies of a passage with identical context, stays with the nearest', () => {
    const para = 'Samantha laughs at his jokes and he laughs at hers, in the warm light of the afternoon.';
    const text = `${para}\nOther matters come between them.\n${para}\nAnd the film moves on.`;
    const t = target(text, 'laughs at his jokes', 1);
    const r = reanchor(text.replace('Other matters', 'Many other matters'), t);
    assert.equal(r.kind, 'exact-quote');
    assert.equal(startOf(r), t.start + 5);
  });

  it('orphans an empty quote and respects a stricter minimum score', () => {
    assert.equal(reanchor(TEXT, { quote: '', prefix: '', suffix: '', start: 0, end: 0 }).kind, 'orphan');
    const t = target(TEXT, 'the city around them is clean, warm and strangely empty');
    const edited = TEXT.replace('clean, warm and strangely empty', 'clean, warm, and strangely empty');
    assert.equal(reanchor(edited, t, { minScore: 0.999 }).kind, 'orphan');
  });
});
