// What a saved page says about itself, read from what ./readDom.ts found in it: JSON-LD
// (schema.org Review/Article), Open Graph and article: meta tags, <meta name="author">, the
// canonical link, <title>, and the "saved from url" comment browsers write. Read as data: JSON is
// parsed, never run; only http(s) URLs are kept. No DOM here: this runs in the main bundles.

import { parseByline } from '../bylines';
import { findDate } from '../dates';
import type { PageFields } from '../page';
import type { Rating } from '../ratings';
import type { HtmlMeta } from './readDom';

export interface PageMeta {
  fields: PageFields;
  /** Each field as the page wrote it, and where: "og:title", "JSON-LD headline"… */
  extracted: Record<string, string>;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const httpUrl = (s: string | null | undefined) => (s && /^https?:\/\/[^\s<>"]+$/i.test(s.trim()) ? s.trim() : undefined);
const text = (v: Json | undefined): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

function nameOf(v: Json | undefined): string | undefined {
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(' and ') : undefined;
  }
  if (v && typeof v === 'object') return text(v.name);
  const s = text(v);
  return s && !httpUrl(s) ? s : undefined;
}

function typesOf(o: { [k: string]: Json }): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Every JSON object in the page's JSON-LD blocks, @graph and nesting flattened. */
function jsonLdObjects(blocks: string[]): Array<{ [k: string]: Json }> {
  const out: Array<{ [k: string]: Json }> = [];
  const visit = (v: Json, depth: number) => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    out.push(v);
    for (const key of ['@graph', 'mainEntity', 'review', 'itemReviewed']) if (v[key]) visit(v[key], depth + 1);
  };
  for (const block of blocks) {
    try {
      visit(JSON.parse(block) as Json, 0);
    } catch {
      // Broken JSON-LD is common; the page's other metadata still counts.
    }
  }
  return out;
}

function ratingFromJsonLd(r: Json | undefined): Rating | undefined {
  if (!r || typeof r !== 'object' || Array.isArray(r)) return undefined;
  const value = Number(text(r.ratingValue));
  const best = r.bestRating !== undefined ? Number(text(r.bestRating)) : 5; // schema.org's default
  const worst = r.worstRating !== undefined ? Number(text(r.worstRating)) : 0;
  if (!Number.isFinite(value) || !Number.isFinite(best) || best <= worst || value < worst || value > best) return undefined;
  const rating: Rating = {
    text: `${text(r.ratingValue)}/${best}`,
    value,
    scale: best,
    normalized: Math.round(((value - worst) / (best - worst)) * 1000) / 1000,
  };
  if (r.bestRating === undefined) rating.scaleAssumed = true;
  return rating;
}

/** Strips " | Site", " - Site", " – Site" from a title when Site is the page's site name. */
export function stripSiteName(title: string, site: string | undefined): string {
  if (!site) return title;
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
    if (title.endsWith(sep + site)) return title.slice(0, -(sep + site).length).trim();
  }
  return title;
}

export function readPageMeta(page: HtmlMeta, url?: string): PageMeta {
  const fields: PageFields = {};
  const extracted: Record<string, string> = {};
  const set = <K extends keyof PageFields>(key: K, value: PageFields[K] | undefined, from: string, asWritten?: string) => {
    if (value === undefined || fields[key] !== undefined) return;
    fields[key] = value;
    extracted[key] = asWritten ?? String(value);
    sources.push(`${key} from ${from}`);
  };
  const sources: string[] = [];

  const objects = jsonLdObjects(page.jsonLd);
  const review = objects.find((o) => typesOf(o).some((t) => /Review$/.test(t)));
  const article = objects.find((o) => typesOf(o).some((t) => /(?:Article|BlogPosting|Posting|WebPage)$/.test(t)));
  for (const [o, label] of [[review, 'JSON-LD Review'], [article, 'JSON-LD Article']] as const) {
    if (!o) continue;
    set('title', text(o.headline) ?? (label.includes('Article') ? text(o.name) : undefined), `${label} headline`);
    set('critic', nameOf(o.author), `${label} author`);
    set('publication', nameOf(o.publisher), `${label} publisher`);
    const published = text(o.datePublished);
    const d = published ? findDate(published) : undefined;
    if (d) set('date', d.iso, `${label} datePublished`, published);
    const rating = ratingFromJsonLd(o.reviewRating);
    if (rating) set('rating', rating, `${label} reviewRating`, rating.text);
    set('source', httpUrl(text(o.url)), `${label} url`);
  }

  const site = page.site;
  const ogTitle = page.title;
  if (ogTitle) set('title', stripSiteName(ogTitle, site), 'og:title', ogTitle);
  const author = page.author;
  if (author && !httpUrl(author)) set('critic', parseByline(author)?.critic ?? author, 'meta author', author);
  if (site) set('publication', site, 'og:site_name');
  const published = page.published;
  const d = published ? findDate(published) : undefined;
  if (d) set('date', d.iso, 'meta published time', published);
  const savedFrom = page.savedFrom.map(httpUrl).find((u) => u !== undefined);
  set('source', httpUrl(url) ?? httpUrl(page.canonical) ?? httpUrl(page.url) ?? savedFrom, url ? 'given' : 'canonical link');
  const docTitle = page.documentTitle;
  if (docTitle) set('title', stripSiteName(docTitle, site), '<title>', docTitle);
  if (sources.length) extracted.metadata = sources.join('; ');
  return { fields, extracted };
}
