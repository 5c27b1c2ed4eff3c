// Where a string occurs in a text, for re-anchoring: it asks three times per annotation (the
// quote, its prefix, its suffix), and on a long review with many annotations, scanning the whole
// text each time was nearly all of the cost (1,000 annotations in a 1 MB review: 3,000 scans of
// 1 MB). A long text gets an index of its 6-character pieces at every 3rd position (and, for short
// words, of its 4-character pieces), built once and kept while the same text is asked about; the
// answers are the same as a scan's.

/** Pieces of 6 characters at every 3rd position: any needle of 8 characters or more has one at each offset class. */
const LONG = { piece: 6, stride: 3 };
/** For needles of 4–7 characters (a short word): pieces of 4 at every position, built when first needed. */
const SHORT = { piece: 4, stride: 1 };
/** Texts shorter than this are scanned: an index would cost more than it saves. */
const MIN_INDEXED_LENGTH = 64 * 1024;

/** Start offsets of every occurrence of needle (overlapping ones too), in order, at most `limit`. */
export function findAll(text: string, needle: string, limit = Infinity): number[] {
  if (needle.length >= SHORT.piece && text.length >= MIN_INDEXED_LENGTH) {
    // Strings compare by content: the same text read again (another string) keeps the index, and
    // is remembered, so the next call is a pointer compare and not another pass over it.
    if (text !== memo.text) memo = { text };
    else memo.text = text;
    if (needle.length >= LONG.piece + LONG.stride - 1) return (memo.long ??= new PieceIndex(text, LONG.piece, LONG.stride)).findAll(needle, limit);
    return (memo.short ??= new PieceIndex(text, SHORT.piece, SHORT.stride)).findAll(needle, limit);
  }
  return scanAll(text, needle, limit);
}

function scanAll(text: string, needle: string, limit: number): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1 && out.length < limit; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** The last long text searched, and its indexes (each built when first needed). */
let memo: { text: string; long?: PieceIndex; short?: PieceIndex } = { text: '' };

function pieceHash(s: string, at: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = at; i < at + length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  // FNV's low bits are weak; mixed (lowbias32), buckets fill evenly.
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}

/** Positions of the text's pieces (every `stride`-th), chained by a hash of the piece. */
class PieceIndex {
  private readonly mask: number;
  /**
   * Per bucket b, side by side (one cache line, where two arrays cost two misses on a 1 MB text):
   * [2b] the last indexed slot + 1 whose piece hashes there (0: none), [2b + 1] how many do.
   */
  private readonly buckets: Int32Array;
  /** Per slot (position / stride): the previous slot + 1 in the same bucket. */
  private readonly next: Int32Array;

  constructor(
    private readonly text: string,
    private readonly piece: number,
    private readonly stride: number,
  ) {
    const slots = text.length >= piece ? Math.floor((text.length - piece) / stride) + 1 : 0;
    let size = 1024;
    while (size < slots && size < 1 << 20) size <<= 1;
    const mask = (this.mask = size - 1);
    const buckets = (this.buckets = new Int32Array(2 * size));
    const next = (this.next = new Int32Array(slots));
    for (let k = 0; k < slots; k++) {
      const b = (pieceHash(text, k * stride, piece) & mask) << 1;
      next[k] = buckets[b];
      buckets[b] = k + 1;
      buckets[b + 1]++;
    }
  }

  /** For a needle of at least piece + stride − 1 characters. */
  findAll(needle: string, limit: number): number[] {
    const { piece, stride, mask, buckets, next, text } = this;
    const out: number[] = [];
    // An occurrence at s has an indexed piece at the offset o < stride with s + o ≡ 0 (mod
    // stride), and at o + stride, o + 2·stride …: for each offset class, walk the rarest.
    for (let o = 0; o < stride; o++) {
      let bestAt = o;
      let bestBucket = -1;
      let bestCount = 0;
      for (let j = o; j + piece <= needle.length; j += stride) {
        const b = (pieceHash(needle, j, piece) & mask) << 1;
        const count = buckets[b + 1];
        if (bestBucket < 0 || count < bestCount) {
          bestBucket = b;
          bestAt = j;
          bestCount = count;
          if (count === 0) break; // no occurrence in this offset class
        }
      }
      if (bestCount === 0) continue;
      for (let k = buckets[bestBucket]; k !== 0; k = next[k - 1]) {
        const start = (k - 1) * stride - bestAt;
        if (start >= 0 && text.startsWith(needle, start)) out.push(start);
      }
    }
    if (out.length > 1) out.sort((a, b) => a - b);
    if (out.length > limit) out.length = limit;
    return out;
  }
}
