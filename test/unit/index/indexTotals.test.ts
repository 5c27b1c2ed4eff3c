// The index's running totals and "most mentioning" list answer what a full count over every review
// answers, through reviews added, replaced and removed (hovers and trees read them on 10,000 reviews).

import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type IndexedReview, MentionIndex } from '../../../src/core/mentionIndex';
import { fileUri } from '../../../src/core/model/uri';
import { HER_DIR, loadLexicon } from '../fixtures';

function counted(reviews: IndexedReview[], id: string) {
  let mentions = 0;
  let n = 0;
  for (const r of reviews) {
    const c = r.counts.get(id) ?? 0;
    mentions += c;
    if (c > 0) n++;
  }
  return { mentions, reviews: n };
}

describe('index totals', () => {
  it('totals and most-mentioning reviews match a full count through adds, edits and removals', () => {
    const index = new MentionIndex();
    const film = index.setLexicon(loadLexicon(HER_DIR));
    const paragraphs = readdirSync(HER_DIR)
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => readFileSync(join(HER_DIR, f), 'utf8').split(/\n\s*\n/))
      .filter((p) => p.length > 40);
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const paths = Array.from({ length: 40 }, (_, i) => `${fileUri(HER_DIR)}/r${String(i).padStart(2, '0')}.md`);
    for (let step = 0; step < 400; step++) {
      const path = paths[rand(paths.length)];
      if (rand(5) === 0) film.removeReview(path);
      else film.setReview(path, Array.from({ length: 1 + rand(4) }, () => paragraphs[rand(paragraphs.length)]).join('\n\n'));
      if (step % 20 !== 19) continue;
      const reviews = film.orderedReviews();
      for (const e of film.lexicon.entities) {
        assert.deepEqual(film.totalMentions(e.id), counted(reviews, e.id), `${e.id} at step ${step}`);
        const mentioning = reviews.filter((r) => r.counts.has(e.id));
        for (const limit of [1, 3, 11, 12]) {
          const expected = mentioning.length <= limit ? mentioning : [...mentioning].sort((a, b) => b.counts.get(e.id)! - a.counts.get(e.id)!).slice(0, limit);
          assert.deepEqual(film.mostMentioning(e.id, limit).map((r) => r.path), expected.map((r) => r.path), `${e.id}, limit ${limit}, step ${step}`);
        }
      }
    }
    assert.ok(film.totalMentions('samantha').mentions > 0);
  });

  it('finds a review’s film among a hundred films, the deepest folder first', () => {
    const index = new MentionIndex();
    const root = fileUri(HER_DIR);
    const lexicon = loadLexicon(HER_DIR);
    for (let i = 0; i < 100; i++) index.setLexicon({ ...lexicon, path: `${root}/f${i}/film.yaml` });
    index.setLexicon({ ...lexicon, path: `${root}/f7/part%20two/film.yaml` });
    assert.equal(index.filmFor(`${root}/f42/review.md`)?.dir, `${root}/f42`);
    assert.equal(index.filmFor(`${root}/f7/part%20two/deeper/review.md`)?.dir, `${root}/f7/part%20two`);
    assert.equal(index.filmFor(`${root}/f7/review.md`)?.dir, `${root}/f7`);
    assert.equal(index.filmFor(`${root}/f70x/review.md`), undefined);
    assert.equal(index.filmFor(`${root}/review.md`), undefined);
    assert.equal(index.filmCount, 101);
  });
});
