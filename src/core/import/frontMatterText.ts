// Writes a review's front matter: only what the page said, in a reader's order.

import { Document, isMap, parseDocument } from 'yaml';
import { ratingDisplay } from './ratings';
import type { PageFields } from './page';

export const FIELD_ORDER = ['title', 'critic', 'publication', 'date', 'rating', 'source'] as const;

function values(fields: PageFields): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const key of FIELD_ORDER) {
    const v = fields[key];
    if (v === undefined) continue;
    out.push([key, typeof v === 'string' ? v : ratingDisplay(v)]);
  }
  return out;
}

const OPTIONS = { lineWidth: 0 } as const;

/** `---` / fields / `---`, or '' when there is nothing to say. */
export function frontMatterText(fields: PageFields): string {
  const entries = values(fields);
  if (entries.length === 0) return '';
  const doc = new Document(Object.fromEntries(entries));
  return `---\n${doc.toString(OPTIONS)}---\n`;
}

/**
 * Adds the missing fields to existing front matter YAML, keeping its comments, order and other
 * keys (a Markdown file brought in keeps everything it had).
 */
export function mergeFrontMatter(yamlText: string, fields: PageFields): string {
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) return `---\n${yamlText}${yamlText.endsWith('\n') || !yamlText ? '' : '\n'}---\n`;
  for (const [key, value] of values(fields)) {
    if (!doc.has(key)) doc.set(key, value);
  }
  return `---\n${doc.toString(OPTIONS)}---\n`;
}
