// A merge conflict recorded by the merge driver, in words for the Problems panel and hover cards:
// which side's version is in place and what the other one was.

import type { MergeConflict, TextTarget } from './model';

/** `their version of note kept under conflicts: “Love as growth.”` */
export function describeConflict(c: MergeConflict, max = 80): string {
  if (c.field === 'annotation') {
    return c.deletedBy === 'ours'
      ? 'deleted on our side while their side changed it; their version is kept (recorded under conflicts)'
      : 'deleted on their side while our side changed it; our version is kept (recorded under conflicts)';
  }
  if (!('theirs' in c) || c.theirs === undefined) return `their side removed ${c.field}; ours is kept (recorded under conflicts)`;
  return `their version of ${c.field} kept under conflicts: ${conflictValue(c.field, c.theirs, max)}`;
}

/** A recorded value, shortened to about `max` characters: a quote for text, a list for lists. */
export function conflictValue(field: string, value: unknown, max = 80): string {
  if (typeof value === 'string') return `“${shorten(value, max)}”`;
  if (field === 'target' && isTarget(value)) return `the passage “${shorten(value.quote, max)}”`;
  if (Array.isArray(value)) {
    const items = value.map((v) => (isLink(v) ? `${v.review}#${v.id}` : typeof v === 'string' ? v : JSON.stringify(v)));
    return items.length ? shorten(items.join(', '), max) : '(none)';
  }
  return shorten(JSON.stringify(value) ?? String(value), max);
}

function isTarget(v: unknown): v is TextTarget {
  return typeof v === 'object' && v !== null && typeof (v as TextTarget).quote === 'string';
}

function isLink(v: unknown): v is { review: string; id: string } {
  return typeof v === 'object' && v !== null && typeof (v as { review?: unknown }).review === 'string' && typeof (v as { id?: unknown }).id === 'string';
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1) + '…';
}
