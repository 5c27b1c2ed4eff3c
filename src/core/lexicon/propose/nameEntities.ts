// From name occurrences and evidence to entities: short forms grouped with their full name
// (Louise Banks, Louise, Banks, Dr. Banks), a kind for each (character or person) by what the
// evidence says, actors linked to their characters, and a confidence from the strength of it all.

import { editDistance } from '../../mentions/editDistance';
import { englishPerMillion } from '../englishFrequency';
import { HONORIFICS, type NameOccurrence } from './nameOccurrences';
import type { NameEvidence } from './nameEvidence';

export interface NameEntity {
  name: string;
  kind: 'character' | 'person';
  /** Short forms and variants seen in the reviews. */
  aliases: string[];
  occurrences: NameOccurrence[];
  roles: Set<string>;
  /** Names of the entities that play this character. */
  playedBy: Set<string>;
  evidence: Map<string, number>;
  confidence: number;
  /** Why it is not proposed, when it is not. */
  rejected?: string;
}

const MONTHS_AND_DAYS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
/** Awards and festivals: capitalised, recurring, never a character or a credit. */
const AWARDS = /^(?:Academy Awards?|Oscars?|Golden Globes?|BAFTAs?|Emmys?|Palme d'Or|Best Picture|Best Director|Best Actor|Best Actress|Best Original (?:Screenplay|Score|Song)|Sundance|Cannes|Venice|Berlinale|IMAX)$/i;
/** Before a place, not a person: "in Derry", "from Santa Cruz", "a near-future Los Angeles". */
const PLACE_BEFORE = /\b(?:in|at|from|near|across|outside|around|toward|towards|into|through|the|a|an|this|that|future)\s+$/i;
const SUFFIXES = new Set(['Sr.', 'Jr.', 'Sr', 'Jr', 'II', 'III']);

/** Ordinary English, per million words, above which a lone capitalised word needs evidence to be a name. */
const COMMON_WORD_PER_MILLION = 20;

interface Candidate {
  name: string;
  words: string[];
  occurrences: NameOccurrence[];
}

export function buildNameEntities(occurrences: NameOccurrence[], evidence: NameEvidence, lowerCaseUses: Map<string, number>, exclude: (name: string) => boolean): NameEntity[] {
  // 1. Candidates by name; capitals-only words (speaker labels, acronyms) only as short forms.
  const byName = new Map<string, Candidate>();
  for (const o of occurrences) {
    const name = normaliseName(o.words);
    if (!name || exclude(name) || MONTHS_AND_DAYS.test(name) || AWARDS.test(name)) continue;
    const words = name.split(' ');
    const c = byName.get(name) ?? { name, words, occurrences: [] };
    c.occurrences.push(o);
    byName.set(name, c);
  }

  // 2. Full names (two words or more, not "Dr. Banks"), variants merged: Bill Skarsgård / Skarsgard.
  const evidenced = new Set([...evidence.pairs.flatMap((p) => [p.character, p.actor]), ...evidence.roles.map((r) => r.person)].map((o) => normaliseName(o.words)));
  const entities = new Map<string, NameEntity>();
  const entityOf = new Map<string, NameEntity>();
  // "De Niro" is one surname: a particle before another word does not make a full name.
  const isFull = (c: Candidate) => coreWords(c.words).filter((w, i, ws) => !(i < ws.length - 1 && CAPITAL_PARTICLES.has(w))).length >= 2;
  const fulls = [...byName.values()].filter(isFull).sort((a, b) => b.occurrences.length - a.occurrences.length);
  for (const c of fulls) {
    // "Hands Across America", "Get Out", "Toy Story": ordinary words (also written in lower case
    // here, or only in quotes), not a name, unless something says it is one.
    const allCommon = c.words.every((w) => englishPerMillion(w) >= 5 || /^[\p{Lu}]\.?$/u.test(w));
    if (!evidenced.has(c.name) && allCommon && (c.occurrences.every((o) => o.quoted) || c.words.some((w) => (lowerCaseUses.get(w.toLowerCase()) ?? 0) > 0))) continue;
    // "Lt. Vincent Hanna" is Vincent Hanna with his rank: one entity, named without it.
    const key = fold(withoutHonorifics(c.name));
    const same = [...entities.values()].find((e) => fold(withoutHonorifics(e.name)) === key || sameWithShortFirstName(e.name, c.name));
    if (same) {
      if (same.name !== withoutHonorifics(same.name) && c.name === withoutHonorifics(c.name)) {
        entities.delete(same.name);
        same.aliases.push(same.name);
        same.name = c.name;
        entities.set(c.name, same);
        same.occurrences.push(...c.occurrences);
      } else addVariant(same, c);
      entityOf.set(c.name, same);
      continue;
    }
    // "Joaquim Phoenix" for Joaquin Phoenix: a misspelling counts for the name, and is no alias.
    const misspelt = [...entities.values()].find((e) => isMisspelling(c.name, e.name));
    if (misspelt) {
      misspelt.occurrences.push(...c.occurrences);
      entityOf.set(c.name, misspelt);
      continue;
    }
    const e = newEntity(c);
    entities.set(c.name, e);
    entityOf.set(c.name, e);
  }
  for (const n of evidence.nicknames) {
    const e = entityOf.get(n.full) ?? entities.get(n.full);
    const nick = byName.get(n.nickname);
    if (e && nick) {
      addVariant(e, nick);
      entityOf.set(nick.name, e);
    }
  }

  // 3. Short forms: a first name, a surname ("Banks", "De Niro"), "Dr. Banks" — of exactly one full
  // name, else their own.
  const kindVotes = votes(evidence);
  for (const c of byName.values()) {
    if (entityOf.has(c.name)) continue;
    const core = c.words.filter((w) => !HONORIFICS.has(w));
    const surname = core.length === 2 && CAPITAL_PARTICLES.has(core[0]);
    if (core.length !== 1 && !surname) continue;
    const word = core.join(' ');
    const reviewsOf = (os: NameOccurrence[]) => new Set(os.map((o) => o.review));
    const owners = [...entities.values()].filter((e) => {
      const ws = coreWords(e.name.split(' '));
      if (ws.slice(-core.length).join(' ') === word && ws.length > core.length) return true;
      if (surname || ws[0] !== word) return false;
      // A first name alone is a person's only where that review names them in full ("Kevin" the
      // bird is not Kevin Nolting the editor); characters go by first names everywhere.
      const full = reviewsOf(e.occurrences);
      return kindOf(kindVotes, e.name) !== 'person' || [...reviewsOf(c.occurrences)].some((r) => full.has(r));
    });
    const own = kindOf(kindVotes, c.name);
    const owner = owners.length === 1 ? owners[0] : undefined;
    // A short form with evidence of its own ("Samantha (Scarlett Johansson)") is its own entity
    // unless the full name's evidence says the same kind ("Theodore" and "Theodore Twombly").
    if (owner && (own === undefined || own === kindOf(kindVotes, owner.name))) {
      addVariant(owner, c);
      entityOf.set(c.name, owner);
      continue;
    }
    if (c.occurrences.every((o) => o.allCaps) && !owner) continue;
    const e = newEntity(c);
    // "the Wilsons": a family, in the plural of a surname.
    if (word.endsWith('s') && [...entities.values()].some((x) => x.name.split(' ').length > 1 && x.name.split(' ').pop() === word.slice(0, -1))) e.rejected = 'a surname in the plural (a family)';
    if (owners.length > 1 && own === undefined) e.rejected = `a short form of ${owners.map((x) => x.name).join(' and ')}`;
    entities.set(c.name, e);
    entityOf.set(c.name, e);
  }

  // 4. Evidence onto entities: roles, pairs (kind and playedBy), cues.
  const find = (o: NameOccurrence) => entityOf.get(normaliseName(o.words));
  for (const r of evidence.roles) {
    const e = find(r.person);
    if (!e) continue;
    e.roles.add(r.role);
    bump(e, r.how);
  }
  for (const p of evidence.pairs) {
    const ch = find(p.character);
    const ac = find(p.actor);
    if (!ch || !ac || ch === ac) continue;
    ac.roles.add(p.voice ? 'voice' : 'actor');
    ch.playedBy.add(ac.name);
    bump(ch, p.how);
    bump(ac, p.how);
  }
  for (const o of evidence.characterCues) {
    const e = find(o);
    if (e) bump(e, 'named as a character (“his sister …”)');
  }

  // 5. Kinds, confidence, exclusions.
  const out = [...new Set(entityOf.values())];
  for (const e of out) {
    const k = kindOf(kindVotes, ...[e.name, ...e.aliases]);
    e.kind = k ?? (e.roles.size > 0 ? 'person' : e.name.split(' ').length >= 2 ? 'person' : 'character');
    if (e.kind === 'character') e.roles.clear();
    else e.playedBy.clear();
    scoreEntity(e, lowerCaseUses);
  }
  return out;
}

function votes(evidence: NameEvidence): Map<string, { person: number; character: number }> {
  const v = new Map<string, { person: number; character: number }>();
  const add = (o: NameOccurrence, kind: 'person' | 'character', n: number) => {
    const name = normaliseName(o.words);
    const x = v.get(name) ?? { person: 0, character: 0 };
    x[kind] += n;
    v.set(name, x);
  };
  for (const p of evidence.pairs) {
    add(p.character, 'character', 2);
    add(p.actor, 'person', 2);
  }
  for (const r of evidence.roles) add(r.person, 'person', 2);
  for (const o of evidence.characterCues) add(o, 'character', 1);
  return v;
}

function kindOf(votes: Map<string, { person: number; character: number }>, ...names: string[]): 'person' | 'character' | undefined {
  let person = 0;
  let character = 0;
  for (const n of names) {
    const x = votes.get(n);
    if (x) (person += x.person), (character += x.character);
  }
  if (person === character) return undefined;
  return person > character ? 'person' : 'character';
}

function scoreEntity(e: NameEntity, lowerCaseUses: Map<string, number>): void {
  const strong = [...e.evidence].filter(([how]) => !how.startsWith('named as')).reduce((n, [, c]) => n + c, 0);
  const cues = e.evidence.get('named as a character (“his sister …”)') ?? 0;
  const reviews = new Set(e.occurrences.map((o) => o.review)).size;
  const count = e.occurrences.length;
  let c: number;
  if (strong > 0) c = Math.min(0.98, 0.85 + 0.05 * Math.min(strong - 1, 2) + (reviews >= 2 ? 0.05 : 0));
  else if (cues > 0) c = 0.65 + (reviews >= 2 ? 0.1 : 0);
  else if (reviews >= 2) c = Math.min(0.8, 0.5 + 0.1 * Math.min(reviews - 2, 2) + (count >= 4 ? 0.05 : 0));
  else c = count >= 3 ? 0.45 : count === 2 ? 0.35 : 0.2;
  if (e.occurrences.some((o) => o.possessive)) c += 0.03;

  const words = e.name.split(' ');
  const single = words.length === 1;
  const initialOnly = e.occurrences.every((o) => o.initial);
  const common = single && englishPerMillion(e.name) >= COMMON_WORD_PER_MILLION;
  const lower = single ? lowerCaseUses.get(e.name.toLowerCase()) ?? 0 : 0;
  const ordinary = single && lower > 0;
  if (strong === 0) {
    if (initialOnly && single) c *= 0.6;
    if (common || ordinary) c *= 0.5;
  }
  if (e.occurrences.every((o) => o.quoted)) {
    c *= 0.3;
    e.rejected ??= 'only in quotes or italics (a title of a work?)';
  }
  const places = e.occurrences.filter((o) => PLACE_BEFORE.test(o.before)).length;
  if (strong === 0 && places > 0 && places * 2 >= e.occurrences.length) {
    c *= 0.5;
    e.rejected ??= 'looks like a place';
  }
  if (strong === 0 && (common || ordinary)) e.rejected ??= 'an ordinary English word';
  e.confidence = Math.round(Math.min(0.99, c) * 100) / 100;
}

/** Capitalised particles of surnames: "De Niro", "Van Sant", "Del Toro". */
const CAPITAL_PARTICLES = new Set(['De', 'Del', 'Della', 'Di', 'Da', 'Du', 'Van', 'Von', 'Der', 'Den', 'La', 'Le', 'Dos', 'Das', 'Ter', 'Ten']);

function coreWords(words: string[]): string[] {
  return words.filter((w) => !HONORIFICS.has(w) && !SUFFIXES.has(w));
}

/** "Lt. Vincent Hanna" → "Vincent Hanna". */
function withoutHonorifics(name: string): string {
  const ws = name.split(' ');
  let i = 0;
  while (i < ws.length - 1 && HONORIFICS.has(ws[i])) i++;
  return ws.slice(i).join(' ');
}

function newEntity(c: Candidate): NameEntity {
  return { name: c.name, kind: 'person', aliases: [], occurrences: [...c.occurrences], roles: new Set(), playedBy: new Set(), evidence: new Map(), confidence: 0 };
}

function addVariant(e: NameEntity, c: Candidate): void {
  if (c.name !== e.name && !e.aliases.includes(c.name)) e.aliases.push(c.name);
  e.occurrences.push(...c.occurrences);
}

function bump(e: NameEntity, how: string): void {
  e.evidence.set(how, (e.evidence.get(how) ?? 0) + 1);
}

/** The name's words as one string; a lone honorific ("Dr.") is no name. */
export function normaliseName(words: string[]): string {
  let ws = words.slice();
  if (ws.length > 1 && HONORIFICS.has(ws[ws.length - 1])) ws = ws.slice(0, -1);
  if (ws.length === 1 && HONORIFICS.has(ws[0])) return '';
  return ws.join(' ');
}

function fold(name: string): string {
  return name.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** "Ed Asner" and "Edward Asner": the same surname, one first name the start of the other. */
function sameWithShortFirstName(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  if (x.length !== 2 || y.length !== 2 || x[1] !== y[1]) return false;
  const [s, l] = x[0].length <= y[0].length ? [x[0], y[0]] : [y[0], x[0]];
  return s.length >= 2 && s !== l && l.startsWith(s);
}

/** Same number of words, same initials, at most one edit a word and two in all (as the matcher reads misspellings). */
function isMisspelling(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  if (x.length !== y.length || x.length < 2) return false;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i][0] !== y[i][0]) return false;
    const d = editDistance(x[i], y[i], 2);
    if (d > Math.max(1, Math.floor(y[i].length / 4))) return false;
    total += d;
  }
  return total > 0 && total <= 2;
}
