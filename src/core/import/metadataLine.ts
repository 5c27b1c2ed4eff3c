// Is a line the page's metadata rather than a title: a star line, a date, a tag list, a byline,
// a share bar? Used wherever a title is guessed from a file's first line (the Reviews tree showed
// "★★★★1/2", "Tag: Amy Adams" and "November 16, 2016" as titles).

import { classifyLine } from './classify';
import { splitTitleRating } from './ratings';

export type MetadataKind = 'rating' | 'date' | 'byline' | 'source' | 'chrome';

export function metadataLineKind(line: string): MetadataKind | undefined {
  const t = line.replace(/^#+\s*/, '').trim();
  if (!t) return undefined;
  const c = classifyLine(t, 'markdown');
  switch (c.kind) {
    case 'rating':
    case 'date':
    case 'byline':
    case 'source':
    case 'chrome':
      return c.kind;
    case 'tail':
      return 'chrome';
    default:
      return undefined;
  }
}

/** "Us ★★★★½" → "Us"; a title without a rating comes back unchanged. */
export function withoutRating(title: string): string {
  return splitTitleRating(title)?.title ?? title;
}
