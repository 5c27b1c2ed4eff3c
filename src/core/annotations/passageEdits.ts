// Keeps an annotated passage on its words while the review is edited, before anything is saved.
/**
 * Maps a passage [start, end) through an edit that replaced [from, to) with `inserted` characters.
 * Text typed at the passage's edges stays outside it; a passage deleted whole becomes an orphan.
 */
export function moveThroughEdit(a: { start: number; end: number; orphan: boolean }, from: number, to: number, inserted: number): void {
  const delta = inserted - (to - from);
  if (to <= a.start) {
    a.start += delta;
    a.end += delta;
    return;
  }
  if (from >= a.end) return;
  if (from <= a.start && to >= a.end) {
    a.start = a.end = from;
    a.orphan = true;
    return;
  }
  const start = from < a.start ? from + inserted : a.start;
  const end = to <= a.end ? a.end + delta : from;
  a.start = start;
  a.end = end;
}
