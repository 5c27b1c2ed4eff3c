// Decides whether a film title that is also an ordinary word ("Her", "Us", "Up", "Nope", "It")
// names the film at one place in a review. The words around it decide, not capitalisation alone:
// a pronoun, preposition or interjection that starts a sentence is capitalised too. These checks
// run only where the matcher found the title word, never for other words.

import { isInsideMarkup } from './markupContext';
import type { TitleRules } from './titleRules';
import { isApostrophe, isSpaceChar, isUpper, isWordChar } from './wordScanner';

/** The part-of-speech signal the rules ask (see partOfSpeech.ts). */
export interface VerbSignal {
  /** Whether the word at `wordStart` (after the subject ending at `subjectEnd`) starts its verb. */
  verbFollows(text: string, subjectStart: number, subjectEnd: number, wordStart: number, rules: TitleRules): boolean;
  /** Whether the word at `wordStart` is a noun the word before it modifies ("US audiences"). */
  nounFollows(text: string, subjectStart: number, subjectEnd: number, wordStart: number): boolean;
}

export interface TitleContext {
  rules: TitleRules;
  verbs: VerbSignal;
  /** The title is a subject pronoun (It): before a verb it is still the pronoun. */
  subjectPronoun: boolean;
  /** This form is the title in capitals ("US", "HER"): an abbreviation, or a shouted title. */
  allCaps: boolean;
}

const OPEN_QUOTES = new Set(['“', '"', '‘', "'", '«', '*', '_', '„']);
const CLOSE_QUOTES = new Set(['”', '"', '’', "'", '»', '*', '_', '“']);
const TRAILING_PUNCT = new Set([',', '.', ';', ':', '!', '?']);
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…']);
/** Things that may stand between a sentence end and its first word. */
const QUOTATION_OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«', '„']);
/** Closing quotes and brackets that may stand after a sentence end: `he asked.” Up answers`. */
const AFTER_SENTENCE_END = new Set(['”', '"', '’', "'", ')', ']', '»', '*', '_']);
/** Markers of headings and list items, between a line start and its first word. */
const LINE_MARKERS = new Set(['#', '>', '-', '*', '•', '+']);
/** Ratings written after a title on a heading line: "Us ★★★★½". */
const RATING_MARKS = /^[★☆✩✪✫✬✭✮✯✰⭐½¼¾]/u;

interface Span {
  start: number;
  end: number;
}

function wordBefore(text: string, i: number, floor: number): Span | undefined {
  let end = i;
  while (end > floor && isSpaceChar(text.charCodeAt(end - 1)) && text[end - 1] !== '\n') end--;
  let start = end;
  while (start > floor && isWordChar(text.charCodeAt(start - 1))) start--;
  return start < end ? { start, end } : undefined;
}

function wordAfter(text: string, i: number): Span | undefined {
  let start = i;
  while (start < text.length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 0xa0 || text.charCodeAt(start) === 9)) start++;
  let end = start;
  while (end < text.length && (isWordChar(text.charCodeAt(end)) || (isApostrophe(text.charCodeAt(end)) && isWordChar(text.charCodeAt(end + 1))))) end++;
  return start < end ? { start, end } : undefined;
}

function skipSpaces(text: string, k: number): number {
  while (k < text.length && (text[k] === ' ' || text[k] === '\u00a0' || text[k] === '\t')) k++;
  return k;
}

/** Quoted or in italics: the closing mark may follow trailing punctuation (“Her,”). */
function closingQuoteAfter(text: string, start: number, end: number): number {
  const before = text[start - 1];
  if (!before || !OPEN_QUOTES.has(before)) return -1;
  let j = end;
  while (j < text.length && TRAILING_PUNCT.has(text[j])) j++;
  return j < text.length && CLOSE_QUOTES.has(text[j]) ? j : -1;
}

/** A quoted word that someone says: “Nope!”, “Nope,” OJ says, "Us," she says. */
function isDialogue(text: string, end: number, close: number, rules: TitleRules): boolean {
  const inside = text.slice(end, close);
  if (inside.includes('!') || inside.includes('?')) return true;
  let k = close + 1;
  const first = wordAfter(text, k);
  if (!first) return false;
  const w1 = text.slice(first.start, first.end).toLowerCase();
  if (rules.speechVerbs.has(w1)) return true;
  const second = wordAfter(text, first.end);
  const w2 = second ? text.slice(second.start, second.end).toLowerCase() : '';
  // “…,” she says / “…,” OJ mutters
  return (rules.subjectPronouns.has(w1) || isUpper(text.charCodeAt(first.start))) && rules.speechVerbs.has(w2);
}

