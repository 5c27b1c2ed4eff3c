// Precision and recall of name detection against hand-labelled gold files (the five Her reviews,
// the Arrival fixtures, and trap sentences). Figures are printed for docs and the closing note.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MentionMatcher } from '../../src/core/mentions/mentionMatcher';
import { ARRIVAL_DIR, GOLD_DIR, HER_DIR, loadLexicon } from './fixtures';
import { evaluateFilm as evaluate, evaluateSentences as evaluateLines, formatScore, NAMES, THEMES } from './goldEvaluation';
import { parseGold, type Score } from './goldLabels';

function evaluateFilm(dir: string, names: boolean): Score {
  const lexicon = loadLexicon(dir);
  assert.deepEqual(lexicon.diagnostics, [], `${dir}/film.yaml has problems`);
  return evaluate(dir, names ? NAMES : THEMES, lexicon);
}

function evaluateSentences(file: string, dir: string, themes: boolean): Score {
  return evaluateLines(file, loadLexicon(dir), themes ? THEMES : NAMES);
}

function report(label: string, s: Score) {
  console.log(formatScore(label, s));
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
