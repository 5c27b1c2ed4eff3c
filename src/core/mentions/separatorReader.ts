// Reads what follows a word of a name: the separator, then the next word, for names of several
// words ("Theodore Twombly", "in real life"). Allocation-free, and the gap after a word is read
// once however many names start with that word.

import { isSpaceChar, isWordChar, normaliseSeparator } from './wordScanner';

/** The word readSeparatorAndWord() found (one shared result: no object per call on the hot path). */
export const nextWord = { start: 0, end: 0 };

/**
 * The gap after the last position asked about and the word after it. Names that share a first
 * word ("in love", "in real life", "real world") all ask about the same gap; it is read once.
 */
const gap = { text: '', pos: -1, wordStart: -1, wordEnd: -1, blocked: false, normalised: undefined as string | undefined };
/** Longest gap remembered; a longer one (never a name's separator) goes the slow way. */
const GAP_MEMO_LIMIT = 256;

function readGap(text: string, pos: number): void {
  gap.text = text;
  gap.pos = pos;
  gap.normalised = undefined;
  gap.blocked = false;
  gap.wordStart = -1;
  let i = pos;
  let newlines = 0;
  const limit = Math.min(text.length, pos + GAP_MEMO_LIMIT);
  while (i < limit && !isWordChar(text.charCodeAt(i))) {
    if (text.charCodeAt(i) === 10 && ++newlines > 1) gap.blocked = true; // a paragraph break ends a name
    i++;
  }
  if (i >= text.length) gap.blocked = true;
  else if (i >= limit) return; // not remembered
  gap.wordStart = i;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  gap.wordEnd = i;
}

/**
 * Reads the separator after `pos` and the word after it into `nextWord`, if the separator equals
 * `sep` once spaces (NBSP, one line break) are folded and curly apostrophes straightened.
 */
export function readSeparatorAndWord(text: string, pos: number, sep: string): boolean {
  if (gap.pos !== pos || gap.text !== text) readGap(text, pos);
  if (gap.blocked) return false;
  if (gap.wordStart < 0) return readSeparatorAndWordSlowly(text, pos, sep);
  if (gap.wordStart - 1 - pos > sep.length + 8) return false; // a long run of punctuation
  // One space between the words, the common case, needs no string.
  const oneSpace = gap.wordStart === pos + 1 && sep === ' ' && isSpaceChar(text.charCodeAt(pos));
  if (!oneSpace && (gap.normalised ??= normaliseSeparator(text.slice(pos, gap.wordStart))) !== sep) return false;
  nextWord.start = gap.wordStart;
  nextWord.end = gap.wordEnd;
  return true;
}

function readSeparatorAndWordSlowly(text: string, pos: number, sep: string): boolean {
  let i = pos;
  let newlines = 0;
  while (i < text.length && !isWordChar(text.charCodeAt(i))) {
    if (text.charCodeAt(i) === 10 && ++newlines > 1) return false;
    if (i - pos > sep.length + 8) return false;
    i++;
  }
  if (i >= text.length || normaliseSeparator(text.slice(pos, i)) !== sep) return false;
  nextWord.start = i;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  nextWord.end = i;
  return true;
}
