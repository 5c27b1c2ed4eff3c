// Where a review's marks begin and end, carried through markdown-it by the parser itself.
//
// markdown-it gives inline tokens no source offsets, and its text tokens are the product of
// escapes, entities, emphasis delimiters, link syntax, line joins, CRLF normalisation and (in the
// markdown-it 12 that VS Code ships) merged runs. Rather than re-deriving offsets from that, each
// boundary is written into the source as a short run of private-use characters (a "sentinel"),
// the source is parsed once, and the sentinels are read back out of the text tokens they land in.
// Private-use characters are ordinary word characters to every markdown-it rule, so a sentinel
// changes the parse only where it would split syntax; such places are found here first: a mention
// there is left unmarked, an annotation's end is moved inward to the nearest safe place.

export interface Boundary {
  offset: number;
  id: number;
  open: boolean;
}

/** A sentinel alphabet: 32 private-use code points the source does not use. */
export interface SentinelAlphabet {
  base: number;
}

const PUA_START = 0xe000;
const PUA_BLOCKS = 200; // 200 × 32 code points, all inside U+E000–U+F8FF

export function chooseAlphabet(src: string): SentinelAlphabet | undefined {
  const used = new Set<number>();
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c >= PUA_START && c < PUA_START + PUA_BLOCKS * 32) used.add((c - PUA_START) >> 5);
  }
  for (let k = 0; k < PUA_BLOCKS; k++) if (!used.has(k)) return { base: PUA_START + k * 32 };
  return undefined;
}

/** open marker, close marker, then the id in hex digits (base+16 … base+31). */
export function encodeBoundary(alphabet: SentinelAlphabet, id: number, open: boolean): string {
  let digits = '';
  let n = id;
  do {
    digits = String.fromCharCode(alphabet.base + 16 + (n & 15)) + digits;
    n >>>= 4;
  } while (n > 0);
  return String.fromCharCode(alphabet.base + (open ? 0 : 1)) + digits;
}

export function isSentinel(alphabet: SentinelAlphabet, code: number): boolean {
  return code >= alphabet.base && code < alphabet.base + 32;
}

/** Splits text into plain pieces and boundaries, in order. */
export function decodeSentinels(alphabet: SentinelAlphabet, text: string): Array<string | Boundary> {
  const out: Array<string | Boundary> = [];
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === alphabet.base || c === alphabet.base + 1) {
      let id = 0;
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) >= alphabet.base + 16 && text.charCodeAt(j) < alphabet.base + 32) {
        id = id * 16 + (text.charCodeAt(j) - alphabet.base - 16);
        j++;
      }
      if (j > i + 1) {
        if (plain) out.push(plain);
        plain = '';
        out.push({ offset: -1, id, open: c === alphabet.base });
        i = j - 1;
        continue;
      }
    }
    if (!isSentinel(alphabet, c)) plain += text[i];
  }
  if (plain) out.push(plain);
  return out;
}

export function stripSentinels(alphabet: SentinelAlphabet, text: string): string {
  let has = false;
  for (let i = 0; i < text.length && !has; i++) has = isSentinel(alphabet, text.charCodeAt(i));
  if (!has) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) if (!isSentinel(alphabet, text.charCodeAt(i))) out += text[i];
  return out;
}

/** Percent-encoded sentinels in a normalised link (every code point of the alphabet is U+Exxx). */
export function stripEncodedSentinels(alphabet: SentinelAlphabet, href: string): string {
  return href.replace(/%E[EF]%[89AB][0-9A-F]%[89AB][0-9A-F]/gi, (m) => {
    const bytes = m.split('%').slice(1).map((h) => parseInt(h, 16));
    const code = ((bytes[0] & 0x0f) << 12) | ((bytes[1] & 0x3f) << 6) | (bytes[2] & 0x3f);
    return isSentinel(alphabet, code) ? '' : m;
  });
}

/** Inserts the boundaries (sorted here) into the source. */
export function insertBoundaries(src: string, alphabet: SentinelAlphabet, boundaries: Boundary[]): string {
  const sorted = [...boundaries].sort((a, b) => a.offset - b.offset || Number(a.open) - Number(b.open));
  let out = '';
  let at = 0;
  for (const b of sorted) {
    out += src.slice(at, b.offset) + encodeBoundary(alphabet, b.id, b.open);
    at = b.offset;
  }
  return out + src.slice(at);
}

// ---- where a sentinel may go ----

interface Span {
  start: number;
  end: number;
}

/**
 * Stretches of source where a sentinel would change the parse or land in an attribute: link
 * destinations and titles, angle-bracket autolinks and raw tags, bare URLs and e-mail addresses,
 * reference definitions and the labels that use them, code spans.
 */
