import { basenameUri, stemOf } from './model/uri';
import { parseFrontMatter } from './frontMatter';
import { metadataLineKind, withoutRating } from './import/metadataLine';

/** What the tree, hovers and CLI show about a review; read from front matter, else guessed. */
export interface ReviewInfo {
  path: string;
  title: string;
  /** Where `title` came from: the front matter, the body's first line, or the file's name. */
  titleFrom?: 'front matter' | 'first line' | 'file name';
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
  const fromFrontMatter = asText(d.title);
  const fromFirstLine = fromFrontMatter === undefined ? firstLineTitle(text.slice(fm.bodyStart)) : undefined;
  return {
    path,
    title: fromFrontMatter ?? fromFirstLine ?? stemOf(basenameUri(path)),
    titleFrom: fromFrontMatter !== undefined ? 'front matter' : fromFirstLine !== undefined ? 'first line' : 'file name',
    critic: asText(d.critic),
    publication: asText(d.publication),
    date: asText(d.date),
    rating: asText(d.rating),
    bodyStart: fm.bodyStart,
    frontMatterErrors: fm.errors,
  };
}

/**
 * A review without a title in front matter: its first line that is not the page's metadata (a
 * star line, a date, a tag list, a byline, a share bar, a menu), if it is short enough to be a
 * title; else the first words of its prose. Only the first few lines are looked at.
 */
function firstLineTitle(body: string): string | undefined {
  const lines = body.split(/\r?\n/, 40).filter((l) => l.trim().length > 0).slice(0, 12);
  const line = lines.find((l) => !metadataLineKind(l));
  if (!line) return undefined;
  const t = withoutRating(line.replace(/^#+\s*/, '').trim());
  if (t.length <= 80) return t;
  // A review that opens straight into prose: its first words stand for the title.
  const cut = t.slice(0, 60);
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:—–-]$/, '') + '…';
}

/**
 * How the tree, hovers and lists name a review, the same everywhere: "Critic — Title" (or
 * "Publication — Title"), the title alone, or the file name. Never a rating, a date or a tag line:
 * a value that is one of those is skipped (front matter written by hand can hold anything).
 */
export function reviewLabel(info: Pick<ReviewInfo, 'path' | 'title' | 'critic' | 'publication'>): string {
  // Asked for every row of the trees and every hover; an indexed review's info never changes.
  let label = labels.get(info);
  if (label === undefined) labels.set(info, (label = makeReviewLabel(info)));
  return label;
}

const labels = new WeakMap<object, string>();

function makeReviewLabel(info: Pick<ReviewInfo, 'path' | 'title' | 'critic' | 'publication'>): string {
  const usable = (s: string | undefined) => {
    const t = s?.replace(/\s+/g, ' ').trim();
    if (!t || metadataLineKind(t)) return undefined;
    return t;
  };
  const fileName = basenameUri(info.path);
  // A title that is only the file's stem (readReviewInfo's last resort) is the file name.
  const guessed = info.title === stemOf(fileName);
  const title = guessed ? undefined : usable(info.title !== undefined ? withoutRating(info.title) : undefined);
  const who = usable(info.critic) ?? usable(info.publication);
  if (who && title) return `${who} — ${title}`;
  if (title) return title;
  if (who) return `${who} — ${fileName}`;
  return fileName;
}
