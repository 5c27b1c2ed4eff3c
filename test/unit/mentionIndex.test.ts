import * as assert from 'node:assert/strict';
import { loadCorpus } from '../../src/core/corpusLoader';
import { NodeFileHost } from '../../src/platform/node/nodeFileHost';
import { fileUri } from '../../src/core/model/uri';
import { MentionIndex } from '../../src/core/mentionIndex';
import { parseLexicon } from '../../src/core/lexicon/parseLexicon';
import { HER_DIR, ROOT, loadLexicon } from './fixtures';

describe('MentionIndex', () => {
  it('loads the corpus: five Her reviews, entity → mentions across them', async () => {
    const { index, problems, lexiconDiagnostics } = await loadCorpus(new NodeFileHost({ blocking: true }), fileUri(`${ROOT}/corpus`));
    assert.deepEqual(problems, []);
    assert.deepEqual(lexiconDiagnostics, []);
    const film = index.film(fileUri(HER_DIR))!;
    assert.equal(film.reviews.size, 5);
    const samantha = film.totalMentions('samantha');
    assert.equal(samantha.reviews, 5);
    assert.equal(film.mentionsOf('samantha').length, samantha.mentions);
    const amy = film.mentionsOf('amy');
    assert.ok(amy.length > 0 && amy.every((l) => l.mention.entity === 'amy'));
    // corpus order, then text order
    const order = film.mentionsOf('theodore').map((l) => `${l.review.path}:${String(l.mention.start).padStart(6, '0')}`);
    assert.deepEqual(order, [...order].sort());
  });

  it('re-reads only the changed review', () => {
    const index = new MentionIndex();
    const film = index.setLexicon(loadLexicon(HER_DIR));
    film.setReview(`${HER_DIR}/a.md`, 'Theodore meets Samantha.');
    film.setReview(`${HER_DIR}/b.md`, 'Samantha sings.');
    const before = film.reviews.get(`${HER_DIR}/b.md`);
    index.setReview(`${HER_DIR}/a.md`, 'Amy visits Theodore.');
    assert.equal(film.reviews.get(`${HER_DIR}/b.md`), before, 'the other review object is untouched');
    assert.equal(film.totalMentions('samantha').mentions, 1);
    assert.equal(film.totalMentions('amy').mentions, 1);
    assert.deepEqual(film.reviewsMentioning('samantha'), [`${HER_DIR}/b.md`]);
    index.removeReview(`${HER_DIR}/b.md`);
    assert.equal(film.totalMentions('samantha').mentions, 0);
    assert.deepEqual(film.reviewsMentioning('samantha'), [], 'asked again after a change, answered anew');
    film.setReview(`${HER_DIR}/c.md`, 'Samantha again.');
    film.setReview(`${HER_DIR}/0.md`, 'And Samantha.');
    assert.deepEqual(film.reviewsMentioning('samantha'), [`${HER_DIR}/0.md`, `${HER_DIR}/c.md`], 'in corpus order');
  });

  it('a lexicon change rebuilds the film, keeping its reviews', () => {
    const index = new MentionIndex();
    index.setLexicon(parseLexicon(`${HER_DIR}/film.yaml`, 'version: 1\nfilm: {id: her, title: Her}\n'));
    index.setReview(`${HER_DIR}/a.md`, 'Theodore meets Samantha.');
    assert.equal(index.review(`${HER_DIR}/a.md`)!.mentions.length, 0);
    index.setLexicon(loadLexicon(HER_DIR));
    assert.deepEqual(index.review(`${HER_DIR}/a.md`)!.mentions.map((m) => m.entity), ['theodore', 'samantha']);
  });

  it('finds the mention under a cursor, including right after it', () => {
    const index = new MentionIndex();
    index.setLexicon(loadLexicon(HER_DIR));
    index.setReview(`${HER_DIR}/a.md`, 'Theodore meets Samantha.');
    assert.equal(index.mentionAt(`${HER_DIR}/a.md`, 0)?.mention.entity, 'theodore');
    assert.equal(index.mentionAt(`${HER_DIR}/a.md`, 8)?.mention.entity, 'theodore');
    assert.equal(index.mentionAt(`${HER_DIR}/a.md`, 10), undefined);
    assert.equal(index.mentionAt(`${HER_DIR}/a.md`, 20)?.mention.entity, 'samantha');
  });
});