export function unsafeSpans(src: string): Span[] {
  const spans: Span[] = [];
  const add = (re: RegExp, group = 0) => {
    for (const m of src.matchAll(re)) {
      const start = m.index! + (group ? m[0].indexOf(m[group]) : 0);
      spans.push({ start, end: start + m[group].length });
    }
  };
  // link destination and title: from "](" to its closing parenthesis
  for (let i = src.indexOf('](');  i >= 0; i = src.indexOf('](', i + 2)) {
    let depth = 0;
    let j = i + 1;
    for (; j < src.length && j < i + 2048; j++) {
      const c = src[j];
      if (c === '\\') j++;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
      else if (c === '\n' && src[j + 1] === '\n') break;
    }
    spans.push({ start: i, end: Math.min(j + 1, src.length) });
  }
  add(/<[A-Za-z/!?][^<>\n]{0,2047}>/g);
  add(/(?:\b[a-z][a-z0-9+.-]{1,31}:\/\/|\bwww\.)[^\s<>]*/gi);
  add(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g);
  const defs = new Set<string>();
  for (const m of src.matchAll(/^ {0,3}\[([^\]\n]+)\]:[^\n]*/gm)) {
    // the line end too: nothing may follow a definition's title on its line
    spans.push({ start: m.index!, end: m.index! + m[0].length + 1 });
    defs.add(normaliseLabel(m[1]));
  }
  if (defs.size) {
    for (const m of src.matchAll(/\[([^[\]\n]+)\](?!\()(?:\[\])?/g)) {
      if (defs.has(normaliseLabel(m[1]))) spans.push({ start: m.index!, end: m.index! + m[0].length });
    }
  }
  add(/(?<!`)(`+)(?!`)(?:(?!\n[ \t\r]*\n)[^`]|`(?!\1))*?[^`]\1(?!`)/g);
  spans.sort((a, b) => a.start - b.start);
  return spans;
}

function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The span strictly containing `p` (p inside, not at its edges), if any. */
function spanAround(spans: Span[], p: number): Span | undefined {
  for (const s of spans) {
    if (s.start >= p) break;
    if (p < s.end) return s;
  }
  return undefined;
}

const SPECIAL = /[*_~`[\]!<>&\\()|$=#+-]/;
/** Indentation and block markers at the start of a line: quotes, bullets, numbers, headings. */
const LINE_MARKERS = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)]|#{1,6})(?=[ \t]|$)[ \t]*)*/;
const WORDY = /[\p{L}\p{N}\p{M}]/u;

function codePointBefore(src: string, p: number): string {
  const lo = src.charCodeAt(p - 1);
  if (p >= 2 && lo >= 0xdc00 && lo < 0xe000) return src.slice(p - 2, p);
  return src[p - 1] ?? '';
}

function codePointAt(src: string, p: number): string {
  return String.fromCodePoint(src.codePointAt(p) ?? 32);
}

/** Whether a sentinel at `p` leaves the parse as it was (see the header). */
export function isSafeBoundary(src: string, p: number): boolean {
  if (p < 0 || p > src.length) return false;
  const a = codePointBefore(src, p);
  const b = p < src.length ? codePointAt(src, p) : '';
  const aCode = src.charCodeAt(p - 1);
  const bCode = src.charCodeAt(p);
  if (aCode === 13 && bCode === 10) return false;
  if (aCode >= 0xd800 && aCode < 0xdc00) return false; // inside a surrogate pair
  // a backslash escapes the punctuation or line break after it: keep them together
  if (a === '\\' && (b === '' || /[!-/:-@[-`{-~\r\n]/.test(b))) return false;
  // inside an entity such as &amp; or &#8217;
  let k = p;
  while (k > 0 && p - k < 32 && /[#A-Za-z0-9]/.test(src[k - 1])) k--;
  if (k > 0 && src[k - 1] === '&') {
    let f = p;
    while (f < src.length && f - p < 32 && /[#A-Za-z0-9]/.test(src[f])) f++;
    if (src[f] === ';') return false;
  }
  // a line of marks only (---, ***, ===, ```, |---|, the front matter's fences) is syntax whole
  let lineStart = p;
  while (lineStart > 0 && src[lineStart - 1] !== '\n' && src[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = p;
  while (lineEnd < src.length && src[lineEnd] !== '\n' && src[lineEnd] !== '\r') lineEnd++;
  if (lineEnd - lineStart < 512 && !/[\p{L}\p{N}]/u.test(src.slice(lineStart, lineEnd))) return false;
  // the start of a line decides its block (indentation, >, list markers, #): no sentinel inside
  // those, and only a letter right after them
  const zone = LINE_MARKERS.exec(src.slice(lineStart, Math.min(lineEnd, lineStart + 80)))![0].length;
  if (p < lineStart + zone) return false;
  if (p === lineStart + zone && !/\p{L}/u.test(b)) return false;
  // trailing spaces before a line break make a hard break
  if (a === ' ' || a === '\t') {
    let t = p;
    while (t < src.length && (src[t] === ' ' || src[t] === '\t')) t++;
    if (t === src.length || src[t] === '\n' || src[t] === '\r') return false;
  }
  // a delimiter must keep a neighbour of the same class: a sentinel reads as a letter
  if (SPECIAL.test(a) && !WORDY.test(b)) return false;
  if (SPECIAL.test(b) && !WORDY.test(a)) return false;
  return true;
}

export class BoundaryPlanner {
  private readonly spans: Span[];

  constructor(private readonly src: string) {
    this.spans = unsafeSpans(src);
  }

  /** A mention is marked only if both its ends are safe and it lies in no unsafe span. */
  canMark(start: number, end: number): boolean {
    if (!(start >= 0 && start < end && end <= this.src.length)) return false;
    if (spanAround(this.spans, start) || spanAround(this.spans, end)) return false;
    return isSafeBoundary(this.src, start) && isSafeBoundary(this.src, end);
  }

  /** An annotation's range moved inward to safe ends; undefined when nothing is left. */
  snap(start: number, end: number): { start: number; end: number } | undefined {
    let s = Math.max(0, start);
    let e = Math.min(this.src.length, end);
    while (s < e) {
      const span = spanAround(this.spans, s);
      if (span) s = span.end;
      else if (!isSafeBoundary(this.src, s)) s++;
      else break;
    }
    while (e > s) {
      const span = spanAround(this.spans, e);
      if (span) e = span.start;
      else if (!isSafeBoundary(this.src, e)) e--;
      else break;
    }
    return s < e && isSafeBoundary(this.src, s) && isSafeBoundary(this.src, e) ? { start: s, end: e } : undefined;
  }
}
