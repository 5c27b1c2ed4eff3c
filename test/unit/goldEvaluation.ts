// Scores the mention engine against the hand-labelled gold files: whole films (every review of a
// fixture folder against its <review>.gold.md) and files of one-line trap sentences.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Lexicon } from '../../src/core/lexicon/lexicon';
import { MentionMatcher } from '../../src/core/mentions/mentionMatcher';
import type { Mention } from '../../src/core/mentions/types';
import { readReviewInfo } from '../../src/core/review';
import { GOLD_DIR, loadLexicon, readText, reviewFiles } from './fixtures';
import { addScores, EMPTY_SCORE, parseGold, score, type GoldSpan, type Score } from './goldLabels';

export type MentionFilter = (m: { entity: string; kind: string }) => boolean;
export const NAMES: MentionFilter = (m) => m.kind !== 'theme';
export const THEMES: MentionFilter = (m) => m.kind === 'theme';

/** Every review of a fixture film against its gold file; `filter` picks what is scored (gold spans too). */
export function evaluateFilm(dir: string, filter: MentionFilter, lexicon: Lexicon = loadLexicon(dir)): Score {
  const matcher = new MentionMatcher(lexicon);
  const kindOf = (id: string) => lexicon.byId.get(id)?.kind ?? 'character';
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
      .filter(filter)
      .map((m) => ({ start: m.start, end: m.end, entity: m.entity, text: m.text }));
    const wanted = gold.spans.filter((s) => filter({ entity: s.entity, kind: kindOf(s.entity) })).map(shift);
    total = addScores(total, score(wanted, found, basename(file), text));
  }
  return total;
}

/** One sentence per line, marked like the gold files; lines starting `<!--` are comments. */
export function evaluateSentences(file: string, lexicon: Lexicon, filter: MentionFilter): Score {
  const matcher = new MentionMatcher(lexicon);
  const kindOf = (id: string) => lexicon.byId.get(id)?.kind ?? 'character';
  let total = EMPTY_SCORE;
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('<!--')) return;
    const gold = parseGold(line);
    const found = matcher.findMentions(gold.text).filter(filter);
    const wanted = gold.spans.filter((s) => filter({ entity: s.entity, kind: kindOf(s.entity) }));
    total = addScores(total, score(wanted, found.map(toSpan), `${basename(file)}:${i + 1}`));
  });
  return total;
}

function toSpan(m: Mention): GoldSpan {
  return { start: m.start, end: m.end, entity: m.entity, text: m.text };
}

export function formatScore(label: string, s: Score, maxErrors = 20): string {
  const lines = [`      ${label}: precision ${s.precision.toFixed(4)} recall ${s.recall.toFixed(4)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`];
  for (const e of s.errors.slice(0, maxErrors)) lines.push(`        ${e}`);
  return lines.join('\n');
}
