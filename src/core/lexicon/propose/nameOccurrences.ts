// Capitalised names as they stand in a review: runs of capitalised words ("Lupita Nyong’o",
// "Hoyte van Hoytema", "K. K. Barrett", "O.J."), with what surrounds each one (a sentence start,
// a possessive, quotes or italics, a line of its own).

import { isCommonWord } from '../commonWords';
import { englishVerbSignal } from '../../mentions/englishWords';
import { BEFORE_NAME } from '../../mentions/nameContext';
import type { PreparedReview } from './reviewText';

export interface NameOccurrence {
  review: number;
  start: number;
  end: number;
  /** The words of the name, apostrophes made straight, spaces single. */
  name: string;
  words: string[];
  /** First word of a sentence, a line or a quotation: its capital says nothing. */
  initial: boolean;
  /** Followed by ’s. */
  possessive: boolean;
  /** Inside quotes or italics (a title of a work, a song, a line of dialogue). */
  quoted: boolean;
  /** Written in capitals (a speaker label, an acronym, a shouted word). */
  allCaps: boolean;
  /** A few characters before it, for "in Derry", "from Santa Cruz". */
  before: string;
  /** The nickname written inside the name: Ricky "Jupe" Park. */
  nickname?: string;
}

/** Lower-case words that may stand inside a name: "Hoyte van Hoytema", "Guillermo del Toro". */
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'al', 'ter', 'ten', 'dos', 'das']);
/** Abbreviations that keep their full stop inside a name. */
const WITH_STOP = /^(?:Dr|Mr|Mrs|Ms|Sr|Jr|St|Col|Gen|Lt|Sgt|Prof|Capt)$/;
export const HONORIFICS = new Set(['Dr.', 'Mr.', 'Mrs.', 'Ms.', 'Dr', 'Mr', 'Mrs', 'Ms', 'Miss', 'Sir', 'Dame', 'Col.', 'Colonel', 'Agent', 'General', 'Gen.', 'Captain', 'Capt.', 'Detective', 'Officer', 'Professor', 'Prof.', 'Lt.', 'Sgt.', 'Uncle', 'Aunt']);

