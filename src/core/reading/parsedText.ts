// VS Code's preview hands markdown-it the document's text with U+2028 and U+2029 removed
// (markdownEngine.ts, tokenizeString). A resolver that recognises a review by its text uses this to
// accept that form and move its offsets to match.

/** A map from offsets in `reviewText` to offsets in `src`, or undefined if `src` is another text. */
export function offsetsIntoParsedText(reviewText: string, src: string): ((offset: number) => number) | undefined {
  if (src === reviewText) return (offset) => offset;
  if (src.length >= reviewText.length || src !== reviewText.replace(/[\u2028\u2029]/g, '')) return undefined;
  const removed: number[] = [];
  for (let i = 0; i < reviewText.length; i++) {
    const c = reviewText.charCodeAt(i);
    if (c === 0x2028 || c === 0x2029) removed.push(i);
  }
  return (offset) => {
    let lo = 0;
    let hi = removed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (removed[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}
