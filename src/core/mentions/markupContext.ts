// Whether a word stands inside markup rather than prose: an HTML tag or attribute
// (`<span locale="US">`), a URL or path without a scheme (`example.com/films/Us/`), a code span.
// A title there is never the film, whatever the quotes around it say.

import { isSpaceChar } from './wordScanner';

/** The last text asked about, and whether it has a `<` at all (most reviews have none). */
let lastText: string | undefined;
let lastTextHasTag = false;

export function isInsideMarkup(text: string, start: number, end: number, floor: number): boolean {
  if (text !== lastText) {
    lastText = text;
    lastTextHasTag = text.includes('<');
  }
  // An HTML tag open on this line: a `<` + letter or `/`, with no `>` between it and the word.
  if (lastTextHasTag) for (let j = start - 1; j >= floor; j--) {
    const ch = text.charCodeAt(j);
    if (ch === 10 || ch === 13 || ch === 62 /* > */) break;
    if (ch === 60 /* < */) {
      const next = text[j + 1] ?? '';
      if (/[A-Za-z/!?]/.test(next)) return true;
      break;
    }
  }
  // An attribute-like value: =“…” / ='…' / =…
  const before = text[start - 1];
  if (before === '=' || ((before === '"' || before === "'") && text[start - 2] === '=')) return true;
  if (before === '`') return true;
  // The whole token, space to space: a URL or a path.
  let s = start;
  while (s > floor && !isSpaceChar(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < text.length && !isSpaceChar(text.charCodeAt(e))) e++;
  // A URL or a path has a dot or a slash in it; most words have neither.
  let dotOrSlash = false;
  for (let j = s; j < e && !dotOrSlash; j++) dotOrSlash = text.charCodeAt(j) === 46 || text.charCodeAt(j) === 47;
  if (!dotOrSlash) return false;
  const token = text.slice(s, e);
  if (token.includes('://') || /(^|[^\p{L}])www\./u.test(token)) return true;
  if (/[\p{L}\p{N}]\/[\p{L}\p{N}]/u.test(token) && /[\p{L}\p{N}]\.[a-z]{2,}/u.test(token)) return true; // example.com/films/Us
  if (text[start - 1] === '/' && (token.startsWith('/') || token.includes('.'))) return true;
  return false;
}