const WORD = /(?:\p{Lu}\.){2,}|[\p{Lu}][\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*|[\p{Ll}]+/gu;

interface Token {
  start: number;
  end: number;
  text: string;
  capital: boolean;
}

function tokens(text: string, from: number): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let end = m.index + m[0].length;
    let word = m[0];
    const capital = /^\p{Lu}/u.test(word);
    if (capital && /['’]s$/.test(word)) {
      word = word.slice(0, -2); // "Peele's": the possessive is not part of the name
      end -= 2;
    }
    if (capital && text[end] === '.' && (word.length === 1 || WITH_STOP.test(word))) {
      end++;
      word += '.';
    }
    // A word glued to others by letters we do not read (digits, "_"): not a name. Nor "I'm", "I've".
    if (m.index > 0 && /[\p{N}_@#/]/u.test(text[m.index - 1])) continue;
    if (/^I['’]/.test(word)) continue;
    out.push({ start: m.index, end, text: word, capital });
  }
  return out;
}

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '*', '_', '#', '>', '-', '•', '«', '—', '–']);

function isInitial(text: string, start: number, floor: number): boolean {
  let j = start - 1;
  while (j >= floor && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u00a0' || OPENERS.has(text[j]) || /\d/.test(text[j]))) j--;
  if (j < floor) return true;
  return /[\n\r.!?:…;]/.test(text[j]) || ((text[j] === '”' || text[j] === '"') && /[.!?]/.test(text[j - 1] ?? ''));
}

/** Inside quotes or italics on its line: “I Got 5 on It”, *Get Out*, "Nope," OJ says. */
function isQuoted(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const spans: Array<[number, number]> = [];
  const open: Record<string, number> = {};
  for (let i = lineStart; i < lineEnd; i++) {
    const ch = text[i];
    if (ch === '“') open['“'] = i;
    else if (ch === '”' && open['“'] !== undefined) (spans.push([open['“'], i]), delete open['“']);
    else if (ch === '"' || ch === '*' || ch === '_') {
      // Markdown bold (**) is not italics.
      if (ch === '*' && (text[i + 1] === '*' || text[i - 1] === '*')) continue;
      if (open[ch] === undefined) open[ch] = i;
      else (spans.push([open[ch], i]), delete open[ch]);
    }
  }
  return spans.some(([a, b]) => a < start && end <= b);
}

export function findNameOccurrences(review: PreparedReview): NameOccurrence[] {
  const { text, bodyStart } = review;
  const toks = tokens(text, bodyStart);
  const out: NameOccurrence[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!toks[i].capital) {
      i++;
      continue;
    }
    // Extend over capitalised words (and particles between them) separated by one space.
    let j = i;
    for (;;) {
      const next = toks[j + 1];
      if (!next) break;
      const gap = text.slice(toks[j].end, next.start);
      // One space, or a line break inside wrapped prose (a long line), never between short lines.
      const wrapped = gap === '\n' && toks[j].end - (text.lastIndexOf('\n', toks[j].start - 1) + 1) >= 60 && text[next.end] !== ':';
      if (!/^[ \u00a0]$/.test(gap) && !wrapped) break;
      if (next.capital) {
        j++;
        continue;
      }
      const after = toks[j + 2];
      if (PARTICLES.has(next.text) && after?.capital && text.slice(next.end, after.start) === ' ') {
        j += 2;
        continue;
      }
      break;
    }
    out.push(...splitRun(text, toks.slice(i, j + 1), review.index, bodyStart));
    i = j + 1;
  }
  return joinNicknames(text, out);
}

/** Ricky "Jupe" Park: one name (Ricky Park) with a nickname, not three. */
function joinNicknames(text: string, occurrences: NameOccurrence[]): NameOccurrence[] {
  const out: NameOccurrence[] = [];
  for (let i = 0; i < occurrences.length; i++) {
    const [a, n, b] = [occurrences[i], occurrences[i + 1], occurrences[i + 2]];
    if (n && b && a.words.length === 1 && n.words.length === 1 && b.words.length === 1 && /^ ["“]$/.test(text.slice(a.end, n.start)) && /^["”] $/.test(text.slice(n.end, b.start))) {
      out.push({ ...b, start: a.start, name: `${a.name} ${b.name}`, words: [...a.words, ...b.words], initial: a.initial, before: a.before, nickname: n.name });
      i += 2;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * A run of capitalised words may hold several names or none: "When Carl" is a sentence start and a
 * name, "Hands Across America" a title. Function words split it; leading ordinary words go.
 */
function splitRun(text: string, run: Token[], review: number, floor: number): NameOccurrence[] {
  const out: NameOccurrence[] = [];
  let part: Token[] = [];
  const flush = () => {
    // "Starring Lupita Nyong'o", "Young Carl Fredricksen", "Jordan Peele Turns…" (a heading).
    while (part.length > 1 && !HONORIFICS.has(part[0].text) && notPartOfName(part[0].text, true)) part.shift();
    while (part.length > 1 && (notPartOfName(part[part.length - 1].text, false) || HONORIFICS.has(part[part.length - 1].text))) part.pop();
    while (part.length > 1 && /^\p{Lu}\.$/u.test(part[part.length - 1].text)) part.pop();
    if (part.length > 0) out.push(occurrence(text, part, review, floor));
    part = [];
  };
  for (const t of run) {
    if (t.capital && isCommonWord(t.text) && t.text !== 'I') {
      flush();
      continue;
    }
    if (t.text === 'I') {
      flush();
      continue;
    }
    part.push(t);
  }
  flush();
  return out;
}

/**
 * A capitalised word that is not part of the name beside it: before a name, a role or a sentence
 * adverb ("Director", "Meanwhile", "Young") or a verb form ("Starring"); after it, a verb form
 * ("Turns" in a title-case heading). Read from the same tagged word list as the title rules.
 */
function notPartOfName(word: string, leading: boolean): boolean {
  const lower = word.toLowerCase();
  if (leading && (BEFORE_NAME.has(lower) || /^(?:starring|featuring|with|dir\.?|directed|written|produced|music|cast|verdict|rating|tags?)$/.test(lower))) return true;
  const tags = englishVerbSignal().tagsOf(lower);
  if (!tags) return false;
  return leading ? /^(?:RB|VBG|VBN|VBD|VBZ)/.test(tags[0]) : /^(?:VBZ|VBD|VBP|VBG|RB)/.test(tags[0]);
}

function occurrence(text: string, part: Token[], review: number, floor: number): NameOccurrence {
  const start = part[0].start;
  const end = part[part.length - 1].end;
  const words = part.map((t) => t.text.replace(/’/g, "'"));
  const possessive = /^['’]s\b/.test(text.slice(end, end + 3)) || (/s$/.test(words[words.length - 1]) && /^['’](?![\p{L}])/u.test(text.slice(end, end + 2)));
  return {
    review,
    start,
    end,
    name: words.join(' '),
    words,
    initial: isInitial(text, start, floor),
    possessive,
    quoted: isQuoted(text, start, end),
    allCaps: words.every((w) => w.length > 1 && w === w.toUpperCase() && /\p{Lu}{2}/u.test(w.replace(/\./g, ''))),
    before: text.slice(Math.max(floor, start - 12), start),
  };
}
