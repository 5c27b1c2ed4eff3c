// A one-word name (a surname, a first name) next to another capitalised word usually belongs to
// someone else: "Spike Lee" is not Spike Jonze, "Oscar Wilde" is not Olivia Wilde, and
// "Phoenix, Arizona" is a city. Full names in the lexicon are matched before this is asked.

import { isCommonWord } from '../lexicon/commonWords';
import { isWordChar, isUpper } from './wordScanner';

/** Capitalised words that often stand right before a name without being part of it. */
export const BEFORE_NAME = new Set(`meanwhile later then now soon finally eventually still yet also instead perhaps maybe
indeed thus hence therefore however again once today yesterday sometimes often even only just unlike like
although though unless whereas whether actor actress director writer screenwriter star co-star costar
composer producer cinematographer editor designer filmmaker character protagonist narrator voice singer
band critic poet philosopher friend wife husband mr mrs ms dr miss sir dame young old poor sweet dear
lonely sad shy kind gentle tender good lovely sweetheart oscar-winning oscar-nominated`.split(/\s+/));

const PLACES_AFTER_COMMA = new Set(`Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont
Virginia Washington Wisconsin Wyoming England Scotland Ireland Wales France Italy Spain Germany Canada
Australia China Japan India Mexico Brazil`.split(/\s+/));

function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0;
}

function wordAt(text: string, start: number): string {
  let e = start;
  while (e < text.length && (isWordChar(text.charCodeAt(e)) || text[e] === '-')) e++;
  return text.slice(start, e);
}

function onHeadingLine(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return text[lineStart] === '#';
}

export function belongsToAnotherName(text: string, start: number, end: number, floor: number): boolean {
  // Headings are in title case: there, nothing around a name counts. Asked last, because it looks
  // back to the line's start and the neighbours rarely say anything.
  return nextToAnotherName(text, start, end, floor) && !onHeadingLine(text, start);
}

function nextToAnotherName(text: string, start: number, end: number, floor: number): boolean {
  // A capitalised word right after: "Spike Lee", "Amy Schumer".
  if (isSpace(text.charCodeAt(end)) && end + 1 < text.length && isUpper(text.charCodeAt(end + 1))) {
    const next = wordAt(text, end + 1);
    if (next.length > 1 && !isCommonWord(next)) return true;
  }
  // A place after a comma: "Phoenix, Arizona".
  if (text[end] === ',' && isSpace(text.charCodeAt(end + 1)) && PLACES_AFTER_COMMA.has(wordAt(text, end + 2))) return true;
  // A capitalised word right before: "Oscar Wilde", "John Adams".
  if (start - 2 >= floor && isSpace(text.charCodeAt(start - 1)) && isWordChar(text.charCodeAt(start - 2))) {
    let s = start - 1;
    while (s > floor && (isWordChar(text.charCodeAt(s - 1)) || text[s - 1] === '-')) s--;
    if (start - 1 - s > 1 && isUpper(text.charCodeAt(s))) {
      const prev = text.slice(s, start - 1);
      if (!isCommonWord(prev) && !BEFORE_NAME.has(prev.toLowerCase()) && !prev.toLowerCase().endsWith('ly')) return true;
    }
  }
  return false;
}
