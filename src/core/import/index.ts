// Import a review page — a saved web page, text copied from a browser, a Markdown file — into a
// review file: front matter with what the page says (title, critic, publication, date, rating,
// source) and the critic's text, site chrome dropped. Pure: strings in, strings out.
//
// HTML goes through ./html (Readability on a linkedom DOM), which this module never imports: the
// caller passes `readHtmlPage` in `deps` (or calls importHtmlReview from ./html), so only an HTML
// import loads it.

import { parseFrontMatter } from '../frontMatter';
import { frontMatterText, mergeFrontMatter } from './frontMatterText';
import { suggestedFileName } from './naming';
import { readPage, type DroppedText, type PageFields } from './page';
import { parseRating, type Rating } from './ratings';

export type ImportKind = 'html' | 'text' | 'markdown';

export interface ImportInput {
  fileName: string;
  text: string;
  kind?: ImportKind;
  /** Where the page came from, when the caller knows (wins over what the page says). */
  sourceUrl?: string;
  /** Keep reader comments as a "## Responses" section (default: dropped as chrome). */
  keepComments?: boolean;
}

/** What ./html gives back: the article as Markdown plus the page's metadata. */
export interface HtmlPage {
  markdown: string;
  known: PageFields;
  extracted: Record<string, string>;
  dropped: DroppedText[];
}

export interface ImportDeps {
  /** `readHtmlPage` from ./html; required for HTML input. */
  readHtml?: (html: string, options: { url?: string }) => HtmlPage;
}

/** What the page said, as it goes into the review's front matter (date as ISO YYYY-MM-DD). */
export type ImportedFrontMatter = PageFields;

export interface ImportReport {
  kept: { paragraphs: number; characters: number };
  dropped: DroppedText[];
  /** Each front-matter field as the page wrote it (and `viewed`/`updated` dates when given). */
  extracted: Record<string, string>;
}

export interface ImportResult {
  /** The review file: front matter, then the body. */
  markdown: string;
  frontMatter: ImportedFrontMatter;
  /** e.g. "jessica-gross-becoming-human.md". */
  suggestedName: string;
  /** The body alone (what the mention engine and gold labels read). */
  body: string;
  kind: ImportKind;
  report: ImportReport;
}

export class HtmlSupportMissingError extends Error {
  constructor(fileName: string) {
    super(`${fileName}: importing HTML needs readHtmlPage from src/core/import/html (pass it as deps.readHtml)`);
  }
}

/** The kind of input, from the name's extension or, failing that, the text itself. */
export function importKindOf(fileName: string, text: string): ImportKind {
  const name = fileName.toLowerCase();
  if (/\.(?:html?|xhtml|mhtml?)$/.test(name)) return 'html';
  if (/\.(?:md|markdown|mdown|mkd)$/.test(name)) return 'markdown';
  if (/^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<!--\s*saved from url)/i.test(text.slice(0, 500))) return 'html';
  return 'text';
}

export function importReview(input: ImportInput, deps: ImportDeps = {}): ImportResult {
  const text = input.text.replace(/^\uFEFF/, '');
  const kind = input.kind ?? importKindOf(input.fileName, text);
  const known: PageFields = {};
  if (input.sourceUrl) known.source = input.sourceUrl;
  let pageText = text;
  let header = (fields: PageFields) => frontMatterText(fields);
  const extraDropped: DroppedText[] = [];
  const extraExtracted: Record<string, string> = {};

  if (kind === 'html') {
    if (!deps.readHtml) throw new HtmlSupportMissingError(input.fileName);
    const page = deps.readHtml(text, { url: input.sourceUrl });
    Object.assign(extraExtracted, page.extracted);
    for (const [k, v] of Object.entries(page.known)) if (v !== undefined && (known as Record<string, unknown>)[k] === undefined) (known as Record<string, unknown>)[k] = v;
    extraDropped.push(...page.dropped);
    pageText = page.markdown;
  } else if (kind === 'markdown') {
    const fm = parseFrontMatter(text);
    if (fm.bodyStart > 0) {
      const d = fm.data;
      const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : undefined);
      for (const key of ['title', 'critic', 'publication', 'date', 'source'] as const) {
        const v = str(d[key]);
        if (v !== undefined) known[key] ??= v;
      }
      const r = str(d.rating);
      if (r !== undefined) {
        known.rating = parseRating(r) ?? { text: r, value: NaN, scale: NaN, normalized: NaN };
      }
      const yamlText = text.slice(/^---[ \t]*\r?\n/.exec(text)![0].length, fm.bodyStart).replace(/^(?:---|\.\.\.)[ \t]*\r?\n?$/m, '');
      header = (fields) => mergeFrontMatter(yamlText, fields);
      pageText = text.slice(fm.bodyStart);
    }
  }

  const page = readPage(pageText, { mode: kind === 'text' ? 'text' : 'markdown', known, keepComments: input.keepComments });
  const fields = page.fields;
  const frontMatter: ImportedFrontMatter = {};
  for (const key of ['title', 'critic', 'publication', 'date', 'source'] as const) if (fields[key] !== undefined) frontMatter[key] = fields[key];
  if (fields.rating && !Number.isNaN(fields.rating.value)) frontMatter.rating = fields.rating;
  const writeFields = { ...fields };
  if (kind === 'markdown' && fields.rating && Number.isNaN(fields.rating.value)) delete writeFields.rating; // already in the YAML as written
  const markdown = header(writeFields) + page.body;
  return {
    markdown,
    frontMatter,
    suggestedName: suggestedFileName(fields, input.fileName),
    body: page.body,
    kind,
    report: {
      kept: { paragraphs: page.paragraphs, characters: page.body.length },
      dropped: [...extraDropped, ...page.dropped],
      extracted: { ...extraExtracted, ...page.extracted },
    },
  };
}

export type { Rating } from './ratings';
export type { DroppedText, PageFields } from './page';
export { parseRating } from './ratings';
export { parseDateLine, findDate } from './dates';
export { parseByline } from './bylines';
export { suggestedFileName, slugify, shortTitle } from './naming';
