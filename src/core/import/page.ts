// The importer's engine: from a page's lines to the review's body and its front-matter fields.
// Line-local judgements are in classify.ts; this file adds position (header, body, tail zones),
// runs of menu lines, the title, headings and lists. docs/import.md describes the rules.

import { isPersonName } from './bylines';
import { splitTitleRating, type Rating } from './ratings';
import { isNavWordLine } from './chrome';
import { classifyLine, CREDIT_LINE, GLUED_SECTION, stripMarkdownInline, type LineClass } from './classify';
import { markCommentFormPrompts, markMastheads, markMenuRuns, markNameBesideDate } from './pageMarks';
import { render } from './render';
import { endsSentence, toUnits, type PageMode, type Unit } from './units';

export interface PageFields {
  title?: string;
  critic?: string;
  publication?: string;
  /** ISO date. */
  date?: string;
  rating?: Rating;
  source?: string;
}

export interface DroppedText {
  text: string;
  reason: string;
}

export interface PageResult {
  /** The review's body as Markdown: paragraphs separated by a blank line, ending with one newline. */
  body: string;
  fields: PageFields;
  /** Each extracted field as the page wrote it (plus `viewed`, `updated` when the page gives them). */
  extracted: Record<string, string>;
  dropped: DroppedText[];
  paragraphs: number;
}

export interface PageOptions {
  mode: PageMode;
  /** Fields already known (front matter of a Markdown file, metadata of an HTML page): they win. */
  known?: PageFields;
  /** Keep reader comments as a "## Responses" section instead of dropping them. */
  keepComments?: boolean;
}

/** Titles that say they are reviews: "[Movie Review] Her", "Her review: …", "Review: ‘Arrival’ …". */
const REVIEW_TITLE = /\breview\b\s*[:：–—|-]|^review\s*[:：–—-]|^\[[^\]]*review[^\]]*\]|\breview\]?$|^['‘"“][^'’"”]{1,60}['’"”]\s+review\b/i;

const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);
const same = (a: string, b: string) => normalize(a) === normalize(b);
function normalize(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').trim().toLowerCase();
}

function isProse(text: string): boolean {
  if (REVIEW_TITLE.test(text)) return false;
  const n = wordsOf(text).length;
  return n >= 12 || (n >= 5 && endsSentence(text));
}

