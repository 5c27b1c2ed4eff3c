// Titles that are ordinary words (Us, Up, Nope, It, Her, Arrival), on reviews and trap sentences
// written for the tests and labelled by hand (test/fixtures/gold/titles-*.md). The figures printed
// here are the ones in docs/lexicon-format.md.

import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseLexicon } from '../../src/core/lexicon/parseLexicon';
import { MentionMatcher } from '../../src/core/mentions/mentionMatcher';
import { ARRIVAL_DIR, GOLD_DIR, HER_DIR, loadLexicon, ROOT } from './fixtures';
import { evaluateFilm, evaluateSentences, formatScore, NAMES, type MentionFilter } from './goldEvaluation';
import { addScores } from './goldLabels';

const film = (name: string) => join(ROOT, 'test/fixtures/films', name);
const FILMS = [
  { id: 'us', dir: film('us'), traps: true },
  { id: 'up', dir: film('up'), traps: true },
  { id: 'nope', dir: film('nope'), traps: true },
  { id: 'it', dir: film('it'), traps: true },
  { id: 'her', dir: HER_DIR, traps: true },
  { id: 'arrival', dir: ARRIVAL_DIR, traps: false },
];

const titleOnly = (id: string): MentionFilter => (m) => m.entity === id;

describe('titles that are ordinary words', () => {
  for (const { id, dir, traps } of FILMS) {
    it(`${id}: the title in the film's reviews and in its trap sentences`, () => {
      const lexicon = loadLexicon(dir);
      assert.deepEqual(lexicon.diagnostics, [], `${dir}/film.yaml has problems`);
      assert.equal(lexicon.film.ambiguous, true);
      const reviews = evaluateFilm(dir, titleOnly(id), lexicon);
      console.log(formatScore(`${id}: title in reviews`, reviews));
      let all = reviews;
      if (traps) {
        const sentences = evaluateSentences(join(GOLD_DIR, `titles-${id}.md`), lexicon, NAMES);
        console.log(formatScore(`${id}: trap sentences (every name)`, sentences));
        all = addScores(all, sentences);
      }
      // Up alone keeps a known miss: locative inversion ("Up goes the jar") reads like "Up answers
      // the question" to any rule that does not know which verbs take objects.
      const floor = id === 'up' ? 0.9 : 1;
      assert.ok(all.precision >= floor, all.errors.join('\n'));
      assert.equal(all.recall, 1, all.errors.join('\n'));
    });
  }

  it('names of every kind in the four new films: precision and recall ≥ 0.97', () => {
    for (const id of ['us', 'up', 'nope', 'it']) {
      const s = evaluateFilm(film(id), NAMES);
      console.log(formatScore(`${id}: every name in reviews`, s));
      assert.ok(s.precision >= 0.97 && s.recall >= 0.97, s.errors.join('\n'));
    }
  });

  it('the cases the issue reported, one by one', () => {
    const found = (dir: string, text: string, id: string) => new MentionMatcher(loadLexicon(dir)).findMentions(text).filter((m) => m.entity === id).map((m) => m.text);
    const us = film('us');
    const up = film('up');
    const nope = film('nope');
    assert.deepEqual(found(up, 'Family Screen Guide · Animation · Kids & Up · 96 minutes', 'up'), []);
    assert.deepEqual(found(us, '<span class="byline" locale="US">By Dana Whitfield</span>', 'us'), []);
    assert.deepEqual(found(us, 'Us Review: Jordan Peele’s Nightmare', 'us'), ['Us']);
    assert.deepEqual(found(us, '## US Movie Review\n', 'us'), ['US']);
    assert.deepEqual(found(nope, '# Nope [review]\n', 'nope'), ['Nope']);
    assert.deepEqual(found(us, 'Us ★★★★½\n', 'us'), ['Us']);
    assert.deepEqual(found(us, 'US jumps to the present day.', 'us'), ['US']);
    assert.deepEqual(found(up, '…could you fly? Up answers that question.', 'up'), ['Up']);
    assert.deepEqual(found(HER_DIR, 'HER is a love story.', 'her'), ['HER']);
  });

  it('words a rule needs are data a lexicon can extend (titleContext)', () => {
    const base = loadLexicon(film('up'));
    const text = 'Up Rezension\nUp lands softly.';
    const titles = (lex: typeof base) => new MentionMatcher(lex).findMentions(text).filter((m) => m.entity === 'up').map((m) => m.start);
    assert.deepEqual(titles(base), [13]);
    const extended = parseLexicon(base.path, base.text + 'titleContext:\n  reviewWords: [Rezension]\n  notVerbs: [lands]\n');
    assert.deepEqual(extended.diagnostics, []);
    assert.deepEqual(titles(extended), [0]);
    const bad = parseLexicon(base.path, base.text + 'titleContext:\n  verbz: [x]\n');
    assert.deepEqual(bad.diagnostics.map((d) => d.code), ['unknown-key']);
  });
});
