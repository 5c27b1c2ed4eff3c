// Saved web pages (.html): Mozilla's Readability (Firefox Reader View) finds the article on a
// linkedom DOM; the article becomes Markdown and goes through the same line rules as text pages
// (bylines, star lines, tag lists and share bars inside the article are still caught).
//
// Loaded only when importing HTML: nothing else in the core imports this file (callers pass
// `readHtmlPage` to importReview, or call importHtmlReview). The page is data: linkedom runs no
// script and loads no resource, Readability makes no request, and nothing outside the page's
// text is kept (no link targets, images or attributes; only the source URL from its metadata).

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { importReview, type HtmlPage, type ImportInput, type ImportResult } from './index';
import { parseByline } from './bylines';
import { chromeLine, tailMarker } from './chrome';
import { classifyLine } from './classify';
import type { DroppedText, PageFields } from './page';
import { isElement, tagOf, type DomDocument, type DomElement, type DomNode } from './html/dom';
import { readPageMeta, stripSiteName } from './html/meta';
import { toMarkdownBlocks } from './html/toMarkdown';

const NOT_TEXT = 'script:not([type="application/ld+json"]), style, noscript, template, iframe, object, embed, svg, canvas, link:not([rel="canonical"]), meta[http-equiv]';

const FURNITURE = 'nav, form, aside, header, footer, dialog, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"]';

function hasAncestor(el: DomNode, tag: string): boolean {
  for (let n = el.parentNode; n; n = n.parentNode) if (isElement(n) && tagOf(n) === tag) return true;
  return false;
}

function parse(html: string): DomDocument {
  // linkedom needs a root element; a fragment is wrapped so it parses as a page.
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(page) as unknown as { document: DomDocument };
  for (const el of Array.from(document.querySelectorAll(NOT_TEXT))) el.remove();
  return document;
}

/** Why a piece of the page outside the article is not the review, from where it sat. */
function reasonFor(node: DomNode, text: string): string {
  const own = chromeLine(text) ?? tailMarker(text);
  if (own) return own;
  for (let n: DomNode | null = node; n; n = n.parentNode) {
    if (!isElement(n)) continue;
    const tag = tagOf(n);
    if (tag === 'figcaption' || tag === 'figure') return 'image caption';
    const hint = `${n.getAttribute('class') ?? ''} ${n.getAttribute('id') ?? ''} ${n.getAttribute('role') ?? ''}`.toLowerCase();
    if (tag === 'nav' || /\b(?:nav|menu|navigation|breadcrumb)/.test(hint)) return 'menu';
    if (/comment|respond|discussion|disqus/.test(hint)) return 'reader comments';
    if (tag === 'form') return 'comment form';
    if (/share|social/.test(hint)) return 'share bar';
    if (/related|recommend|more-from|read-next|popular|trending/.test(hint)) return 'related posts';
    if (/cookie|consent|gdpr/.test(hint)) return 'cookie notice';
    if (/newsletter|subscribe|signup|paywall/.test(hint)) return 'subscription notice';
    if (/\bad\b|advert|sponsor|promo/.test(hint)) return 'advertisement';
    if (tag === 'footer' || /footer|colophon/.test(hint)) return 'footer';
    if (tag === 'header' || /masthead|site-header/.test(hint)) return 'page header';
    if (tag === 'aside' || /sidebar|widget/.test(hint)) return 'sidebar';
  }
  return 'outside the article';
}

/** The page's visible text blocks that did not make it into the article, with a reason each. */
function droppedBlocks(doc: DomDocument, articleText: string): DroppedText[] {
  const out: DroppedText[] = [];
  const norm = (s: string) => s.replace(/[\s\u00a0*_`#>-]+/g, ' ').trim();
  const kept = norm(articleText);
  const seen = new Set<string>();
  const visit = (el: DomElement) => {
    const blocks = toMarkdownBlocks(el, { plain: true });
    // Leaf-most elements give the most precise reasons: descend into containers of blocks.
    const children = Array.from(el.childNodes).filter(isElement);
    const isLeaf = blocks.length <= 1 || children.length === 0;
    if (!isLeaf) {
      const childText = children.map((c) => norm(c.textContent ?? '')).join(' ');
      if (childText.length >= norm(el.textContent ?? '').length * 0.9) {
        children.forEach(visit);
        return;
      }
    }
    for (const b of blocks) {
      const t = norm(b);
      if (!t || kept.includes(t) || seen.has(t)) continue;
      seen.add(t);
      out.push({ text: b.replace(/\s+/g, ' ').trim(), reason: reasonFor(el, b) });
    }
  };
  if (doc.body) visit(doc.body);
  return out;
}

export function readHtmlPage(html: string, options: { url?: string } = {}): HtmlPage {
  const original = parse(html);
  const { fields, extracted } = readPageMeta(original, options.url);

  const captions: string[] = [];
  const working = parse(html);
  for (const el of Array.from(working.querySelectorAll('script'))) el.remove();
  // Page furniture by its HTML meaning, before Readability guesses by class names: navigation,
  // forms, asides, and a page's (not an article's) header and footer.
  for (const el of Array.from(working.querySelectorAll(FURNITURE))) {
    const inArticle = (tagOf(el) === 'header' || tagOf(el) === 'footer') && hasAncestor(el, 'article');
    if (!inArticle) el.remove();
  }
  const article = new Readability(working as never, { serializer: (node: unknown) => node as DomNode, keepClasses: false }).parse();
  let root: DomNode | null | undefined = article?.content as DomNode | null | undefined;
  if (!root) {
    // Not article-like enough for Readability: take the body without its obvious chrome.
    root = working.body;
  }
  const blocks = root ? toMarkdownBlocks(root, { onCaption: (c) => captions.push(c) }) : [];
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
  for (const el of Array.from(original.querySelectorAll('script'))) el.remove();
  const outside = droppedBlocks(original, blocks.join('\n'));
  for (const d of outside) d.reason = metadataOutsideArticle(d.text, fields, extracted) ?? d.reason;
  const dropped = [...captions.map((text) => ({ text, reason: 'image caption' })), ...outside];
  return { markdown, known: fields, extracted, dropped };
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

/** importReview for HTML, with the HTML reader wired in. */
export function importHtmlReview(input: ImportInput): ImportResult {
  return importReview({ ...input, kind: input.kind ?? 'html' }, { readHtml: readHtmlPage });
}