function isTitleLike(text: string): boolean {
  const n = wordsOf(text).length;
  if (n === 0 || n > 25 || text.length > 200) return false;
  if (/^\p{Ll}/u.test(text)) return false;
  return REVIEW_TITLE.test(text) || !/[.;,]["”’]?$/.test(text.trim());
}

function isTitleCase(text: string): boolean {
  const ws = wordsOf(text.replace(/[“”"‘’'()[\]]/g, ''));
  const long = ws.filter((w) => /\p{L}{4,}/u.test(w));
  if (long.length === 0) return ws.every((w) => /^\p{Lu}/u.test(w));
  return long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.75;
}

/** A section heading of the critic's own: short, no closing punctuation, Title Case or ALL CAPS. */
function isHeadingLike(text: string): boolean {
  const n = wordsOf(text).length;
  if (n < 2 || n > 12 || text.length > 90) return false;
  if (!/^[\p{Lu}\d“"‘']/u.test(text)) return false;
  const t = text.replace(/["”’']+$/, '');
  if (/[.,;:!…]$/.test(t)) return false;
  const allCaps = /\p{Lu}{4,}/u.test(text) && !/\p{Ll}/u.test(text);
  return allCaps || isTitleCase(text);
}

export type Action =
  | { do: 'drop'; reason: string }
  | { do: 'keep' }
  | { do: 'heading'; text: string }
  | { do: 'list'; marker: string; rest: string }
  | { do: 'section'; label: string; rest: string };

export function readPage(text: string, options: PageOptions): PageResult {
  const mode = options.mode;
  const units = deglue(toUnits(text, mode), mode);
  const cls: LineClass[] = units.map((u) => (u.verbatim ? { kind: 'text' } : classifyLine(u.text, mode)));
  const plainText = (i: number) => (mode === 'markdown' ? stripMarkdownInline(units[i].text) : units[i].text);
  const fields: PageFields = { ...options.known };
  const extracted: Record<string, string> = {};
  const actions: Array<Action | undefined> = units.map(() => undefined);

  let bodyStart = units.findIndex((u, i) => {
    const c = cls[i];
    if (c.kind === 'section') return true;
    if (c.kind === 'heading' && c.level >= 2 && i > 0) return true;
    return (c.kind === 'text' || c.kind === 'list') && isProse(plainText(i));
  });
  if (bodyStart < 0) bodyStart = units.length;
  let tailStart = units.findIndex((_, i) => i >= bodyStart && cls[i].kind === 'tail');
  if (tailStart < 0) tailStart = units.length;

  markMenuRuns(units, cls, actions, plainText);
  markNameBesideDate(units, cls, plainText);
  markCommentFormPrompts(units, cls, actions);

  // The title: known already, or the first title-like line of the header.
  markMastheads(units, cls, actions, plainText, bodyStart, fields, extracted);

  let titleIndex = -1;
  if (fields.title === undefined) {
    for (let i = 0; i < bodyStart; i++) {
      if (actions[i] || (cls[i].kind !== 'text' && !(cls[i].kind === 'heading'))) continue;
      const t = cls[i].kind === 'heading' ? stripMarkdownInline((cls[i] as { rest: string }).rest) : plainText(i);
      // A section kicker ("FILM", "Reviews") above the headline is the site's, not the title.
      if (isNavWordLine(t)) continue;
      const tr = splitTitleRating(t);
      if (tr) {
        fields.title = tr.title;
        extracted.title = tr.title;
        setRating(tr.rating);
        titleIndex = i;
        break;
      }
      if (!isTitleLike(t)) continue;
      const parts = t.split(/\s+\|\s+/);
      fields.title = parts[0];
      extracted.title = parts[0];
      if (parts.length >= 2 && !fields.publication && /^[\p{Lu}\d]/u.test(parts[parts.length - 1]) && wordsOf(parts[parts.length - 1]).length <= 6) {
        fields.publication = parts[parts.length - 1];
        extracted.publication = parts[parts.length - 1];
      }
      titleIndex = i;
      break;
    }
  }

  function setRating(r: Rating) {
    if (fields.rating) return false;
    fields.rating = r;
    extracted.rating = r.text;
    return true;
  }
  const take = (key: 'critic' | 'publication' | 'source', value: string | undefined) => {
    if (!value || fields[key]) return false;
    fields[key] = value;
    extracted[key] = value;
    return true;
  };

  let sectionOpened = false;
  let tailReason = '';
  let inKeptComments = false;
  let formStarted = false;
  // "Directed by …" beside a credits line is a credit, not a byline ("Score: 8/10" is a rating, not the music credit).
  const neighbourIsCredit = (i: number) => [i - 1, i + 1].some((j) => units[j] && cls[j].kind !== 'rating' && CREDIT_LINE.test(units[j].text));

  for (let i = 0; i < units.length; i++) {
    if (actions[i]) continue;
    const u = units[i];
    const c = cls[i];
    if (u.verbatim) {
      actions[i] = { do: 'keep' };
      continue;
    }
    if (i >= tailStart) {
      if (c.kind === 'tail') {
        tailReason = c.reason;
        inKeptComments = !!options.keepComments && c.reason === 'reader comments' && !formStarted;
        if (c.reason === 'contributor box') take('publication', contributorPublication(u.text));
        actions[i] = inKeptComments ? { do: 'heading', text: 'Responses' } : { do: 'drop', reason: c.reason };
        continue;
      }
      if (c.kind === 'chrome') {
        if (c.reason === 'comment form') formStarted = true;
        if (formStarted) inKeptComments = false;
        actions[i] = { do: 'drop', reason: c.reason };
        continue;
      }
      if (inKeptComments) {
        actions[i] = c.kind === 'list' ? { do: 'list', marker: c.marker, rest: c.rest } : { do: 'keep' };
        continue;
      }
      actions[i] = { do: 'drop', reason: formStarted ? 'comment form' : tailReason };
      continue;
    }
    const inHeader = i < bodyStart;
    switch (c.kind) {
      case 'chrome':
        actions[i] = { do: 'drop', reason: c.reason };
        break;
      case 'tail': // a "Comments (12)" or "Related" link above the article
        actions[i] = { do: 'drop', reason: c.reason === 'contributor box' ? c.reason : 'menu' };
        break;
      case 'byline': {
        const explicit = /^(?:by\b|by:)/i.test(u.text) || !/\bby\b/i.test(u.text);
        if (neighbourIsCredit(i) || (!inHeader && !explicit)) {
          actions[i] = { do: 'keep' };
          break;
        }
        const b = c.byline;
        const used = [take('critic', b.critic) && 'critic', take('publication', b.publication) && 'publication'];
        if (c.rating && setRating(c.rating)) used.push('rating');
        if (b.date && !fields.date) {
          fields.date = b.date.iso;
          extracted.date = b.date.text;
          used.push('date');
        }
        const what = used.filter(Boolean);
        actions[i] = { do: 'drop', reason: what.length ? `byline (${what.join(', ')} in front matter)` : 'byline' };
        break;
      }
      case 'date': {
        const d = c.date;
        if (d.kind === 'published' && !fields.date) {
          fields.date = d.iso;
          extracted.date = d.text;
          actions[i] = { do: 'drop', reason: 'date, in front matter' };
        } else if (d.kind !== 'published') {
          extracted[d.kind] ??= d.text;
          actions[i] = { do: 'drop', reason: d.kind === 'viewed' ? 'date of viewing (not the review’s date)' : 'date updated' };
        } else actions[i] = { do: 'drop', reason: 'date line' };
        break;
      }
      case 'rating':
        actions[i] = { do: 'drop', reason: setRating(c.rating) ? 'rating, in front matter' : 'rating line' };
        break;
      case 'source': {
        const used = take('source', c.url) || take('publication', c.publication);
        actions[i] = { do: 'drop', reason: used ? 'source, in front matter' : 'source line' };
        break;
      }
      case 'section':
        sectionOpened = true;
        actions[i] = { do: 'section', label: c.label, rest: c.rest };
        break;
      case 'list':
        actions[i] = { do: 'list', marker: c.marker, rest: c.rest };
        break;
      case 'heading':
      case 'text': {
        const t = c.kind === 'heading' ? stripMarkdownInline(c.rest) : plainText(i);
        if (i === titleIndex || (fields.title !== undefined && same(t, fields.title))) {
          actions[i] = { do: 'drop', reason: i === titleIndex ? 'title, in front matter' : 'title repeated' };
          if (!inHeader && sectionOpened) actions[i] = { do: 'heading', text: 'Review' };
          break;
        }
        const tr = splitTitleRating(t);
        if (tr && fields.title !== undefined && same(tr.title, fields.title)) {
          // The page's title line repeated with its rating: in a page that opened with a synopsis
          // section, this is where the critic's review starts.
          actions[i] = setRating(tr.rating) ? { do: 'drop', reason: 'title and rating, in front matter' } : { do: 'drop', reason: 'title and rating' };
          if (!inHeader && sectionOpened) actions[i] = { do: 'heading', text: 'Review' };
          break;
        }
        if (inHeader && c.kind === 'text' && isNavWordLine(t)) {
          actions[i] = { do: 'drop', reason: 'menu' };
          break;
        }
        if (c.kind === 'text' && !inHeader && i > bodyStart && mode === 'text' && isHeadingLike(t) && isBodyNeighbour(i + 1)) {
          actions[i] = { do: 'heading', text: t };
          break;
        }
        actions[i] = { do: 'keep' };
        break;
      }
    }
  }

  function isBodyNeighbour(j: number): boolean {
    const c = cls[j];
    return !!c && j < tailStart && (c.kind === 'text' || c.kind === 'list') && isProse(plainText(j));
  }

  // A signed review: "— Ruth Okafor" as its last line names the critic (the line stays).
  if (!fields.critic) {
    let last = -1;
    for (let i = 0; i < units.length; i++) if (actions[i]?.do === 'keep' && i < tailStart) last = i;
    const sig = last >= 0 ? /^[—–―-]{1,2}\s*([^—–―\-].*?)\s*$/.exec(plainText(last)) : null;
    if (sig && isPersonName(sig[1], 2)) take('critic', sig[1]);
  }

  const dropped: DroppedText[] = [];
  units.forEach((u, i) => {
    const a = actions[i];
    if (a?.do === 'drop') dropped.push({ text: u.text, reason: a.reason });
    else if (a?.do === 'heading' && (a.text === 'Review' || a.text === 'Responses') && a.text !== u.text) dropped.push({ text: u.text, reason: a.text === 'Review' ? 'title and rating, in front matter (the review starts here)' : 'comment counter (a Responses heading instead)' });
  });
  const { body, paragraphs } = render(units, actions, mode);
  return { body, fields, extracted, dropped, paragraphs };
}

/** "LARB Contributor" → "LARB"; "Contributor" alone → undefined. */
function contributorPublication(text: string): string | undefined {
  const m = /^(.+?)\s+(?:contributor|contributors|staff writer)$/i.exec(text.trim());
  if (!m || /^(?:about|more|our|a|the author)$/i.test(m[1])) return undefined;
  return /^[\p{Lu}\d]/u.test(m[1]) ? m[1] : undefined;
}

/** Splits "HerSynopsis: Set in …" (a heading glued to a section label by a scraper) in two. */
function deglue(units: Unit[], mode: PageMode): Unit[] {
  if (mode !== 'text') return units;
  const out = [...units];
  for (let i = 0; i < Math.min(out.length, 3); i++) {
    const m = GLUED_SECTION.exec(out[i].text);
    if (!m) continue;
    const head = m[1];
    const rest = out[i].text.slice(head.length);
    out.splice(i, 1, { ...out[i], raw: head, text: head, block: out[i].block - 0.5 }, { ...out[i], raw: rest, text: rest, indent: 0 });
    break;
  }
  return out;
}
