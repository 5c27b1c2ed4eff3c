import { basenameUri, stemOf } from './model/uri';
import { parseFrontMatter } from './frontMatter';
import { metadataLineKind, withoutRating } from './import/metadataLine';

/** What the tree, hovers and CLI show about a review; read from front matter, else guessed. */
export interface ReviewInfo {
  path: string;
  title: string;
  /**
   * Where `title` came from: the front matter, the body's first line (a heading), the first words
   * of prose that opens the body (not a title, only something to show), or the file's name.
   */
  titleFrom?: 'front matter' | 'first line' | 'first words' | 'file name';
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
    title: fromFrontMatter ?? fromFirstLine?.title ?? stemOf(basenameUri(path)),
    titleFrom: fromFrontMatter !== undefined ? 'front matter' : fromFirstLine !== undefined ? fromFirstLine.from : 'file name',
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
function firstLineTitle(body: string): { title: string; from: 'first line' | 'first words' } | undefined {
  const lines = body.split(/\r?\n/, 40).filter((l) => l.trim().length > 0).slice(0, 12);
  const line = lines.find((l) => !metadataLineKind(l));
  if (!line) return undefined;
  const t = withoutRating(line.replace(/^#+\s*/, '').trim());
  if (t.length <= 80) return { title: t, from: 'first line' };
  // A review that opens straight into prose: its first words stand for the title.
  const cut = t.slice(0, 60);
  return { title: cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:—–-]$/, '') + '…', from: 'first words' };
}

/**
 * How the tree, hovers and lists name a review, the same everywhere: "Critic — Title" (or
 * "Publication — Title"), the title alone, or the file name. Never a rating, a date or a tag line:
 * a value that is one of those is skipped (front matter written by hand can hold anything). A
 * title that only names the film ("Her", "[Movie Review] Her") or that is the first words of the
 * prose tells one review from another no better than nothing: the file name does.
 */
export function reviewLabel(info: Pick<ReviewInfo, 'path' | 'title' | 'titleFrom' | 'critic' | 'publication'>, filmTitle?: string): string {
  // Asked for every row of the trees and every hover; an indexed review's info never changes.
  const cached = labels.get(info);
  if (cached && cached.filmTitle === filmTitle) return cached.label;
  const label = makeReviewLabel(info, filmTitle);
  labels.set(info, { filmTitle, label });
  return label;
}

const labels = new WeakMap<object, { filmTitle: string | undefined; label: string }>();

/** "[Movie Review] Her", "Review: Her", "Her (2013) review", "“Her”" → "her": what the title says beyond the words every review page wraps it in. */
export function titleCore(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*[[(]?\s*(?:(?:movie|film)\s+)?review\s*[\])]?\s*[:\-–—|]?\s*/u, '')
    .replace(/\s*[:\-–—|]?\s*[[(]?\s*(?:(?:movie|film)\s+)?review\s*[\])]?\s*$/u, '')
    .replace(/\(\s*\d{4}\s*\)/gu, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function makeReviewLabel(info: Pick<ReviewInfo, 'path' | 'title' | 'titleFrom' | 'critic' | 'publication'>, filmTitle: string | undefined): string {
  const usable = (s: string | undefined) => {
    const t = s?.replace(/\s+/g, ' ').trim();
    if (!t || metadataLineKind(t)) return undefined;
    return t;
  };
  const fileName = basenameUri(info.path);
  // A title that is only the file's stem (readReviewInfo's last resort) is the file name.
  const guessed = info.titleFrom === 'file name' || info.titleFrom === 'first words' || info.title === stemOf(fileName);
  const title = guessed ? undefined : usable(info.title !== undefined ? withoutRating(info.title) : undefined);
  const who = usable(info.critic) ?? usable(info.publication);
  if (who && title) return `${who} — ${title}`;
  if (title && !(filmTitle && titleCore(title) === titleCore(filmTitle))) return title;
  if (who) return `${who} — ${fileName}`;
  return fileName;
}

/** The label of a review by its path, through what the index knows of it and its film. */
export function labelOfPath(index: { review(path: string): { info: ReviewInfo; film: { lexicon: { film: { title: string } } } } | undefined }, path: string): string {
  const review = index.review(path);
  return review ? reviewLabel(review.info, review.film.lexicon.film.title) : basenameUri(path);
}