/** "Kids & Up", "Ages 6 and Up", "10+ and Up": an audience rating, not the film. */
function isAudienceRating(text: string, start: number, floor: number, rules: TitleRules): boolean {
  let j = start - 1;
  while (j >= floor && isSpaceChar(text.charCodeAt(j)) && text[j] !== '\n') j--;
  let joinEnd = j + 1;
  if (text[j] === '&' || text[j] === '+') j--;
  else {
    const w = wordBefore(text, j + 1, floor);
    if (!w || text.slice(w.start, w.end).toLowerCase() !== 'and') return false;
    j = w.start - 1;
    joinEnd = w.start;
  }
  void joinEnd;
  while (j >= floor && (isSpaceChar(text.charCodeAt(j)) || text[j] === '+') && text[j] !== '\n') j--;
  if (j >= floor && /[0-9]/.test(text[j])) return true;
  const w = wordBefore(text, j + 1, floor);
  return !!w && rules.audienceWords.has(text.slice(w.start, w.end).toLowerCase());
}

/** True when the word at `start` starts a sentence, a line, or a quotation opening one. */
export function startsSentence(text: string, start: number, floor: number): boolean {
  let j = start - 1;
  for (;;) {
    while (j >= floor && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u00a0')) j--;
    if (j < floor) return true;
    const ch = text[j];
    if (ch === '\n' || ch === '\r') return true;
    if (SENTENCE_END.has(ch)) return true;
    if (QUOTATION_OPENERS.has(ch) && !(isApostrophe(ch.charCodeAt(0)) && isWordChar(text.charCodeAt(j - 1)))) return true; // a quotation or parenthesis starts afresh
    if (AFTER_SENTENCE_END.has(ch)) {
      // `he asked.” Up answers`: a closing mark right after a sentence end.
      let k = j - 1;
      while (k >= floor && AFTER_SENTENCE_END.has(text[k])) k--;
      return k >= floor && SENTENCE_END.has(text[k]) && text[k] !== ':' && text[k] !== ';';
    }
    if (LINE_MARKERS.has(ch) || /\d/.test(ch)) {
      j--; // "1. Her", "## Her", "- Her": look further back for the line start
      continue;
    }
    return false;
  }
}

/** The title opens its line (after heading or list markers). */
function startsLine(text: string, start: number, floor: number): boolean {
  let j = start - 1;
  while (j >= floor && (text[j] === ' ' || text[j] === '\t' || LINE_MARKERS.has(text[j]) || OPEN_QUOTES.has(text[j]))) j--;
  return j < floor || text[j] === '\n' || text[j] === '\r';
}

/**
 * What follows a comma or dash after a sentence-initial title describes the film: "Her, written
 * and directed by …", "Up, Pixar's tenth feature, …", "UP - my review". An interjection or an
 * adverb does not: "Nope, not every idea …", "It, however, …", "Up, up and away".
 */
function describesTitle(text: string, k: number, ctx: TitleContext): boolean {
  const w = wordAfter(text, k);
  if (!w) return /^\s*[0-9(]/.test(text.slice(k, k + 3));
  const word = text.slice(w.start, w.end);
  const lower = word.toLowerCase();
  if (['the', 'a', 'an', 'my', 'our', 'this'].includes(lower)) return true;
  if (ctx.rules.reviewWords.has(lower) || ctx.rules.filmNouns.has(lower)) return true;
  if (/^[0-9]/.test(word)) return true;
  if (isUpper(word.charCodeAt(0)) && word !== 'I') {
    // A name and its possessive: "Up, Pixar's tenth feature"; "Nope, Jordan didn't" is not.
    let cur: Span = w;
    for (;;) {
      const e = cur.end;
      if (cur.end - cur.start > 2 && isApostrophe(text.charCodeAt(e - 2)) && text[e - 1] === 's') return true;
      if (isApostrophe(text.charCodeAt(e)) && (text[e + 1] === 's' || !isWordChar(text.charCodeAt(e + 1)))) return true;
      const next = wordAfter(text, e);
      if (!next || !isUpper(text.charCodeAt(next.start)) || next.start !== e + 1) return false;
      cur = next;
    }
  }
  // A participle: "written", "directed", "based".
  return /(ed|en|wn)$/.test(lower) && lower.length > 3 && !ctx.rules.notVerbs.has(lower);
}

export function isFilmTitleInContext(text: string, start: number, end: number, floor: number, ctx: TitleContext): boolean {
  if (isInsideMarkup(text, start, end, floor)) return false;

  const close = closingQuoteAfter(text, start, end);
  if (close >= 0) return !isDialogue(text, end, close, ctx.rules);

  if (isAudienceRating(text, start, floor, ctx.rules)) return false;

  // Before it: a possessive ("Jonze’s Her", "the critics’ Us") or a noun for films ("the movie Up").
  const prevWord = wordBefore(text, start, floor);
  if (prevWord && prevWord.end === start - 1) {
    const w = text.slice(prevWord.start, prevWord.end);
    const apos = text.charCodeAt(prevWord.start - 1);
    if (w === 's' && isApostrophe(apos) && prevWord.start - 2 >= floor && isWordChar(text.charCodeAt(prevWord.start - 2))) return true;
    if (ctx.rules.filmNouns.has(w.toLowerCase())) return true;
    if (ctx.allCaps && ctx.rules.beforeAbbreviation.has(w.toLowerCase())) return false; // "the US", "in IT"
  } else if (isApostrophe(text.charCodeAt(start - 2)) && text[start - 3] === 's' && text[start - 1] === ' ') {
    return true; // "the critics’ Her"
  }

  let k = end;
  const possessive = isApostrophe(text.charCodeAt(k)) && text[k + 1] === 's' && !isWordChar(text.charCodeAt(k + 2));
  k = skipSpaces(text, k);
  const next = wordAfter(text, end);

  // A capitalised word right after: part of another name ("Us Weekly", "It Chapter Two", "Her
  // Majesty"), unless it is a review heading ("Us Review", "US Movie Review") or a verb in a
  // title-case heading ("Why Us Is Peele's Best").
  if (next && next.start === k && isUpper(text.charCodeAt(next.start)) && text.slice(next.start, next.end) !== 'I') {
    const lower = text.slice(next.start, next.end).toLowerCase();
    if (ctx.rules.reviewWords.has(lower) || ctx.rules.filmNouns.has(lower)) return true;
    return !startsSentence(text, start, floor) && !ctx.subjectPronoun && ctx.verbs.verbFollows(text, start, end, next.start, ctx.rules);
  }

  const initial = startsSentence(text, start, floor);
  if (!initial && !ctx.allCaps) return true; // capitalised in mid-sentence: not a pronoun

  // At a sentence start (or in capitals), what follows decides.
  if (possessive) return !ctx.subjectPronoun; // "Her’s score", but "It's" is "it is"
  if (k >= text.length || text[k] === '\n' || text[k] === '\r') return true; // a title line
  const ch = text[k];
  if (/[0-9]/.test(ch) || RATING_MARKS.test(text.slice(k, k + 2))) return true; // "Her 8.5", "Us ★★★★½"
  if (ch === '[') return true; // "Nope [review]"
  if (ch === '(') return !ctx.subjectPronoun || /^\(\s*[0-9]/.test(text.slice(k, k + 4)); // "Up (2009)"
  if (ctx.allCaps && (!initial || (next && next.start === k && isLowerWord(text, next)))) {
    // In capitals: a shouted title ("I loved HER more", "to see US.", "US jumps to …", "NOPE and
    // the spectacle"), unless a noun follows that it modifies ("US audiences", "IT department").
    return !next || next.start !== k || !isLowerWord(text, next) || !ctx.verbs.nounFollows(text, start, end, next.start);
  }
  if (ch === ',' || ch === '—' || ch === '–' || (ch === '-' && text[k + 1] === ' ')) return isHeadingLine(text, start, floor) || describesTitle(text, k + 1, ctx);
  if (ch === ':' || ch === ';') return !ctx.subjectPronoun || startsLine(text, start, floor);
  if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
    if (ch === '.' && /[0-9]/.test(text[k + 1] ?? '')) return false;
    // A one-word sentence is an interjection ("Nope."), unless a colon introduced it ("The best film of 2013: Her.").
    const p = prevNonSpace(text, start, floor);
    return !ctx.subjectPronoun && p >= floor && text[p] === ':' && !isSpeakerLabel(text, p, floor);
  }
  if (!next || !isLowerWord(text, next)) return false;
  if (ctx.subjectPronoun) return false; // "It opens with …" is the pronoun
  return ctx.verbs.verbFollows(text, start, end, next.start, ctx.rules);
}

function prevNonSpace(text: string, i: number, floor: number): number {
  let j = i - 1;
  while (j >= floor && isSpaceChar(text.charCodeAt(j))) j--;
  return j;
}

function isLowerWord(text: string, w: Span): boolean {
  const c = text.charCodeAt(w.start);
  return !isUpper(c) && isWordChar(c) && !/[0-9]/.test(text[w.start]);
}

/** "TOM:", "Q:" at the start of a line: a transcript's speaker, not a colon introducing the title. */
function isSpeakerLabel(text: string, colon: number, floor: number): boolean {
  let j = colon - 1;
  while (j >= floor && text[j] !== '\n') j--;
  const label = text.slice(j + 1, colon).trim();
  return /^[\p{Lu}][\p{Lu}\p{M}.' -]{0,30}$/u.test(label) && label.split(' ').length <= 3;
}

/**
 * A short line the title opens, with no sentence end: a heading or a post's title ("Arrival,
 * second time round", "UP - my review (spoilers)").
 */
function isHeadingLine(text: string, start: number, floor: number): boolean {
  if (!startsLine(text, start, floor)) return false;
  let e = start;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  const line = text.slice(start, e).trim();
  return !/[.!?…]["”’)]*$/.test(line) && line.split(/\s+/).length <= 10;
}
