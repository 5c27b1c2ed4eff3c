// A text seen in Unicode NFC, with offsets mapped both ways. A review copied through macOS (or
// any tool that writes NFD) holds "é" as "e" + U+0301: the same words to a reader, different
// code units to a search. Re-anchoring compares quotes in NFC and maps what it finds back to
// UTF-16 offsets in the text as it is (the contract every offset in the core keeps).

export interface NfcView {
  /** The text in NFC. */
  text: string;
  /** True when the text already was NFC (offsets map to themselves). */
  identical: boolean;
  /** An NFC offset → the original offset; inside a cluster that normalisation changed, its start or end. */
  toOriginal(offset: number, edge: 'start' | 'end'): number;
  /** An original offset → the NFC offset (inside a changed cluster: its start). */
  fromOriginal(offset: number): number;
}

/**
 * Segments of the text: runs that NFC leaves alone (mapped linearly) and clusters it changes
 * (a base character and the marks that combine with it; mapped only at their edges).
 */
interface Segments {
  orig: number[];
  norm: number[];
  linear: boolean[];
}

let cached: { source: string; view: NfcView } | undefined;

/** The NFC view of a text; the last one is cached (re-anchoring asks for the same text many times). */
export function nfcView(text: string): NfcView {
  if (cached && cached.source === text) return cached.view;
  const view = build(text);
  cached = { source: text, view };
  return view;
}

function identity(text: string): NfcView {
  return { text, identical: true, toOriginal: (o) => o, fromOriginal: (o) => o };
}

/** A code point that normalisation may combine with what comes before it. */
function joinsPrevious(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp >= 0x1161 && cp <= 0x11ff) return true; // Hangul medial vowels and final consonants
  return /\p{M}/u.test(String.fromCodePoint(cp));
}

function build(text: string): NfcView {
  const nfc = text.normalize('NFC');
  if (nfc === text) return identity(text);
  const seg: Segments = { orig: [], norm: [], linear: [] };
  let out = '';
  let runStart = 0; // start of the current unchanged run
  const push = (origStart: number, piece: string, linear: boolean) => {
    seg.orig.push(origStart);
    seg.norm.push(out.length);
    seg.linear.push(linear);
    out += piece;
  };
  for (let i = 0; i < text.length; ) {
    // One cluster: a starter and every code point that may combine with it.
    let j = i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
    while (j < text.length && joinsPrevious(text.codePointAt(j)!)) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
    if (j - i > 1 || text.charCodeAt(i) >= 0x80) {
      const cluster = text.slice(i, j);
      const normalized = cluster.normalize('NFC');
      if (normalized !== cluster) {
        if (i > runStart) push(runStart, text.slice(runStart, i), true);
        push(i, normalized, false);
        runStart = j;
      }
    }
    i = j;
  }
  if (text.length > runStart) push(runStart, text.slice(runStart), true);
  // Clusters normalise independently for every text met in reviews; if one did not, compare raw.
  if (out !== nfc) return identity(text);
  const find = (starts: number[], offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const map = (from: number[], to: number[], fromEnd: number, toEnd: number) => (offset: number, edge: 'start' | 'end') => {
    if (offset >= fromEnd) return toEnd;
    const k = find(from, offset);
    if (seg.linear[k]) return to[k] + (offset - from[k]);
    if (offset === from[k] || edge === 'start') return to[k];
    return k + 1 < to.length ? to[k + 1] : toEnd;
  };
  const toOriginal = map(seg.norm, seg.orig, out.length, text.length);
  const fromOriginal = map(seg.orig, seg.norm, text.length, out.length);
  return { text: out, identical: false, toOriginal, fromOriginal: (o) => fromOriginal(o, 'start') };
}
