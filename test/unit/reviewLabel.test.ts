// How a review is named in the tree and hovers: "Critic — Title", never a rating, a date or a tag line.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReviewInfo, reviewLabel } from '../../src/core/review';
import { fileUri } from '../../src/core/model/uri';
import { HER_DIR, ARRIVAL_DIR, reviewFiles } from './fixtures';

const info = (name: string, text: string) => readReviewInfo(`file:///films/x/${name}`, text);

describe('review names', () => {
  it('Critic — Title, Publication — Title, the title alone, the file name', () => {
    assert.equal(reviewLabel(info('a.md', '---\ntitle: Becoming Human\ncritic: Jessica Gross\npublication: LARB\n---\nText.\n')), 'Jessica Gross — Becoming Human');
    assert.equal(reviewLabel(info('a.md', '---\ntitle: Becoming Human\npublication: LARB\n---\nText.\n')), 'LARB — Becoming Human');
    assert.equal(reviewLabel(info('a.md', '---\ntitle: Becoming Human\n---\nText.\n')), 'Becoming Human');
    assert.equal(reviewLabel(info('a.md', '')), 'a.md');
    assert.equal(reviewLabel(info('a.md', '---\ncritic: Jessica Gross\n---\n\n')), 'Jessica Gross — a.md');
  });

  it('the first-line title skips star, date, tag, byline and share lines', () => {
    const text = '★★★★1/2\nNovember 16, 2016\nTag: Amy Adams\nBy Marcus Hale\nShare\nArrival, second time round\n\nI saw it again.\n';
    const i = info('notes.txt', text);
    assert.equal(i.title, 'Arrival, second time round');
    assert.equal(i.titleFrom, 'first line');
    assert.equal(reviewLabel(i), 'Arrival, second time round');
    assert.equal(info('t.txt', 'Us ★★★★½\n\nUs is a horror film.\n').title, 'Us', 'a rating after the title is not part of it');
  });

  it('only metadata lines: the file name', () => {
    for (const text of ['★★★★1/2\n', 'Tag: Amy Adams\n', 'November 16, 2016\n', '8.5/10\nTags: horror\n']) {
      const i = info('arrival.txt', text);
      assert.equal(i.titleFrom, 'file name', text);
      assert.equal(reviewLabel(i), 'arrival.txt', text);
    }
  });

  it('front matter written by hand that holds a rating or a date is not shown as the title or critic', () => {
    assert.equal(reviewLabel(info('x.md', '---\ntitle: "★★★★½"\ncritic: Jane Doe\n---\nText.\n')), 'Jane Doe — x.md');
    assert.equal(reviewLabel(info('x.md', '---\ntitle: Us\ncritic: "November 16, 2016"\n---\nText.\n')), 'Us');
    assert.equal(reviewLabel(info('x.md', '---\ntitle: "Us ★★★★½"\ncritic: Jane Doe\n---\nText.\n')), 'Jane Doe — Us');
  });

  it('every review of the corpus and the Arrival fixtures gets a name of critic and title, or its title', () => {
    const labels = [...reviewFiles(HER_DIR), ...reviewFiles(ARRIVAL_DIR)].map((p) => reviewLabel(readReviewInfo(fileUri(p), readFileSync(p, 'utf8'))));
    assert.ok(labels.includes('Hua Ruonan — “Her”: A Decade Later, a Reflection of Our Reality'), labels.join('\n'));
    assert.ok(labels.includes('Jessica Gross — Becoming Human: On Spike Jonze’s "Her"'));
    assert.ok(labels.includes('[Movie Review] Her'), 'without the film title, a title that names only the film is still a title');
    for (const l of labels) assert.ok(!/★|^\d{4}-\d\d-\d\d$|^Tags?:/.test(l), l);
  });

  it('a title that only names the film, or the first words of prose, gives way to the file name', () => {
    const her = (name: string, text: string) => reviewLabel(info(name, text), 'Her');
    assert.equal(her('blog-eyelights-her.md', '---\ntitle: Her\nrating: 8.5/10\n---\nText.\n'), 'blog-eyelights-her.md');
    assert.equal(her('movie-review-her.md', '---\ntitle: "[Movie Review] Her"\n---\nText.\n'), 'movie-review-her.md');
    assert.equal(her('a.md', '---\ntitle: "“Her” (2013) review"\n---\nText.\n'), 'a.md');
    assert.equal(her('a.md', '---\ntitle: "Review: Her"\n---\nText.\n'), 'a.md');
    assert.equal(her('a.md', '---\ntitle: Her\ncritic: Jane Doe\n---\nText.\n'), 'Jane Doe — Her', 'with a critic, the film title is a fine title');
    assert.equal(her('a.md', '---\ntitle: "Her, a love story"\n---\nText.\n'), 'Her, a love story');
    assert.equal(reviewLabel(info('a.md', '---\ntitle: Heat\n---\nText.\n'), 'Heat'), 'a.md');
    const prose = 'Spike Jonze’s Her is a poignant exploration of love, loneliness, and the evolving relationship between humanity and technology.\n';
    assert.equal(info('poignant-exploration.md', prose).titleFrom, 'first words');
    assert.equal(her('poignant-exploration.md', prose), 'poignant-exploration.md');
  });

  it('the five Her reviews, named with their film: critic and title, or the file name', () => {
    const labels = reviewFiles(HER_DIR).map((p) => reviewLabel(readReviewInfo(fileUri(p), readFileSync(p, 'utf8')), 'Her')).sort();
    assert.deepEqual(labels, [
      'Hua Ruonan — “Her”: A Decade Later, a Reflection of Our Reality',
      'Jessica Gross — Becoming Human: On Spike Jonze’s "Her"',
      'blog-eyelights-her.md',
      'movie-review-her.md',
      'poignant-exploration.md',
    ]);
  });
});
