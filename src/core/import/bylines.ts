// Bylines: "By X", "By: X", "Written by X", "Review by X, Chief Film Critic", "X | Publication",
// "By Jessica GrossMarch 2, 2014" (a date glued on by the scraper).

import { findDate, parseDateLine, type FoundDate } from './dates';
import type { Rating } from './ratings';

export interface Byline {
  critic?: string;
  publication?: string;
  date?: FoundDate;
  /** "Written by:" with nothing after it. */
  empty?: boolean;
}

const BY = /^(?:(?:written|reviewed|review|words|posted|story|text|article|published|watched|logged)\s+)?by\s*[:：]?\s*/i;
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la', 'du', 'dos', 'das', 'bin', 'al', 'el', 'y', 'ter', 'zu']);
/** Job titles that follow a name in a byline; they are not the publication. */
const ROLE = /\b(?:critic|contributor|editor|writer|reporter|correspondent|columnist|staff|author|reviewer|journalist|blogger|founder|freelance|contributing|senior|chief|film|movie)s?\b/i;

/** A person's name: 1–5 capitalised words (particles, initials, hyphens and apostrophes allowed). */
export function isPersonName(s: string, minWords = 1): boolean {
  const words = s.trim().split(/\s+/);
  if (words.length < minWords || words.length > 5 || s.length > 60) return false;
  let capitalised = 0;
  for (const w of words) {
    if (PARTICLES.has(w)) continue;
    if (!/^(?:\p{Lu}\.)+$|^\p{Lu}[\p{L}'’\-.]*$/u.test(w)) return false;
    capitalised++;
  }
  return capitalised > 0 && !/\d/.test(s);
}

/** A publication's name: 1–6 words, capitalised (or an acronym), no sentence punctuation. */
export function isPublicationName(s: string): boolean {
  const t = s.trim();
  if (!t || t.length > 60 || /[.!?]$/.test(t) && !/\.(?:com|org|net|co\.uk)$/i.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 6) return false;
  return /^[\p{Lu}\d]/u.test(t) && !ROLE.test(t);
}

const SEPARATORS = /\s+(?:\||·|•|—|–|-|\/)\s+|\s*,\s+|\s+on\s+(?=\S)/;

/**
 * Reads a byline. `explicit` lines start with "By"; otherwise only the "Name | Publication" shape
 * is accepted (two parts, the first a name of at least two words).
 */
export function parseByline(line: string): Byline | undefined {
  const s = line.replace(/\u00a0/g, ' ').trim();
  // "Posted on June 5, 2009 by Hannah Lindqvist": a date line, then the name.
  const dated = /^(.+?)\s+by\s+(\S.*)$/i.exec(s);
  if (dated && !BY.test(s)) {
    const d = parseDateLine(dated[1]);
    if (d && d.kind === 'published' && isPersonName(dated[2], 1)) {
      const at = s.indexOf(d.text);
      return { critic: dated[2], date: { iso: d.iso, text: d.text, index: at < 0 ? 0 : at } };
    }
  }
  const by = BY.exec(s);
  if (by) {
    const rest = s.slice(by[0].length).trim();
    if (rest === '') return /^(?:written|reviewed|review|words|posted)?\s*by\s*[:：]\s*$/i.test(s) ? { empty: true } : undefined;
    return readParts(rest, 1);
  }
  if (!/\s\|\s/.test(s)) return undefined;
  const parts = s.split(/\s+\|\s+/);
  if (parts.length !== 2) return undefined;
  return readParts(s, 2);
}

function readParts(rest: string, minNameWords: number): Byline | undefined {
  const out: Byline = {};
  let text = rest;
  const date = findDate(text);
  if (date && date.index + date.text.length >= text.trimEnd().length - 1) {
    out.date = date;
    text = text.slice(0, date.index).replace(/[\s,|·•—–-]+$/, '').replace(/\s+on$/i, '');
  }
  const parts = text.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return out.date ? out : undefined;
  const name = parts[0].replace(/\s+and\s+/, ' and ');
  const names = name.split(/\s+and\s+|\s*&\s*/);
  if (!names.every((n) => isPersonName(n, minNameWords))) return undefined;
  out.critic = name;
  for (const p of parts.slice(1)) {
    if (ROLE.test(p)) continue; // "Chief Film Critic"
    if (!out.publication && isPublicationName(p)) out.publication = p;
    else return undefined; // something else follows: not a byline
  }
  return out;
}

/**
 * A byline with what sits beside it on one line, parts joined by " · ", " | " or " • ": "Festival
 * Dispatch · Sept. 20, 2015 · by Kwame Mensah", "Grade: A- · posted by Ines Carvalho on 2016-01-30".
 * Every part must be the byline ("by …", once), a date, a rating or a publication's name.
 */
export function parseSegmentedByline(line: string, readRating: (s: string) => Rating | undefined): { byline: Byline; rating?: Rating } | undefined {
  const s = line.replace(/\u00a0/g, ' ').trim();
  const parts = s.split(/\s+[·•|]\s+/);
  if (parts.length < 2 || parts.length > 4) return undefined;
  let byline: Byline | undefined;
  let rating: Rating | undefined;
  let date: FoundDate | undefined;
  let publication: string | undefined;
  for (const part of parts) {
    if (BY.test(part) && !byline) {
      byline = parseByline(part);
      if (!byline?.critic) return undefined;
      continue;
    }
    const r = rating ? undefined : readRating(part);
    if (r) {
      rating = r;
      continue;
    }
    const d = date ? undefined : parseDateLine(part);
    if (d && d.kind === 'published') {
      date = { iso: d.iso, text: d.text, index: s.indexOf(d.text) };
      continue;
    }
    if (!publication && isPublicationName(part) && !findDate(part)) {
      publication = part;
      continue;
    }
    return undefined;
  }
  if (!byline) return undefined;
  return { byline: { ...byline, publication: byline.publication ?? publication, date: byline.date ?? date }, ...(rating ? { rating } : {}) };
}
