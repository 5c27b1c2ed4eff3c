// What one line is, judged on its own: chrome, a metadata line (byline, date, rating, source),
// a section label, a list item, or text. Position-dependent decisions live in page.ts.

import { parseByline, parseSegmentedByline, type Byline } from './bylines';
import { chromeLine, tailMarker, type ChromeReason } from './chrome';
import { parseDateLine, type DateLine } from './dates';
import { parseRating, splitTitleRating, type Rating } from './ratings';

export type LineClass =
  | { kind: 'chrome'; reason: ChromeReason }
  | { kind: 'tail'; reason: string }
  | { kind: 'byline'; byline: Byline; rating?: Rating }
  | { kind: 'date'; date: DateLine }
  | { kind: 'rating'; rating: Rating }
  | { kind: 'source'; url?: string; publication?: string }
  | { kind: 'section'; label: string; rest: string }
  | { kind: 'list'; marker: string; rest: string }
  | { kind: 'heading'; level: number; rest: string }
  | { kind: 'text' };

/** Labels that open a section of a review page: "Synopsis: Set in …" becomes "## Synopsis". */
export const SECTION_LABELS = ['Synopsis', 'Plot Summary', 'Plot', 'Summary', 'Premise', 'The Story', 'Story', 'The Verdict', 'Verdict', 'The Bottom Line', 'Bottom Line'];
const SECTION = new RegExp(`^(${SECTION_LABELS.join('|')})\\s*[:：]\\s+(\\S.*)$`);
/** A section label glued to what precedes it by a scraper ("HerSynopsis: …"). */
export const GLUED_SECTION = new RegExp(`^(\\S.{0,80}?[\\p{Ll}\\d”’"')\\]])(${SECTION_LABELS.join('|')})\\s*[:：]\\s+(\\S.*)$`, 'u');

/** Credits printed with a review ("Directed by …", "Starring: …"): facts about the film, kept. */
export const CREDIT_LINE = /^(?:directed|written|screenplay|produced|starring|cast|director|directors|writers?|music|score|cinematography|edited|editor|running time|runtime|run time|rated|rating\s*:\s*(?:G|PG|PG-13|R|NC-17|U|12A?|15|18)\b|mpaa|release date|released|genre|country|language|based on|distributor|studio|production|with the voices of|voices)\b/i;

const URL = /https?:\/\/[^\s<>"]+/;
const SOURCE_LABEL = /^(?:source|original(?:ly)? (?:published|posted)(?: (?:at|on|in|by))?|read (?:it|the original|the full review|more) (?:at|on)|url|link|permalink|canonical|via|saved from)\s*[:：]?\s*/i;

const LIST = /^([•●▪◦‣∙·*+\-–]|\d{1,3}[.)])\s+(\S.*)$/;
const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

export function classifyLine(text: string, mode: 'text' | 'markdown'): LineClass {
  const t = text.trim();
  const plain = mode === 'markdown' ? stripMarkdownInline(t) : t;
  const md = mode === 'markdown' ? MD_HEADING.exec(t) : null;
  const subject = md ? stripMarkdownInline(md[2]) : plain;

  const chrome = chromeLine(subject);
  if (chrome) return { kind: 'chrome', reason: chrome };
  const tail = tailMarker(subject);
  if (tail) return { kind: 'tail', reason: tail };

  const wordCount = subject.split(/\s+/).length;
  if (wordCount <= 12) {
    const url = URL.exec(subject);
    if (url && (SOURCE_LABEL.test(subject) || url[0] === subject)) return { kind: 'source', url: url[0].replace(/[).,;]+$/, '') };
    const pub = /^original(?:ly)? published (?:in|at|on|by)\s+(.+?)\.?$/i.exec(subject);
    if (pub && !URL.test(pub[1])) return { kind: 'source', publication: pub[1] };
    const rating = parseRating(subject);
    if (rating) return { kind: 'rating', rating };
    const date = parseDateLine(subject);
    if (date) return { kind: 'date', date };
    const byline = parseByline(subject);
    if (byline && !byline.empty) return { kind: 'byline', byline };
    // "Review by Kim Nguyen ★★★½": a byline with the rating beside it.
    const rated = splitTitleRating(subject);
    const ratedByline = rated && /^(?:(?:written|reviewed|review|words|posted)\s+)?by\b/i.test(rated.title) ? parseByline(rated.title) : undefined;
    if (ratedByline && !ratedByline.empty && rated) return { kind: 'byline', byline: ratedByline, rating: rated.rating };
  }
  if (wordCount <= 24 && /\s[·•|]\s/.test(subject)) {
    const strip = parseSegmentedByline(subject, parseRating);
    if (strip) return { kind: 'byline', byline: strip.byline, ...(strip.rating ? { rating: strip.rating } : {}) };
  }
  if (md) return { kind: 'heading', level: md[1].length, rest: md[2] };
  const section = SECTION.exec(t);
  if (section && section[2].split(/\s+/).length >= 6) return { kind: 'section', label: section[1], rest: section[2] };
  const list = LIST.exec(t);
  if (list && !/^\*[^*\s]/.test(t)) return { kind: 'list', marker: list[1], rest: list[2] };
  return { kind: 'text' };
}

/** Markdown links, images and emphasis reduced to their text, for classification only. */
export function stripMarkdownInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_]+)[*_](?=$|[^\w*])/g, '$1$2')
    .trim();
}
