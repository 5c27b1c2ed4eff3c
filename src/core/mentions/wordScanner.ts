// Character classes and word folding for the mention engine, kept allocation-free on the hot path.

const WORD_UNKNOWN = 2;
const wordClass = new Uint8Array(65536).fill(WORD_UNKNOWN);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
for (let c = 0; c < 128; c++) {
  wordClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
}
// Surrogates belong to emoji and rare scripts; treating them as separators keeps offsets exact.
wordClass.fill(0, 0xd800, 0xe000);

/** Letters, digits and combining marks make words; everything else separates them. */
export function isWordChar(c: number): boolean {
  let k = wordClass[c];
  if (k === WORD_UNKNOWN) {
    k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
    wordClass[c] = k;
  }
  return k === 1;
}

/** Folded code unit + 1 per UTF-16 unit beyond ASCII, filled on first use (0: not yet known). */
const foldCache = new Uint16Array(65536);

/** Lower-cases one UTF-16 unit (ASCII inline, the rest through a cache). */
export function foldChar(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const f = foldCache[c];
  if (f !== 0) return f - 1;
  const lower = String.fromCharCode(c).toLowerCase();
  const folded = lower.length === 1 ? lower.charCodeAt(0) : c;
  foldCache[c] = folded + 1;
  return folded;
}

/**
 * Both questions the scan asks of every character, in one table read: 0 not known yet (ask
 * classifyChar), 1 a separator, otherwise a word character whose folded code is the value − 2.
 */
export const WORD_FOLD = new Int32Array(65536);

export function classifyChar(c: number): number {
  const v = isWordChar(c) ? foldChar(c) + 2 : 1;
  WORD_FOLD[c] = v;
  return v;
}
for (let c = 0; c < 128; c++) classifyChar(c);

export function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

/** Whitespace that may stand between the words of a name: spaces, NBSP, thin spaces, a line break. */
export function isSpaceChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x2007 || c === 0x200a;
}

/** Apostrophes critics use interchangeably. */
export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2bc || c === 0x2018;
}

/** Splits a name or term into its words and the separators between them (normalised). */
export function splitForm(form: string): { words: string[]; seps: string[]; trail: string } {
  const words: string[] = [];
  const seps: string[] = [];
  let trail = '';
  let i = 0;
  let sep = '';
  while (i < form.length) {
    const c = form.charCodeAt(i);
    if (isWordChar(c)) {
      let j = i;
      while (j < form.length && isWordChar(form.charCodeAt(j))) j++;
      // What comes before the first word (a quote, a bracket) is not part of the form's match.
      if (words.length > 0) seps.push(sep);
      words.push(form.slice(i, j));
      sep = '';
      i = j;
    } else {
      sep += form[i];
      i++;
    }
  }
  trail = sep;
  return { words, seps: seps.map(normaliseSeparator), trail: normaliseSeparator(trail) };
}

/** Separators compare after folding runs of spaces to one space and curly apostrophes to straight. */
export function normaliseSeparator(sep: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < sep.length; i++) {
    const c = sep.charCodeAt(i);
    if (isSpaceChar(c)) {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    space = false;
    out += isApostrophe(c) ? "'" : sep[i];
  }
  return out;
}
