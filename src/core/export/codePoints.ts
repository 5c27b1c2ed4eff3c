// Offsets in Unicode code points, which the W3C Recommendation (TextPositionSelector, settled in
// w3c/web-annotation#206), brat and Python/R string indexing count, converted to and from the
// core's UTF-16 code units. An emoji or another astral character is 2 code units but 1 code point.

/** Converts offsets in one text between UTF-16 code units and code points, in O(log n) each. */
export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of every astral character, ascending. */
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) this.astral.push(i++);
      }
    }
  }

  /** Code points before UTF-16 offset `utf16` (an offset inside a pair counts the pair as before it). */
  toCodePoint(utf16: number): number {
    return utf16 - this.pairsBefore(utf16);
  }

  /** The UTF-16 offset of code point `cp` (clamped to the text). */
  toUtf16(cp: number): number {
    // Each astral character before the answer adds one unit; search on the code-point position of each.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(this.text.length, cp + lo);
  }

  /** Length of the text in code points. */
  get length(): number {
    return this.text.length - this.astral.length;
  }

  private pairsBefore(utf16: number): number {
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] + 1 < utf16) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Slices a string by code points (what a Python or R user does with the exported offsets). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
