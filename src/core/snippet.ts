// A short excerpt of the sentence around a mention, for tree rows and hover lines.

export interface Snippet {
  text: string;
  /** Where the mention sits inside `text`. */
  highlight: [number, number];
}

const SENTENCE_BREAK = /[.!?…\n]/;

export function snippetAround(text: string, start: number, end: number, floor = 0, width = 56): Snippet {
  // Little context before the name, more after: a narrow side bar cuts rows on the right.
  const before = Math.min(16, Math.floor((width - (end - start)) / 2));
  let s = start;
  while (s > floor && start - s < before && !SENTENCE_BREAK.test(text[s - 1])) s--;
  let e = end;
  const limit = width - (end - s);
  while (e < text.length && e - end < limit && !SENTENCE_BREAK.test(text[e])) e++;
  if (e < text.length && /[.!?…]/.test(text[e])) e++;
  // Do not cut words in half.
  if (s > floor && start - s >= before) {
    const space = text.indexOf(' ', s);
    if (space > 0 && space < start) s = space + 1;
  }
  if (e < text.length && e - end >= limit) {
    const space = text.lastIndexOf(' ', e);
    if (space > end) e = space;
  }
  let raw = text.slice(s, e);
  // Collapse runs of whitespace (NBSP included) so the row reads as one line.
  let offset = start - s;
  const lead = raw.length - raw.trimStart().length;
  raw = raw.trim();
  offset -= lead;
  const cutLeft = s > floor && !SENTENCE_BREAK.test(text[s - 1] ?? '\n');
  const cutRight = e < text.length && !SENTENCE_BREAK.test(text[e - 1]) && !SENTENCE_BREAK.test(text[e] ?? '\n');
  const prefix = cutLeft ? '…' : '';
  const flat = raw.replace(/[\s\u00a0]/g, ' ');
  return {
    text: prefix + flat + (cutRight ? '…' : ''),
    highlight: [prefix.length + offset, prefix.length + offset + (end - start)],
  };
}
