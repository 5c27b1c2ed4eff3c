// A short excerpt of the sentence around a mention, for tree rows and hover lines.

import { sentenceAround } from './sentences';

export interface Snippet {
  text: string;
  /** Where the mention sits inside `text`. */
  highlight: [number, number];
}

const WORD_GAP = /[ \t\r\n\u00a0]/;

export function snippetAround(text: string, start: number, end: number, floor = 0, width = 56): Snippet {
  const sentence = sentenceAround(text, start, end, floor, width * 4);
  // Little context before the name, more after: a narrow side bar cuts rows on the right.
  const before = Math.max(0, Math.min(16, Math.floor((width - (end - start)) / 2)));
  let s = Math.max(sentence.start, start - before);
  let e = Math.min(sentence.end, end + Math.max(0, width - (end - s)));
  // Do not cut words in half.
  if (s > sentence.start) {
    let gap = s;
    while (gap < start && !WORD_GAP.test(text[gap])) gap++;
    s = gap < start ? gap + 1 : start;
  }
  if (e < sentence.end) {
    let gap = e;
    while (gap > end && !WORD_GAP.test(text[gap])) gap--;
    if (gap > end) e = gap;
  }
  let raw = text.slice(s, e);
  let offset = start - s;
  const lead = raw.length - raw.trimStart().length;
  raw = raw.trim();
  offset -= lead;
  const prefix = s > sentence.start || sentence.cutStart ? '…' : '';
  const suffix = e < sentence.end || sentence.cutEnd ? '…' : '';
  // One line: every whitespace character (NBSP and line breaks included) becomes one space, so the
  // highlight offsets still hold.
  const flat = raw.replace(/[\s\u00a0]/g, ' ');
  return {
    text: prefix + flat + suffix,
    highlight: [prefix.length + offset, prefix.length + offset + (end - start)],
  };
}
