// Test helpers for the re-anchoring property test: a seeded PRNG, the seed reviews, and ground
// truth for where an annotated passage goes when the text around it is edited.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTEXT_LENGTH } from '../../../src/core/annotations/anchoring';

export { mulberry32 } from '../random';

/**
 * The five real reviews of *Her* from the repository's corpus (front matter included, as the
 * files are), in the order of the seeds they were imported from. They ship with the repository,
 * so these tests never depend on anything outside it.
 */
export function loadSeedReviews(): Array<{ name: string; text: string }> {
  let root = __dirname;
  while (!fs.existsSync(path.join(root, 'package.json'))) root = path.dirname(root);
  const dir = path.join(root, 'corpus', 'her');
  const reviews = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '') }))
    .sort((a, b) => SEED_ORDER.indexOf(a.name) - SEED_ORDER.indexOf(b.name) || a.name.localeCompare(b.name));
  if (reviews.length === 0) throw new Error(`no reviews in ${dir}`);
  return reviews;
}

/** The order of the seeds (../shared/seeds/000_… to 004_…) the reviews were imported from. */
const SEED_ORDER = ['hua-ruonan-a-decade-later.md', 'movie-review-her.md', 'larb-jessica-gross-becoming-human.md', 'poignant-exploration.md', 'blog-eyelights-her.md'];

/**
 * One place an annotated passage lives in the edited text: the original, or a verbatim copy made
 * by a "duplicate" edit. Also tracks whether the ~32 characters of context on each side still
 * sit next to it unchanged, since that is what separates the passage from a look-alike.
 */
export interface Instance {
  start: number;
  end: number;
  /** Context regions [prefixStart, start) and [end, suffixEnd) as they were when annotated. */
  prefixStart: number;
  suffixEnd: number;
  touched: boolean;
  deleted: boolean;
  prefixIntact: boolean;
  suffixIntact: boolean;
  copy: boolean;
}

export function newInstance(textLength: number, start: number, end: number): Instance {
  return {
    start,
    end,
    prefixStart: Math.max(0, start - CONTEXT_LENGTH),
    suffixEnd: Math.min(textLength, end + CONTEXT_LENGTH),
    touched: false,
    deleted: false,
    prefixIntact: true,
    suffixIntact: true,
    copy: false,
  };
}

/** Does replacing [a, b) touch the region [x, y)? Pure insertions only count strictly inside. */
function hits(a: number, b: number, x: number, y: number): boolean {
  return b > a ? a < y && b > x : a > x && a < y;
}

/** Moves a point for the replacement of [a, b) by `length` characters (insertions at p push it). */
function movePoint(p: number, a: number, b: number, length: number): number {
  return b <= p ? p + length - (b - a) : p;
}

/** Updates an instance for the replacement of old text [a, b) by `length` new characters. */
export function applyEdit(inst: Instance, a: number, b: number, length: number): void {
  if (inst.deleted) return;
  const { start: s, end: e } = inst;
  // Context: touched inside, or split from the passage by an insertion at the junction.
  if (hits(a, b, inst.prefixStart, s) || (a === b && a === s)) inst.prefixIntact = false;
  if (hits(a, b, e, inst.suffixEnd) || (a === b && a === e)) inst.suffixIntact = false;
  inst.prefixStart = movePoint(inst.prefixStart, a, b, length);
  inst.suffixEnd = movePoint(inst.suffixEnd, a, b, length);
  if (!hits(a, b, s, e)) {
    inst.start = movePoint(s, a, b, length);
    inst.end = b <= s ? e + length - (b - a) : e;
    return;
  }
  if (a <= s && b >= e) {
    inst.deleted = true; // the whole passage was removed or replaced by other text
    return;
  }
  inst.touched = true;
  // What is left of the passage, plus any replacement text inside or overlapping it.
  inst.start = Math.min(s, a);
  inst.end = b > e ? a + length : e + length - (b - a);
}

/**
 * Updates an instance for swapping two adjacent paragraphs: old text [x1, y1) + sep + [x2, y2)
 * becomes [x2, y2) + sep + [x1, y1). A region inside one paragraph moves with it; a region
 * across a paragraph edge is torn apart.
 */
export function applySwap(inst: Instance, x1: number, y1: number, x2: number, y2: number): void {
  if (inst.deleted) return;
  const shiftOf = (u: number, v: number): number | undefined => {
    if (v <= x1 || u >= y2) return 0;
    if (u >= x1 && v <= y1) return y2 - y1;
    if (u >= x2 && v <= y2) return x1 - x2;
    return undefined;
  };
  const passage = shiftOf(inst.start, inst.end);
  const prefix = shiftOf(inst.prefixStart, inst.start);
  const suffix = shiftOf(inst.end, inst.suffixEnd);
  if (passage === undefined) {
    inst.touched = true;
    inst.prefixIntact = inst.suffixIntact = false;
    inst.start = Math.min(inst.start, x1);
    inst.end = Math.max(inst.end, y2);
    return;
  }
  if (prefix !== passage) inst.prefixIntact = false;
  if (suffix !== passage) inst.suffixIntact = false;
  inst.start += passage;
  inst.end += passage;
  inst.prefixStart += prefix ?? passage;
  inst.suffixEnd += suffix ?? passage;
}

/**
 * Whether each context side still sits next to the passage unchanged. A side cut short by the
 * edge of the text includes that edge: it is intact only while the passage is still that close
 * to the edge (text added before the start of the review changes it).
 */
export function contextIntact(inst: Instance, textLength: number, target: { prefix: string; suffix: string }): { prefix: boolean; suffix: boolean } {
  const prefix = inst.prefixIntact && (target.prefix.length >= CONTEXT_LENGTH || inst.prefixStart === 0);
  const suffix = inst.suffixIntact && (target.suffix.length >= CONTEXT_LENGTH || inst.suffixEnd === textLength);
  return { prefix, suffix };
}
