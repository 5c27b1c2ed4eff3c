// A saved web page (.html) as the importer reads it: what the DOM reader found (./html/readDom.ts,
// plain data) goes through the same text rules as text pages: the page's metadata, Readability's
// title and byline, and for each block outside the article why it is not the review (its own text
// first — a share bar, a byline, a date — then where it sat). The article itself becomes the
// Markdown that importReview reads like any Markdown page.
//
// No DOM here: this runs in the main bundles (the extension, the CLI); only readDom.ts needs
// linkedom and Readability, and it is a bundle of its own (dist/importHtml.js), loaded on the
// first HTML page.

import { parseByline } from './bylines';
import { chromeLine, tailMarker } from './chrome';
import { classifyLine } from './classify';
import type { HtmlPage } from './index';
import type { PageFields } from './page';
import { readPageMeta, stripSiteName } from './html/meta';
import type { HtmlDom, ReadHtmlDom } from './html/readDom';

export type { HtmlDom, HtmlMeta, OutsideBlock, ReadHtmlDom } from './html/readDom';

/** The page the importer reads, from what the DOM reader found in it. */
export function htmlPageFrom(dom: HtmlDom, options: { url?: string } = {}): HtmlPage {
  const { fields, extracted } = readPageMeta(dom.meta, options.url);
  const { article, blocks } = dom;
  if (article) {
    const site = fields.publication ?? article.siteName ?? undefined;
    if (!fields.title && article.title) {
      fields.title = stripSiteName(article.title, site);
      extracted.title = article.title;
    }
    if (!fields.critic && article.byline) {
      const b = parseByline(article.byline);
      const name = b?.critic ?? (/^[\p{Lu}][\p{L}'’. -]{1,60}$/u.test(article.byline.trim()) ? article.byline.trim() : undefined);
      if (name) {
        fields.critic = name;
        extracted.critic = article.byline;
      }
    }
    if (!fields.publication && article.siteName) {
      fields.publication = article.siteName;
      extracted.publication = article.siteName;
    }
  }
  const markdown = blocks.join('\n\n') + '\n';
  const outside = dom.outside.map(({ text, where }) => ({ text: text.replace(/\s+/g, ' ').trim(), reason: chromeLine(text) ?? tailMarker(text) ?? where }));
  for (const d of outside) d.reason = metadataOutsideArticle(d.text, fields, extracted) ?? d.reason;
  const dropped = [...dom.captions.map((text) => ({ text, reason: 'image caption' })), ...outside];
  return { markdown, known: fields, extracted, dropped };
}

/** The importer's HTML reader (ImportDeps.readHtml) on a DOM reader. */
export function htmlReaderOn(readDom: ReadHtmlDom): (html: string, options: { url?: string }) => HtmlPage {
  return (html, options) => htmlPageFrom(readDom(html), options);
}

/**
 * The page's header often sits outside what Readability calls the article: its headline, byline,
 * date and star line are read from there like any text line (filling only what the metadata left
 * open), and reported as such.
 */
function metadataOutsideArticle(text: string, fields: PageFields, extracted: Record<string, string>): string | undefined {
  if (fields.title !== undefined && text.replace(/\s+/g, ' ').trim() === fields.title.replace(/\s+/g, ' ').trim()) return 'title, in front matter';
  if (text.split(/\s+/).length > 14) return undefined;
  const c = classifyLine(text, 'text');
  if (c.kind === 'rating') {
    if (fields.rating) return 'rating line';
    fields.rating = c.rating;
    extracted.rating = c.rating.text;
    return 'rating, in front matter';
  }
  if (c.kind === 'date' && c.date.kind === 'published') {
    if (fields.date) return 'date line';
    fields.date = c.date.iso;
    extracted.date = c.date.text;
    return 'date, in front matter';
  }
  if (c.kind === 'byline') {
    const b = c.byline;
    if (!fields.critic && b.critic) {
      fields.critic = b.critic;
      extracted.critic = b.critic;
    }
    if (!fields.date && b.date) {
      fields.date = b.date.iso;
      extracted.date = b.date.text;
    }
    return 'byline';
  }
  return undefined;
}
