// File names for imported reviews: "<critic or publication>-<short title>.md", ASCII, lower case.

import type { PageFields } from './page';

/** ASCII slug: accents dropped, everything but letters and digits becomes a hyphen. */
export function slugify(s: string, maxLength = 60): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : maxLength);
}

/**
 * The short form of a headline: its main clause (before ": ", " – ", " | "), unless that part is
 * only the film's name in quotes or the word "Review"; then cut at the first comma, four words at most.
 */
export function shortTitle(title: string): string {
  const segments = title.split(/:\s+|\s+[–—|]\s+|\s+-\s+/).map((s) => s.trim()).filter(Boolean);
  let pick = segments[0] ?? '';
  if (segments.length > 1 && (/^["“‘'][^"”’']+["”’']$/.test(pick) || /^(?:\[.*\]\s*)?(?:movie |film )?reviews?$/i.test(pick))) pick = segments[1];
  pick = pick.split(/,\s/)[0];
  return pick.split(/\s+/).slice(0, 4).join(' ');
}

/** "jessica-gross-becoming-human.md"; falls back to the input's own name, then to "review.md". */
export function suggestedFileName(fields: PageFields, inputFileName: string): string {
  const who = fields.critic ?? fields.publication;
  const parts = [who, fields.title ? shortTitle(fields.title) : undefined].filter((p): p is string => !!p);
  let slug = slugify(parts.join(' '));
  if (!slug) {
    const base = inputFileName.replace(/^.*[\\/]/, '');
    const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
    slug = slugify(stem);
  }
  return `${slug || 'review'}.md`;
}
