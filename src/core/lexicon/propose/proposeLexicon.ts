// Proposes lexicon entries from a film's reviews: characters, people (cast and crew with roles),
// the film with its aliases, and themes, each with its evidence. Pure: reviews in, proposals out.

import { stringify } from 'yaml';
import { isCommonWord } from '../commonWords';
import { englishPerMillion } from '../englishFrequency';
import type { Lexicon } from '../lexicon';
import { idFromName, parseLexicon } from '../parseLexicon';
import { MentionMatcher } from '../../mentions/mentionMatcher';
import { collectEvidence, type NameEvidence } from './nameEvidence';
import { buildNameEntities, type NameEntity } from './nameEntities';
import { findNameOccurrences, type NameOccurrence } from './nameOccurrences';
import { prepareReview, sentenceAt, type PreparedReview } from './reviewText';
import { findThemes } from './themes';
import type { Proposal, ProposalFilm, ProposalHint, ProposalResult, ProposalReview } from './types';

/** Below this a name is a hint, not a proposal. */
export const MIN_CONFIDENCE = 0.4;
const ROLE_ORDER = ['director', 'writer', 'producer', 'cinematographer', 'composer', 'editor', 'actor', 'voice'];

export function proposeLexicon(reviews: ProposalReview[], film: ProposalFilm, existing?: Lexicon): ProposalResult {
  const prepared = reviews.map((r, i) => prepareReview(i, r.uri, r.text, r.bodyStart));
  const raw = reviews.map((r) => r.text);
  const occurrences = prepared.map((p) => findNameOccurrences(p));
  const evidence: NameEvidence = { pairs: [], roles: [], characterCues: [], nicknames: [], critics: new Set() };
  prepared.forEach((p, i) => collectEvidence(p, occurrences[i], evidence));

  const known = existingNames(existing);
  const titleWords = new Set(film.title.split(/\s+/).map((w) => w.toLowerCase()));
  const criticWords = new Set([...evidence.critics].flatMap((c) => c.split(/\s+/)));
  const isTitle = (name: string) => name.toLowerCase() === film.title.toLowerCase() || name.split(' ').every((w) => titleWords.has(w.toLowerCase()));
  // A film named after its hero (Paddington 2, Juno, Amélie): the words of the title are a character
  // where the critics pair them with who plays them ("Paddington (Ben Whishaw)").
  const playedTitleWords = new Set(evidence.pairs.map((p) => p.character.name).filter((n) => isTitle(n) && n.toLowerCase() !== film.title.toLowerCase()));
  const excludeName = (name: string) =>
    (isTitle(name) && !playedTitleWords.has(name)) || evidence.critics.has(name) || (name.split(' ').length === 1 && criticWords.has(name) && !known.has(fold(name)));

  const lowerCaseUses = countLowerCase(prepared);
  const entities = buildNameEntities(occurrences.flat(), evidence, lowerCaseUses, excludeName);

  const ids = new Set(existing?.entities.map((e) => e.id) ?? []);
  const uniqueId = (name: string) => {
    const base = idFromName(name) || 'entry';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };

  const proposals: Proposal[] = [];
  const hints: ProposalHint[] = [];
  const filmProposal = proposeFilm(reviews, prepared, film, existing);
  if (filmProposal) {
    filmProposal.id = uniqueId(film.title);
    proposals.push(filmProposal);
  }

  // Names: what is already in the lexicon is never proposed again, under any of its names.
  const accepted: NameEntity[] = [];
  for (const e of entities) {
    const forms = [e.name, ...e.aliases];
    if (forms.some((f) => known.has(fold(f)) && f === e.name)) continue;
    e.aliases = e.aliases.filter((a) => !known.has(fold(a)) && !isTitle(a));
    if (e.confidence >= MIN_CONFIDENCE && !e.rejected) accepted.push(e);
    else if (e.occurrences.length >= 2 && !forms.some((f) => known.has(fold(f)))) {
      hints.push({ name: e.name, count: e.occurrences.length, reviews: reviewCount(e.occurrences), examples: examples(raw, prepared, e.occurrences), reason: e.rejected ?? `little evidence (confidence ${e.confidence.toFixed(2)})` });
    }
  }
  const idOf = new Map<string, string>();
  for (const e of accepted) idOf.set(e.name, uniqueId(e.name));
  const existingIdOf = (name: string) => existing?.entities.find((x) => x.kind === 'person' && (x.name === name || x.aliases.includes(name)))?.id;
  for (const e of accepted) {
    const p: Proposal = {
      id: idOf.get(e.name)!,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      count: e.occurrences.length,
      reviews: reviewCount(e.occurrences),
      examples: examples(raw, prepared, e.occurrences),
      confidence: e.confidence,
      evidence: describeEvidence(e),
    };
    if (e.kind === 'character') {
      const playedBy = [...e.playedBy].map((n) => idOf.get(n) ?? existingIdOf(n)).filter((id): id is string => !!id);
      if (playedBy.length > 0) p.playedBy = playedBy;
    } else if (e.roles.size > 0) {
      p.roles = [...e.roles].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
    }
    proposals.push(p);
  }

  // Themes: never a name, the title, or a term the lexicon has.
  const nameWords = new Set(entities.flatMap((e) => [e.name, ...e.aliases]).flatMap((n) => n.toLowerCase().split(' ')));
  const themeTerms = new Set(existing?.entities.filter((e) => e.kind === 'theme').flatMap((e) => e.matchForms.map((t) => t.toLowerCase().replace(/\*$/, ''))) ?? []);
  const knownTerm = (w: string) => themeTerms.has(w) || [...themeTerms].some((t) => t.length >= 4 && w.startsWith(t));
  for (const t of findThemes(prepared, (w) => titleWords.has(w) || nameWords.has(w) || knownTerm(w))) {
    const terms = t.terms.filter((x) => !knownTerm(x.toLowerCase()));
    if (terms.length === 0) continue;
    proposals.push({
      id: uniqueId(t.label),
      kind: 'theme',
      name: t.label[0].toUpperCase() + t.label.slice(1),
      aliases: terms,
      count: t.count,
      reviews: t.reviews,
      examples: pickExamples(raw, prepared, t.at),
      confidence: Math.round(Math.min(0.8, 0.3 + 0.1 * Math.log2(1 + t.score / 50)) * 100) / 100,
      evidence: [`${t.count}× in ${t.reviews} review${t.reviews === 1 ? '' : 's'}, ${themeRatio(t.score)} ordinary English`],
    });
  }

  const kindRank = { film: 0, character: 1, person: 2, theme: 3 };
  proposals.sort((a, b) => kindRank[a.kind] - kindRank[b.kind] || (a.kind === 'theme' ? 0 : b.confidence - a.confidence || b.count - a.count));
  hints.sort((a, b) => b.count - a.count);
  return { entities: proposals, hints };
}

