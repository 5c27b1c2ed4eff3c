// Decides whether a film title that is also an ordinary word ("Her", "Up", "Us") names the film
// at one place in a review. The words around it decide, not capitalisation alone: a pronoun that
// starts a sentence is capitalised too, so sentence-initial occurrences need a verb after them.

import { isApostrophe, isSpaceChar, isWordChar } from './wordScanner';

const OPEN_QUOTES = new Set(['“', '"', '‘', "'", '«', '*', '_', '„']);
const CLOSE_QUOTES = new Set(['”', '"', '’', "'", '»', '*', '_', '“']);
const TRAILING_PUNCT = new Set([',', '.', ';', ':', '!', '?']);
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…']);
/** Things that may stand between a sentence end and its first word. */
const QUOTATION_OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«', '„']);
/** Markers of headings and list items, between a line start and its first word. */
const LINE_MARKERS = new Set(['#', '>', '-', '*', '•', '+']);

/** Nouns that introduce a title: "the film Her", "Jonze’s new movie Her". */
const FILM_NOUNS = new Set(['film', 'movie', 'picture', 'feature', 'romance', 'drama', 'comedy', 'masterpiece', 'title', 'flick', 'screenplay', 'script', 'release', 'titled', 'called', 'entitled']);

/**
 * Verbs, auxiliaries and adverbs that follow a title used as a subject ("Her opens on …",
 * "Her is …", "Her also explores …") but not a possessive pronoun, which takes a noun.
 */
const VERBS_AFTER_TITLE = new Set(`is was isn't wasn't isn’t wasn’t has hasn't hasn’t had does doesn't doesn’t did didn't didn’t
will won't won’t would wouldn't can can't can’t could couldn't may might must should also still never
always remains remained stands stood opens opened ends ended begins began starts started follows followed
tells told explores explored presented showed showcases offered asks asked takes took
makes made gives gave feels felt worked succeeds succeeded captures captured manages managed qualifies
delivers delivered depicts depicted portrays portrayed examines examined considers considered uses used
brings brought lets sets treats treated suggests suggested reveals revealed invites invited imagines imagined
avoids avoided won earned received premiered arrived came comes became becomes deserves deserved seems
seemed unfolds unfolded lingers lingered refuses refused touched leaves proves
proved belongs benefits centers centres focuses focused asks raises raised wanted manages
isn doesn wasn hasn didn understands understood knows knew gets got goes went creates created builds built
finds found sees saw struck strikes ran relies relied trades traded
dares dared argues argued insists insisted imagines envisions envisioned offers would've could've
sounds resonates resonated shines shone soars soared excels excelled falters faltered stumbles stumbled
sags sagged drags dragged captivates captivated dazzles dazzled wonders wondered revolves revolved charts
charted traces traced provides provided boasts boasted contains contained includes included garnered
grossed debuted landed closes closed concludes concluded`.split(/\s+/));

/** Words after which a verb-like -s word shows a subject: "Her explores the …", "Her asks us …". */
const OBJECT_STARTERS = new Set(['a', 'an', 'the', 'us', 'its', 'itself', 'our', 'this', 'that', 'viewers', 'audiences']);

function prevNonSpace(text: string, i: number, floor: number): number {
  let j = i - 1;
  while (j >= floor && isSpaceChar(text.charCodeAt(j))) j--;
  return j;
}

function wordBefore(text: string, i: number, floor: number): { start: number; end: number } | undefined {
  let end = i;
  while (end > floor && isSpaceChar(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > floor && isWordChar(text.charCodeAt(start - 1))) start--;
  return start < end ? { start, end } : undefined;
}

function wordAfter(text: string, i: number): { start: number; end: number } | undefined {
  let start = i;
  while (start < text.length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 0xa0)) start++;
  let end = start;
  while (end < text.length && (isWordChar(text.charCodeAt(end)) || isApostrophe(text.charCodeAt(end)))) end++;
  return start < end ? { start, end } : undefined;
}

function isQuoted(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (!before || !OPEN_QUOTES.has(before)) return false;
  let j = end;
  while (j < text.length && TRAILING_PUNCT.has(text[j])) j++;
  return j < text.length && CLOSE_QUOTES.has(text[j]);
}

/** True when the word at [start, end) starts a sentence, a line, or a quotation opening one. */
export function startsSentence(text: string, start: number, floor: number): boolean {
  let j = start - 1;
  for (;;) {
    while (j >= floor && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u00a0')) j--;
    if (j < floor) return true;
    const ch = text[j];
    if (ch === '\n' || ch === '\r') return true;
    if (SENTENCE_END.has(ch)) return true;
    if (QUOTATION_OPENERS.has(ch)) return true; // a quotation or parenthesis starts afresh
    if (LINE_MARKERS.has(ch) || /\d/.test(ch)) {
      j--; // "1. Her", "## Her", "- Her": look further back for the line start
      continue;
    }
    return false;
  }
}

export function isFilmTitleInContext(text: string, start: number, end: number, floor: number): boolean {
  if (isQuoted(text, start, end)) return true;

  // Possessive before: "Jonze’s Her", "Spike Jonze's Her".
  const prevWord = wordBefore(text, start, floor);
  if (prevWord && prevWord.end === prevNonSpace(text, start, floor) + 1) {
    const w = text.slice(prevWord.start, prevWord.end);
    const apos = text.charCodeAt(prevWord.start - 1);
    if (w === 's' && isApostrophe(apos) && prevWord.start - 2 >= floor && isWordChar(text.charCodeAt(prevWord.start - 2))) return true;
    if (FILM_NOUNS.has(w.toLowerCase())) return true;
  }

  if (!startsSentence(text, start, floor)) return true; // capitalised in mid-sentence: not a pronoun

  // At a sentence start, what follows decides.
  let k = end;
  if (isApostrophe(text.charCodeAt(k)) && text[k + 1] === 's' && !isWordChar(text.charCodeAt(k + 2))) return true; // "Her’s score"
  while (k < text.length && (text[k] === ' ' || text[k] === '\u00a0' || text[k] === '\t')) k++;
  if (k >= text.length || text[k] === '\n' || text[k] === '\r') return true; // a title line
  const ch = text[k];
  if (/[0-9]/.test(ch)) return true; // "Her 8.5" — a rating line
  if (',;:()—–'.includes(ch) || (ch === '.' && !/[0-9]/.test(text[k + 1] ?? ''))) return true;
  if (ch === '-' && text[k + 1] === ' ') return true;
  const next = wordAfter(text, end);
  if (!next) return false;
  const word = text.slice(next.start, next.end);
  if (word[0] !== word[0].toLowerCase()) return false; // "Her Majesty", a name: leave it
  if (VERBS_AFTER_TITLE.has(word)) return true;
  const third = wordAfter(text, next.end);
  const thirdWord = third ? text.slice(third.start, third.end) : '';
  // "Her ultimately asks …": an adverb, then a verb.
  if (word.length > 4 && word.endsWith('ly') && VERBS_AFTER_TITLE.has(thirdWord)) return true;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) {
    // "Her explores the …", "Her stars Joaquin Phoenix": a verb taking an object or a name.
    if (OBJECT_STARTERS.has(thirdWord.toLowerCase())) return true;
    if (thirdWord && thirdWord[0] !== thirdWord[0].toLowerCase() && thirdWord !== 'I') return true;
  }
  return false;
}
