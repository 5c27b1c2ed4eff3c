// Matches imported annotations to reviews and anchors them with our anchoring, without guessing:
// a review is chosen by the annotation's source (the review's source URL in front matter, or our
// own review URN), else by where its quote is found; a quote that fits more than one place, or
// none, is reported and left out. Nothing is added twice: an annotation whose id is already in
// the sidecar, or one with the same passage, note and tags as one there, is a duplicate.

import { makeTarget, reanchor } from '../../annotations/anchoring';
import type { Annotation, AnnotationLink } from '../../annotations/model';
import { CodePointIndex } from '../codePoints';
import { normalizeSourceUrl, parseAnnotationIri, reviewUrn } from '../iris';
import { relativeBetween } from '../w3c';
import type { ForeignAnnotation } from './types';

export interface ImportCandidate {
  uri: string;
  /** Path relative to the import root, as in ReviewForExport (our IRIs are built from it). */
  relativeName: string;
  /** Text, BOM dropped. */
  text: string;
  /** The source URL from front matter, if any. */
  source?: string;
  /** The annotations already in its sidecar. */
  annotations: readonly Annotation[];
}

export type ImportStatus = 'imported' | 'duplicate' | 'unmatched' | 'ambiguous' | 'skipped';

export interface ImportEntry {
  label: string;
  status: ImportStatus;
  /** Why, in words, for the report. */
  reason: string;
  /** The review it went to (or would have). */
  review?: string;
  /** The sidecar id it was given (imported) or matched (duplicate). */
  id?: string;
}

export interface ImportPlan {
  /** Annotations to add, per review URI, in file order. */
  additions: Array<{ reviewUri: string; annotation: Annotation }>;
  entries: ImportEntry[];
}

export interface PlanOptions {
  /** ISO time for annotations that come without `created`. */
  now: string;
  /** A fresh sidecar id (retried until free). */
  newId: () => string;
}

type Placement = { kind: 'found'; start: number; end: number } | { kind: 'ambiguous'; count: number } | { kind: 'missing' };

export function planImport(foreign: readonly ForeignAnnotation[], candidates: readonly ImportCandidate[], options: PlanOptions): ImportPlan {
  const plan: ImportPlan = { additions: [], entries: [] };
  const bySource = new Map<string, ImportCandidate[]>();
  const index = (key: string, c: ImportCandidate) => bySource.set(key, [...(bySource.get(key) ?? []), c]);
  for (const c of candidates) {
    index(reviewUrn(c.relativeName), c);
    if (c.source) index(normalizeSourceUrl(c.source), c);
  }
  const sourceMatches = (f: ForeignAnnotation): ImportCandidate[] => {
    const keys = [...f.sources.map((s) => (s.startsWith('urn:') ? s : normalizeSourceUrl(s))), ...(f.ours ? [reviewUrn(f.ours.relativeName)] : [])];
    return [...new Set(keys.flatMap((k) => bySource.get(k) ?? []))];
  };

  // Where each usable annotation's quote is found, per candidate (computed once).
  const placements = new Map<ForeignAnnotation, Map<ImportCandidate, Placement>>();
  const placementIn = (f: ForeignAnnotation, c: ImportCandidate): Placement => {
    let m = placements.get(f);
    if (!m) placements.set(f, (m = new Map()));
    let p = m.get(c);
    if (!p) m.set(c, (p = place(f, c)));
    return p;
  };

  // Annotations whose source names no review are matched by quote; a page's annotations go
  // together, so a quote found in two reviews goes to the one holding most of its page's quotes.
  const groupWinner = new Map<string, ImportCandidate | undefined>();
  const winnerFor = (source: string): ImportCandidate | undefined => {
    if (groupWinner.has(source)) return groupWinner.get(source);
    const members = foreign.filter((f) => !f.unusable && f.sources[0] === source && sourceMatches(f).length === 0);
    const counts = candidates.map((c) => members.filter((f) => placementIn(f, c).kind === 'found').length);
    const max = Math.max(0, ...counts);
    const winner = members.length > 1 && max > 0 && counts.filter((n) => n === max).length === 1 ? candidates[counts.indexOf(max)] : undefined;
    groupWinner.set(source, winner);
    return winner;
  };

  const added = new Map<ImportCandidate, Annotation[]>();
  for (const f of foreign) {
    const entry = (status: ImportStatus, reason: string, c?: ImportCandidate, id?: string) =>
      plan.entries.push({ label: f.label, status, reason, ...(c ? { review: c.uri } : {}), ...(id ? { id } : {}) });
    if (f.unusable) {
      entry('skipped', f.unusable);
      continue;
    }
    let review: ImportCandidate | undefined;
    let placement: Placement | undefined;
    const named = sourceMatches(f);
    const pool = named.length > 0 ? named : candidates;
    const found = pool.filter((c) => placementIn(f, c).kind === 'found');
    if (found.length === 1) review = found[0];
    else if (found.length > 1 && named.length === 0 && f.sources[0]) {
      const winner = winnerFor(f.sources[0]);
      if (winner && found.includes(winner)) review = winner;
    }
    if (review) placement = placementIn(f, review);
    else if (named.length === 1 && f.orphan && f.ours) {
      review = named[0]; // our own orphan, back into its own review: kept as an orphan, as it was
    } else {
      const ambiguous = found.length > 1 || pool.some((c) => placementIn(f, c).kind === 'ambiguous');
      const where = named.length > 0 ? named.map((c) => c.relativeName).join(', ') : `any of the ${candidates.length} reviews`;
      if (ambiguous) {
        const places = found.length > 1 ? `${found.length} reviews (${found.map((c) => c.relativeName).join(', ')})` : 'more than one place';
        entry('ambiguous', `its quote “${short(f.quote!.exact)}” fits ${places}; not guessed`);
      } else entry('unmatched', `its quote “${short(f.quote!.exact)}” is not in ${where}`);
      continue;
    }

    const existing = [...review.annotations, ...(added.get(review) ?? [])];
    const target =
      placement?.kind === 'found'
        ? makeTarget(review.text, placement.start, placement.end)
        : { quote: f.quote!.exact, prefix: f.quote!.prefix, suffix: f.quote!.suffix, ...hintOffsets(f, review) };
    const sameId = f.keepId ? existing.find((a) => a.id === f.keepId) : undefined;
    const sameContent = existing.find((a) => a.target.start === target.start && a.target.end === target.end && a.target.quote === target.quote && a.note === f.note && sameSet(a.tags, f.tags));
    const duplicate = sameId ?? sameContent;
    if (duplicate) {
      entry('duplicate', sameId ? `id ${sameId.id} is already in the sidecar` : `annotation ${duplicate.id} already has this passage, note and tags`, review, duplicate.id);
      continue;
    }
    const ids = new Set(existing.map((a) => a.id));
    let id = f.keepId;
    for (let i = 0; !id || ids.has(id); i++) {
      if (i > 1000) throw new Error('could not find a free annotation id');
      id = options.newId();
    }
    const created = f.created ?? options.now;
    const annotation: Annotation = {
      id,
      tags: [...f.tags],
      note: f.note,
      target,
      links: links(f, review),
      created,
      modified: f.modified ?? created,
    };
    if (placement?.kind !== 'found') annotation.orphan = true;
    added.set(review, [...(added.get(review) ?? []), annotation]);
    plan.additions.push({ reviewUri: review.uri, annotation });
    entry('imported', annotation.orphan ? 'an orphan in the export, kept as an orphan' : `anchored on “${short(target.quote)}”`, review, id);
  }
  return plan;
}

