// How closely a stored context side matches the text beside a candidate: the fewest edits that
// turn it into some stretch of that text. Re-anchoring asks this for both sides of every
// candidate, so it is a tight loop (Myers' bit vectors for up to 32 characters, a table row beyond).

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
/** Per UTF-16 unit, the bits of the pattern's positions holding it (cleared after each use). */
const positionsOf = new Int32Array(65536);

/**
 * fewestEditsInside for a pattern of at most 32 characters, with Myers' bit-vector algorithm
 * (one machine word per text character instead of a row of the table): G. Myers, "A fast
 * bit-vector algorithm for approximate string matching based on dynamic programming", 1999.
 */
function fewestEditsInsideShort(window: string, pattern: string): number {
  const m = pattern.length;
  for (let i = 0; i < m; i++) positionsOf[pattern.charCodeAt(i)] |= 1 << i;
  const last = 1 << (m - 1);
  let pv = m === 32 ? -1 : (1 << m) - 1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < window.length; j++) {
    const eq = positionsOf[window.charCodeAt(j)];
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // A match may start anywhere in the window: the top row stays 0 (no carry into bit 0).
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) best = score;
  }
  for (let i = 0; i < m; i++) positionsOf[pattern.charCodeAt(i)] = 0;
  return best;
}

/**
 * The fewest edits (Levenshtein) that turn `pattern` into some non-empty stretch of `window`: what
 * approx-string-match reports as the best matches' errors, without finding where they start (a
 * context side is ~32 characters, its window a few more; this runs for every candidate's sides).
 */
export function fewestEditsInside(window: string, pattern: string): number {
  const m = pattern.length;
  if (m <= 32) return fewestEditsInsideShort(window, pattern);
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = m;
  for (let j = 0; j < window.length; j++) {
    const c = window.charCodeAt(j);
    cur[0] = 0; // a match may start anywhere
    for (let i = 1; i <= m; i++) {
      let v = prev[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      if (prev[i] + 1 < v) v = prev[i] + 1;
      if (cur[i - 1] + 1 < v) v = cur[i - 1] + 1;
      cur[i] = v;
    }
    if (cur[m] < best) best = cur[m];
    const t = prev;
    prev = cur;
    cur = t;
  }
  return best;
}
