// The part of the HTML importer that needs a DOM, and nothing else: linkedom parses the page,
// Mozilla's Readability (Firefox Reader View) finds the article, and the page's text and metadata
// come back as plain data (HtmlDom). The rules that read that text — bylines, dates, ratings, site
// chrome — are the importer's (../htmlPage.ts), shared with text and Markdown pages.
//
// This file is the entry of dist/importHtml.js, the bundle the Node host and the CLI load on the
// first HTML page only (src/platform/node/htmlReader.ts): it must import nothing outside ./ but
// linkedom and Readability, or the bundle carries a second copy of the importer.
//
// The page is data: linkedom runs no script and loads no resource, Readability makes no request,
// and nothing outside the page's text is kept (no link targets, images or attributes; only the
// URLs of its metadata).

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { COMMENT, isElement, tagOf, type DomDocument, type DomElement, type DomNode } from './dom';
import { toMarkdownBlocks } from './toMarkdown';

/** What a saved page says about itself, as written (read by ./meta.ts). */
export interface HtmlMeta {
  /** The text of each JSON-LD block (`<script type="application/ld+json">`), unparsed. */
  jsonLd: string[];
  /** og:site_name (or application-name). */
  site?: string;
  /** og:title (or twitter:title). */
  title?: string;
  /** <meta name="author"> and its kin. */
  author?: string;
  /** article:published_time and its kin. */
  published?: string;
  /** og:url. */
  url?: string;
  /** <link rel="canonical">'s href. */
  canonical?: string;
  /** The URL of each "saved from url=(…)" comment browsers write, near the top, in page order. */
  savedFrom: string[];
  /** <title>, trimmed. */
  documentTitle?: string;
}

/** A text block of the page outside the article. */
export interface OutsideBlock {
  /** The block's text, as toMarkdownBlocks gave it (plain). */
  text: string;
  /** Why it is not the review, from where it sat ("menu", "footer"… "outside the article"). */
  where: string;
}

/** What the HTML page reader gives back: plain data (no DOM), turned into an HtmlPage by ../htmlPage.ts. */
export interface HtmlDom {
  meta: HtmlMeta;
  /** Readability's reading of the page; null when it was not article-like enough (the body was taken). */
  article: { title: string | null; byline: string | null; siteName: string | null } | null;
  /** The article as Markdown blocks. */
  blocks: string[];
  /** Figure captions dropped from the article. */
  captions: string[];
  /** The page's visible text blocks that did not make it into the article. */
  outside: OutsideBlock[];
}

export type ReadHtmlDom = (html: string) => HtmlDom;

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

function metaContent(doc: DomDocument, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"]`) ?? doc.querySelector(`meta[name="${k}"]`) ?? doc.querySelector(`meta[itemprop="${k}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

function savedFromUrls(doc: DomDocument): string[] {
  const out: string[] = [];
  const scan = (n: DomNode, depth: number) => {
    if (n.nodeType === COMMENT) {
      const m = /saved from url=\(\d+\)(\S+)/i.exec(n.textContent ?? '');
      if (m) out.push(m[1]);
    }
    if (depth > 2) return;
    for (const c of Array.from(n.childNodes)) scan(c, depth + 1);
  };
  scan(doc as unknown as DomNode, 0);
  return out;
}

function readMeta(doc: DomDocument): HtmlMeta {
  return {
    jsonLd: Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).map((s) => s.textContent ?? ''),
    site: metaContent(doc, 'og:site_name', 'application-name'),
    title: metaContent(doc, 'og:title', 'twitter:title'),
    author: metaContent(doc, 'author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'DC.creator'),
    published: metaContent(doc, 'article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'dc.date', 'DC.date', 'sailthru.date', 'parsely-pub-date'),
    url: metaContent(doc, 'og:url'),
    canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
    savedFrom: savedFromUrls(doc),
    documentTitle: doc.title?.trim() || undefined,
  };
}

/** Why a piece of the page outside the article is not the review, from where it sat. */
function whereOf(node: DomNode): string {
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

/** The page's visible text blocks that did not make it into the article, with where each sat. */
function outsideBlocks(doc: DomDocument, articleText: string): OutsideBlock[] {
  const out: OutsideBlock[] = [];
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
      out.push({ text: b, where: whereOf(el) });
    }
  };
  if (doc.body) visit(doc.body);
  return out;
}

export function readHtmlDom(html: string): HtmlDom {
  const original = parse(html);
  const meta = readMeta(original);

  const captions: string[] = [];
  const working = parse(html);
  for (const el of Array.from(working.querySelectorAll('script'))) el.remove();
  // Page furniture by its HTML meaning, before Readability guesses by class names: navigation,
  // forms, asides, and a page's (not an article's) header and footer.
  for (const el of Array.from(working.querySelectorAll(FURNITURE))) {
    const inArticle = (tagOf(el) === 'header' || tagOf(el) === 'footer') && hasAncestor(el, 'article');
    if (!inArticle) el.remove();
  }
  const parsed = new Readability(working as never, { serializer: (node: unknown) => node as DomNode, keepClasses: false }).parse();
  // Not article-like enough for Readability: the body, without its obvious chrome.
  const root = (parsed?.content as DomNode | null | undefined) || working.body;
  const blocks = root ? toMarkdownBlocks(root, { onCaption: (c) => captions.push(c) }) : [];
  const article = parsed ? { title: parsed.title ?? null, byline: parsed.byline ?? null, siteName: parsed.siteName ?? null } : null;

  for (const el of Array.from(original.querySelectorAll('script'))) el.remove();
  const outside = outsideBlocks(original, blocks.join('\n'));
  return { meta, article, blocks, captions, outside };
}
