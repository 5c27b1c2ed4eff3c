import { basenameUri, stemOf } from './model/uri';
import { parseFrontMatter } from './frontMatter';

/** What the tree, hovers and CLI show about a review; read from front matter, else guessed. */
export interface ReviewInfo {
  path: string;
  title: string;
  critic?: string;
  publication?: string;
  date?: string;
  rating?: string;
  /** Offset where the searchable body starts (after front matter). */
  bodyStart: number;
  frontMatterErrors: Array<{ message: string; line: number; character: number }>;
}

export const REVIEW_EXTENSIONS = ['.md', '.markdown', '.txt'];

export function isReviewPath(path: string): boolean {
  const name = basenameUri(path).toLowerCase();
  if (name.endsWith('.annotations.yaml')) return false;
  if (name === 'readme.md') return false;
  return REVIEW_EXTENSIONS.some((ext) => name.endsWith(ext));
}

function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return undefined;
}

export function readReviewInfo(path: string, text: string): ReviewInfo {
  const isMarkdown = !path.toLowerCase().endsWith('.txt');
  const fm = isMarkdown ? parseFrontMatter(text) : { data: {}, bodyStart: 0, errors: [] };
  const d = fm.data as Record<string, unknown>;
  return {
    path,
    title: asText(d.title) ?? firstLineTitle(text.slice(fm.bodyStart)) ?? stemOf(basenameUri(path)),
    critic: asText(d.critic),
    publication: asText(d.publication),
    date: asText(d.date),
    rating: asText(d.rating),
    bodyStart: fm.bodyStart,
    frontMatterErrors: fm.errors,
  };
}

/** A review without front matter: its first non-empty line, if it is short enough to be a title. */
function firstLineTitle(body: string): string | undefined {
  const line = body.split(/\r?\n/).find((l) => l.trim().length > 0);
  if (!line) return undefined;
  const t = line.replace(/^#+\s*/, '').trim();
  if (t.length <= 80) return t;
  // A review that opens straight into prose: its first words stand for the title.
  const cut = t.slice(0, 60);
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:—–-]$/, '') + '…';
}
