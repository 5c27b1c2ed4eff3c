// Precision and recall of name detection against hand-labelled gold files (the five Her reviews,
// the Arrival fixtures, and trap sentences). Figures are printed for docs and the closing note.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MentionMatcher } from '../../src/core/mentions/mentionMatcher';
import { readReviewInfo } from '../../src/core/review';
import { ARRIVAL_DIR, GOLD_DIR, HER_DIR, loadLexicon, readText, reviewFiles } from './fixtures';
import { addScores, EMPTY_SCORE, parseGold, score, type GoldSpan, type Score } from './goldLabels';

function evaluateFilm(dir: string, names: boolean): Score {
  const lexicon = loadLexicon(dir);
  assert.deepEqual(lexicon.diagnostics, [], `${dir}/film.yaml has problems`);
  const matcher = new MentionMatcher(lexicon);
  let total = EMPTY_SCORE;
  for (const file of reviewFiles(dir)) {
    const goldPath = join(GOLD_DIR, `${basename(file)}.gold.md`);
    assert.ok(existsSync(goldPath), `no gold labels for ${file}`);
    const text = readText(file);
    const info = readReviewInfo(file, text);
    const gold = parseGold(readFileSync(goldPath, 'utf8'));
    assert.equal(gold.text, text.slice(info.bodyStart), `${goldPath} does not match the review body`);
    const shift = (s: GoldSpan) => ({ ...s, start: s.start + info.bodyStart, end: s.end + info.bodyStart });
    const found = matcher
      .findMentions(text, { bodyStart: info.bodyStart })
      .filter((m) => (names ? m.kind !== 'theme' : m.kind === 'theme'))
      .map((m) => ({ start: m.start, end: m.end, entity: m.entity, text: m.text }));
    total = addScores(total, score(gold.spans.map(shift), found, basename(file)));
  }
  return total;
}

function evaluateSentences(file: string, dir: string, themes: boolean): Score {
  const matcher = new MentionMatcher(loadLexicon(dir));
  let total = EMPTY_SCORE;
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('<!--')) return;
    const gold = parseGold(line);
    const found = matcher.findMentions(gold.text).filter((m) => (themes ? m.kind === 'theme' : m.kind !== 'theme'));
    total = addScores(total, score(gold.spans, found, `${basename(file)}:${i + 1}`));
  });
  return total;
}

function report(label: string, s: Score) {
  console.log(`      ${label}: precision ${s.precision.toFixed(4)} recall ${s.recall.toFixed(4)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
  for (const e of s.errors.slice(0, 20)) console.log(`        ${e}`);
}

describe('mention accuracy on hand-labelled text', () => {
  it('names in the five Her reviews: precision ≥ 0.98, recall ≥ 0.97', () => {
    const s = evaluateFilm(HER_DIR, true);
    report('Her corpus names', s);
    assert.ok(s.precision >= 0.98 && s.recall >= 0.97, s.errors.join('\n'));
  });

  it('names in the Arrival fixtures (another film, another lexicon): precision ≥ 0.98, recall ≥ 0.97', () => {
    const s = evaluateFilm(ARRIVAL_DIR, true);
    report('Arrival fixture names', s);
    assert.ok(s.precision >= 0.98 && s.recall >= 0.97, s.errors.join('\n'));
  });

  it('trap sentences: pronouns, possessives, quotes, misspellings, cast lists', () => {
    const s = evaluateSentences(join(GOLD_DIR, 'traps.md'), HER_DIR, false);
    report('trap sentences', s);
    assert.deepEqual(s.errors, []);
  });

  it('theme trap sentences: inflections, case, acronyms', () => {
    const s = evaluateSentences(join(GOLD_DIR, 'traps-themes.md'), HER_DIR, true);
    report('theme traps', s);
    assert.deepEqual(s.errors, []);
  });

  it('no sentence-initial pronoun is taken for the title anywhere in the labelled text', () => {
    const matcher = new MentionMatcher(loadLexicon(HER_DIR));
    const sentences = readFileSync(join(GOLD_DIR, 'traps.md'), 'utf8').split('\n').filter((l) => /^Her\b/.test(parseGold(l).text) && !l.startsWith('[[Her|her]]'));
    assert.ok(sentences.length >= 5, 'traps.md should hold pronoun traps');
    for (const line of sentences) {
      const text = parseGold(line).text;
      assert.ok(!matcher.findMentions(text).some((m) => m.entity === 'her' && m.start === 0), `pronoun read as the film: ${text}`);
    }
  });
});