/** Where f's quote is in c: our re-anchoring first; else a verbatim quote that occurs once. */
function place(f: ForeignAnnotation, c: ImportCandidate): Placement {
  if (!f.quote) return { kind: 'missing' };
  const { exact, prefix, suffix } = f.quote;
  const hint = hintOffsets(f, c);
  const r = reanchor(c.text, { quote: exact, prefix, suffix, ...hint });
  if (r.kind !== 'orphan') return { kind: 'found', start: r.start, end: r.end };
  // Another tool's context may differ from ours (a web page's whitespace, its navigation around
  // the article); a quote that occurs exactly once is still unambiguous.
  const at = occurrences(c.text, exact);
  if (at.length === 1) return { kind: 'found', start: at[0].start, end: at[0].end };
  if (at.length > 1) return { kind: 'ambiguous', count: at.length };
  return { kind: 'missing' };
}

/** Verbatim occurrences; failing that, ones that differ only in whitespace (line breaks, NBSP). */
function occurrences(text: string, quote: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = text.indexOf(quote); i !== -1 && out.length < 3; i = text.indexOf(quote, i + 1)) out.push({ start: i, end: i + quote.length });
  if (out.length > 0 || !/\s/.test(quote)) return out;
  const pattern = quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const re = new RegExp(pattern, 'g');
  for (let m = re.exec(text); m && out.length < 3; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The position selector as UTF-16 offsets into c's text (a hint for re-anchoring). */
function hintOffsets(f: ForeignAnnotation, c: ImportCandidate): { start: number; end: number } {
  if (!f.position) return { start: 0, end: 0 };
  if (f.position.unit === 'utf16') return { start: f.position.start, end: f.position.end };
  const index = new CodePointIndex(c.text);
  return { start: index.toUtf16(f.position.start), end: index.toUtf16(f.position.end) };
}

function links(f: ForeignAnnotation, review: ImportCandidate): AnnotationLink[] {
  const out: AnnotationLink[] = [];
  for (const iri of f.linkIris) {
    const other = parseAnnotationIri(iri);
    if (!other) continue;
    const link = { review: relativeBetween(review.relativeName, other.relativeName), id: other.id };
    if (!out.some((l) => l.review === link.review && l.id === link.id)) out.push(link);
  }
  return out;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 50 ? one.slice(0, 49) + '…' : one;
}
