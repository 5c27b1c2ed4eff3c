// Which review is VS Code's Markdown engine parsing? The reading view recognises a review by the
// text it is given (VS Code passes no document): the review's text, the same without the U+2028 /
// U+2029 a newer preview strips, or a .txt review's escaped Markdown form; nothing else.

import * as assert from 'node:assert/strict';
import { MentionIndex } from '../../../src/core/mentionIndex';
import { join } from 'node:path';
import { txtAsMarkdown } from '../../../src/core/reading';
import { ParsedReviews } from '../../../src/extension/features/readingView/parsedReviews';
import { HER_DIR, loadLexicon, readText, reviewFiles } from '../fixtures';

function herIndex(): { index: MentionIndex; uris: string[] } {
  const index = new MentionIndex();
  const film = index.setLexicon(loadLexicon(HER_DIR));
  // Keys as the lexicon's: the film's folder as given (the index does not care which kind of key).
  const uris = reviewFiles(HER_DIR).map((f) => {
    film.setReview(f, readText(f));
    return f;
  });
  return { index, uris };
}

describe('reading view: the review behind the text markdown-it is given', () => {
  it('finds each Her review by its text, with offsets unchanged', () => {
    const { index, uris } = herIndex();
    const parsed = new ParsedReviews(index);
    assert.equal(uris.length, 5);
    for (const uri of uris) {
      const review = index.review(uri)!;
      const found = parsed.find(review.text);
      assert.equal(found?.review.path, uri);
      for (const m of review.mentions) assert.equal(found.toParsed(m.start), m.start);
    }
  });

  it('a text that is no review, or a review with one character changed, is not recognised', () => {
    const { index, uris } = herIndex();
    const parsed = new ParsedReviews(index);
    const text = index.review(uris[0])!.text;
    assert.equal(parsed.find('# Notes\n\nSamantha and Theodore.\n'), undefined);
    assert.equal(parsed.find(text.replace('Samantha', 'Samanthb')), undefined);
    assert.equal(parsed.find(text + '\n'), undefined);
    assert.equal(parsed.find(''), undefined);
  });

  it('a review with U+2028/U+2029 is found with or without them, its offsets moved past the removed ones', () => {
    const index = new MentionIndex();
    const film = index.setLexicon(loadLexicon(HER_DIR));
    const uri = join(HER_DIR, 'zz-separators.md');
    const text = 'Theodore\u2028meets Samantha.\u2029\n\nSamantha\u2028\u2028 grows; Theodore stays.\n';
    film.setReview(uri, text);
    const parsed = new ParsedReviews(index);
    const mentions = index.review(uri)!.mentions;
    assert.ok(mentions.filter((m) => m.entity === 'samantha').length === 2, JSON.stringify(mentions));
    assert.equal(parsed.find(text)?.review.path, uri);
    const stripped = text.replace(/[\u2028\u2029]/g, '');
    const found = parsed.find(stripped);
    assert.equal(found?.review.path, uri);
    for (const m of mentions) assert.equal(stripped.slice(found.toParsed(m.start), found.toParsed(m.end)), m.text);
  });

  it('a .txt review is found by its escaped Markdown form, every mention mapped onto its words', () => {
    const index = new MentionIndex();
    const film = index.setLexicon(loadLexicon(HER_DIR));
    const uri = join(HER_DIR, 'zz-plain.txt');
    const text = 'A plain review\r\n\r\n*Samantha* <b>and</b> Theodore [link](command:x)\r\n# Samantha again\r\n  1. Theodore, indented\r\n';
    film.setReview(uri, text);
    const parsed = new ParsedReviews(index);
    const md = txtAsMarkdown(text).markdown;
    assert.notEqual(md, text);
    assert.equal(parsed.find(text), undefined, 'the raw text of a .txt review is not what the preview parses');
    const found = parsed.find(md);
    assert.equal(found?.review.path, uri);
    const mentions = index.review(uri)!.mentions;
    assert.ok(mentions.length >= 4, JSON.stringify(mentions));
    for (const m of mentions) assert.equal(md.slice(found.toParsed(m.start), found.toParsed(m.end)), m.text);
  });

  it('follows the corpus: after a review changes, its new text is found and its old text is not', () => {
    const { index, uris } = herIndex();
    const parsed = new ParsedReviews(index);
    const old = index.review(uris[1])!.text;
    assert.equal(parsed.find(old)?.review.path, uris[1]);
    const edited = old.replace('Samantha', 'Samantha, again,');
    index.setReview(uris[1], edited);
    parsed.invalidate();
    assert.equal(parsed.find(old), undefined);
    assert.equal(parsed.find(edited)?.review.path, uris[1]);
  });

  it('two reviews of the same length are told apart by their text', () => {
    const index = new MentionIndex();
    const film = index.setLexicon(loadLexicon(HER_DIR));
    const a = join(HER_DIR, 'zz-a.md');
    const b = join(HER_DIR, 'zz-b.md');
    film.setReview(a, 'Samantha speaks.\n');
    film.setReview(b, 'Theodore listens\n');
    const parsed = new ParsedReviews(index);
    assert.equal(parsed.find('Samantha speaks.\n')?.review.path, a);
    assert.equal(parsed.find('Theodore listens\n')?.review.path, b);
  });
});