function proposeFilm(reviews: ProposalReview[], prepared: PreparedReview[], film: ProposalFilm, existing: Lexicon | undefined): Proposal | undefined {
  if (existing?.film.title) return undefined;
  const single = !film.title.trim().includes(' ');
  const lowerUses = single ? prepared.reduce((n, r) => n + [...r.text.slice(r.bodyStart).matchAll(new RegExp(`(?<![\\p{L}])${escape(film.title.toLowerCase())}(?![\\p{L}])`, 'gu'))].length, 0) : 0;
  const ambiguous = single && (isCommonWord(film.title) || englishPerMillion(film.title) >= 5 || lowerUses > 0);
  const lexicon = parseLexicon('proposal.yaml', stringify({ version: 1, film: { id: 'film', title: film.title, ...(film.year ? { year: film.year } : {}), ambiguous } }));
  const matcher = new MentionMatcher(lexicon);
  const at: Array<[number, number]> = [];
  reviews.forEach((r, i) => {
    for (const m of matcher.findMentions(r.text, { bodyStart: r.bodyStart })) at.push([i, m.start]);
  });
  return {
    id: '',
    kind: 'film',
    name: film.title,
    aliases: [],
    count: at.length,
    reviews: new Set(at.map(([r]) => r)).size,
    examples: pickExamples(reviews.map((r) => r.text), prepared, at),
    confidence: 1,
    evidence: [ambiguous ? `the title is also an ordinary word${lowerUses ? ` (in lower case ${lowerUses}× in the reviews)` : ''}: ambiguous` : 'the title'],
    ...(ambiguous ? { ambiguous: true } : {}),
  };
}

function existingNames(existing: Lexicon | undefined): Set<string> {
  const out = new Set<string>();
  for (const e of existing?.entities ?? []) if (e.kind !== 'theme') for (const n of [e.name, ...e.aliases]) out.add(fold(n));
  return out;
}

function fold(name: string): string {
  return name.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function countLowerCase(reviews: PreparedReview[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of reviews) for (const m of r.text.slice(r.bodyStart).matchAll(/(?<![\p{L}'’])[\p{Ll}]+(?![\p{L}])/gu)) out.set(m[0], (out.get(m[0]) ?? 0) + 1);
  return out;
}

function reviewCount(occurrences: NameOccurrence[]): number {
  return new Set(occurrences.map((o) => o.review)).size;
}

function examples(raw: string[], prepared: PreparedReview[], occurrences: NameOccurrence[]): string[] {
  // Mid-sentence occurrences first: they show the name in use, not a heading or a credit.
  const sorted = [...occurrences].sort((a, b) => Number(a.initial) - Number(b.initial) || a.review - b.review || a.start - b.start);
  return pickExamples(raw, prepared, sorted.map((o) => [o.review, o.start]));
}

function pickExamples(raw: string[], prepared: PreparedReview[], at: Array<[number, number]>): string[] {
  const out: string[] = [];
  const used = new Set<number>();
  for (const pass of [0, 1]) {
    for (const [r, offset] of at) {
      if (out.length === 2) return out;
      if (pass === 0 && used.has(r)) continue;
      const s = sentenceAt(raw[r], prepared[r], offset);
      if (out.includes(s)) continue;
      out.push(s);
      used.add(r);
    }
  }
  return out;
}

function describeEvidence(e: NameEntity): string[] {
  const out = [...e.evidence].sort((a, b) => b[1] - a[1]).map(([how, n]) => (n > 1 ? `${how} ×${n}` : how));
  const reviews = reviewCount(e.occurrences);
  out.push(`${e.occurrences.length}× in ${reviews} review${reviews === 1 ? '' : 's'}`);
  if (e.occurrences.some((o) => o.possessive)) out.push('possessive');
  return out;
}

function themeRatio(score: number): string {
  return score >= 100 ? 'far more than in' : score >= 20 ? 'more than in' : 'a little more than in';
}
