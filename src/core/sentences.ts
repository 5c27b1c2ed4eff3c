// Sentence bounds around a passage of a review, for snippets and the comparison view's passages.
// Reviews are prose with Markdown block syntax, hard-wrapped lines (plain text), CRLF, curly quotes
// and abbreviations; a sentence ends at . ! ? … (with closing quotes) followed by a space and a word
// that is not lower case, at a blank line, or where a Markdown block (heading, list item) begins.

export interface SentenceRange {
  start: number;
  end: number;
  /** The sentence ran past the length limit and was cut (at a word) on that side. */
  cutStart: boolean;
  cutEnd: boolean;
}

const ENDER = /[.!?…]/;
/** What may follow a sentence's final punctuation and still belong to it. */
const CLOSER = /[”"’')\]»*_]/;
const SPACE = /[ \t\r\n\u00a0]/;
/** Words after which a full stop does not end the sentence (compared lower case, dots removed). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'sr', 'jr', 'mt', 'lt', 'col', 'gen', 'capt', 'sgt',
  'rev', 'hon', 'fr', 'sen', 'rep', 'gov', 'pres', 'no', 'nos', 'vol', 'vols', 'pp', 'p', 'ca', 'cf',
  'vs', 'v', 'dir', 'esp', 'incl', 'orig', 'approx', 'dept', 'fig', 'figs', 'ie', 'eg', 'aka', 'op', 'cit', 'ibid', 'ed', 'eds', 'ch',
]);
/** A line that starts a Markdown block of its own (heading, list item, quote, fence, table row). */
const BLOCK_START = /^[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|>|```|~~~|\|)/;
/** Block markers to leave out of a sentence that starts a line. */
const LINE_MARKERS = /^[ \t]*(?:(?:>[ \t]?)+[ \t]*)?(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)?/;

/** . ! ? … — tested by code: this runs for every character scanned. */
function isEnder(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

function lineStartOf(text: string, i: number): number {
  const nl = text.lastIndexOf('\n', i - 1);
  return nl + 1;
}

function lineEndOf(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!SPACE.test(text[i])) return false;
  return true;
}

/** Whether the line break at `nl` (a \n) separates blocks rather than wrapping a sentence. */
export function isHardLineBreak(text: string, nl: number): boolean {
  const prevStart = lineStartOf(text, nl);
  const nextEnd = lineEndOf(text, nl + 1);
  if (isBlank(text, prevStart, nl) || isBlank(text, nl + 1, nextEnd)) return true;
  const next = text.slice(nl + 1, Math.min(nextEnd, nl + 16));
  const prev = text.slice(prevStart, Math.min(nl, prevStart + 16));
  if (/^[ \t]{0,3}#/.test(prev)) return true; // a heading is a block of one line
  if (/^[ \t]{0,3}>/.test(next)) return !/^[ \t]{0,3}>/.test(prev) || /^[ \t]*>[ \t\r]*$/.test(next);
  return BLOCK_START.test(next);
}

/**
 * If the punctuation run containing `i` ends a sentence, the offset just after it (and after any
 * closing quotes or brackets); otherwise -1.
 */
export function sentenceEndAfter(text: string, i: number): number {
  let u = i;
  while (u > 0 && ENDER.test(text[u - 1])) u--;
  let k = i;
  while (k < text.length && ENDER.test(text[k])) k++;
  const run = text.slice(u, k);
  while (k < text.length && CLOSER.test(text[k])) k++;
  if (k < text.length && !SPACE.test(text[k])) return -1; // "8.5", "A.I.'s", "e.g.,"
  // What comes next: a lower-case word continues the sentence ("A.I. is", "?” she asked").
  let m = k;
  while (m < text.length && SPACE.test(text[m])) m++;
  let n = m;
  while (n < text.length && /[“"‘'(\[*_]/.test(text[n])) n++;
  if (n < text.length && /\p{Ll}/u.test(text[n])) return -1;
  if (run === '.') {
    // The word before the stop: an abbreviation or an initial does not end the sentence.
    let w = u;
    while (w > 0 && /[\p{L}.]/u.test(text[w - 1])) w--;
    const word = text.slice(w, u);
    if (ABBREVIATIONS.has(word.replace(/\./g, '').toLowerCase())) return -1;
    if (/^\p{Lu}$/u.test(word)) return -1; // an initial: "Spike J. Jonze"
    if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return -1; // dotted acronyms: "U.S.", "A.I."
  }
  return k;
}

/** Offset after leading whitespace and the Markdown block markers of the line that starts at `i`. */
function skipLineMarkers(text: string, i: number): number {
  const m = LINE_MARKERS.exec(text.slice(i, i + 40));
  return i + (m ? m[0].length : 0);
}

/**
 * The sentence that contains [start, end), never reaching before `floor` (e.g. the end of front
 * matter). A sentence longer than `maxLength` on either side is cut at a word.
 */
export function sentenceAround(text: string, start: number, end: number, floor = 0, maxLength = 600): SentenceRange {
  let s = -1;
  let cutStart = false;
  const lowest = Math.max(floor, start - maxLength);
  for (let i = start - 1; i >= lowest; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 && isHardLineBreak(text, i)) {
      s = skipLineMarkers(text, i + 1);
      break;
    }
    if (isEnder(c)) {
      const k = sentenceEndAfter(text, i);
      if (k >= 0 && k <= start) {
        s = k;
        break;
      }
    }
  }
  if (s < 0) {
    if (lowest <= floor) s = lineStartOf(text, floor) === floor ? skipLineMarkers(text, floor) : floor;
    else {
      const space = text.slice(lowest, start).search(SPACE);
      s = space >= 0 ? lowest + space + 1 : lowest;
      cutStart = true;
    }
  }
  if (s > start) s = start; // markers skipped past the passage: it starts the line itself
  let e = -1;
  let cutEnd = false;
  const highest = Math.min(text.length, end + maxLength);
  for (let j = Math.max(end, s); j < highest; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 && isHardLineBreak(text, j)) {
      e = j;
      break;
    }
    if (isEnder(c)) {
      const k = sentenceEndAfter(text, j);
      if (k >= 0) {
        e = k;
        break;
      }
    }
  }
  if (e < 0) {
    if (highest >= text.length) e = text.length;
    else {
      let space = highest;
      while (space > end && !SPACE.test(text[space])) space--;
      e = space > end ? space : highest;
      cutEnd = true;
    }
  }
  while (s < start && SPACE.test(text[s])) s++;
  while (e > end && SPACE.test(text[e - 1])) e--;
  return { start: s, end: e, cutStart, cutEnd };
}

/**
 * A sentence's text as one line: line breaks and tabs become spaces one for one (so offsets into it
 * still hold), and the quote markers of continuation lines are blanked.
 */
export function flattenSentence(text: string): string {
  return text.replace(/\r?\n[ \t]*>[ \t]?|[\r\n\t]/g, (m) => ' '.repeat(m.length));
}
