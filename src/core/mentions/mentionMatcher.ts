// The mention engine: finds every name and theme term of a lexicon in a review's text.
// One pass over the words; a word is looked up by a hash of its folded characters first, so
// the common case (a word that starts no name) costs no allocation.

import type { Entity, Lexicon } from '../lexicon/lexicon';
import type { EntityKind, Mention } from './types';
import { editDistance } from './editDistance';
import { inflect } from './inflections';
import { soundex } from './soundex';
import { belongsToAnotherName } from './nameContext';
import { englishVerbSignal } from './englishWords';
import { isFilmTitleInContext, type TitleContext, type VerbSignal } from './titleContext';
import { foldChar, isSpaceChar, isWordChar, normaliseSeparator, splitForm } from './wordScanner';

interface Form {
  entity: string;
  /** Position of the entity in the lexicon, for compact storage. */
  entityIx: number;
  kind: EntityKind;
  words: string[];
  /** Words folded to lower case, for case-insensitive forms. */
  folded: string[];
  seps: string[];
  trail: string;
  caseSensitive: boolean;
  /** A prefix term (`isolat*`): its last word matches any word starting with it. */
  prefix: boolean;
  /** An ambiguous film title: the context it needs to count. */
  titleContext: TitleContext | undefined;
  /** A one-word name: rejected where it is part of someone else's name. */
  singleWordName: boolean;
}

const TABLE_BITS = 16;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const PREFIX_LEN = 4;

function hashFolded(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ foldChar(s.charCodeAt(i)), 0x01000193);
  return h >>> 0;
}

export interface MatcherOptions {
  /** The part-of-speech signal for ordinary-word titles (default: the English word list). */
  verbs?: VerbSignal;
}

export interface MatchOptions {
  /** Where searching starts (after front matter). */
  bodyStart?: number;
}

export class MentionMatcher {
  // Keyed by the hash of the folded word (the same hash the scan computes), so a lookup needs no
  // string; wordEquals() checks the characters, so hash collisions cost nothing but a compare.
  private readonly byFirstWord = new Map<number, Form[]>();
  private readonly prefixForms = new Map<number, Form[]>();
  /** Bit set over word hashes that may start a form: a cheap first test for every word. */
  private readonly wordFilter = new Uint8Array(1 << (TABLE_BITS - 3));
  private readonly prefixFilter = new Uint8Array(1 << (TABLE_BITS - 3));
  /** Multi-word names by their first letter, for misspellings. */
  private readonly fuzzyByInitial = new Map<string, Form[]>();
  /** First letter + second word's first letter of every multi-word name: a cheap gate before any edit distance. */
  private readonly fuzzyInitialPairs = new Set<string>();
  private fuzzyMinLen = Infinity;
  private fuzzyMaxLen = 0;
  private readonly exactNames = new Set<string>();

  /** Read when the lexicon has an ordinary-word title, so other films never load the word list. */
  private verbs: VerbSignal | undefined;

  constructor(readonly lexicon: Lexicon, options: MatcherOptions = {}) {
    this.verbs = options.verbs;
    lexicon.entities.forEach((entity, i) => this.addEntity(entity, i));
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private addEntity(entity: Entity, entityIx: number) {
    const isTheme = entity.kind === 'theme';
    const ambiguousTitle = entity.kind === 'film' && this.lexicon.film.ambiguous;
    for (const raw of entity.matchForms) {
      const prefix = isTheme && raw.endsWith('*');
      const base = prefix ? raw.slice(0, -1) : raw;
      // Terms in capitals (AI, OS, A.I.) are acronyms: only capitals count.
      const caseSensitive = !isTheme || (/[A-Z]/.test(base) && base === base.toUpperCase());
      const variants = isTheme && !prefix && !caseSensitive ? inflectLastWord(base) : [base];
      // A one-word title that is an ordinary word is also read in capitals ("HER is …", "US jumps …").
      if (ambiguousTitle && !base.includes(' ') && base !== base.toUpperCase()) variants.push(base.toUpperCase());
      for (const v of variants) {
        const parts = splitForm(v);
        if (parts.words.length === 0) continue;
        const form: Form = {
          entity: entity.id,
          entityIx,
          kind: entity.kind,
          words: parts.words,
          folded: parts.words.map((w) => w.toLowerCase()),
          seps: parts.seps,
          trail: parts.trail.trim(),
          caseSensitive,
          prefix,
          titleContext: ambiguousTitle && !v.includes(' ') ? this.titleContextFor(v, v !== base) : undefined,
          singleWordName: (entity.kind === 'person' || entity.kind === 'character') && parts.words.length === 1,
        };
        if (prefix && form.words.length === 1) {
          const key = form.folded[0].slice(0, PREFIX_LEN);
          if (form.folded[0].length < PREFIX_LEN) continue; // too short to be a safe prefix
          this.setBit(this.prefixFilter, hashFolded(key));
          push(this.prefixForms, hashFolded(key), form);
          continue;
        }
        const key = form.folded[0];
        this.setBit(this.wordFilter, hashFolded(key));
        push(this.byFirstWord, hashFolded(key), form);
        if (!isTheme) {
          this.exactNames.add(v);
          if (form.words.length >= 2 && !form.titleContext) {
            push(this.fuzzyByInitial, form.words[0][0], form);
            this.fuzzyInitialPairs.add(form.words[0][0] + form.words[1][0]);
            const w0 = form.words[0].length;
            this.fuzzyMinLen = Math.min(this.fuzzyMinLen, w0 - allowedEdits(form.words[0]));
            this.fuzzyMaxLen = Math.max(this.fuzzyMaxLen, w0 + allowedEdits(form.words[0]));
          }
        }
      }
    }
  }

  private titleContextFor(title: string, allCaps: boolean): TitleContext {
    const rules = this.lexicon.titleRules;
    return { rules, verbs: (this.verbs ??= englishVerbSignal()), allCaps, subjectPronoun: !allCaps && rules.subjectPronouns.has(title.toLowerCase()) };
  }

  private setBit(bits: Uint8Array, h: number) {
    const i = h & TABLE_MASK;
    bits[i >> 3] |= 1 << (i & 7);
  }

  private hasBit(bits: Uint8Array, h: number) {
    const i = h & TABLE_MASK;
    return (bits[i >> 3] & (1 << (i & 7))) !== 0;
  }

  /** Every mention in `text`, in order, non-overlapping; the longest name wins. */
  findMentions(text: string, options: MatchOptions = {}): Mention[] {
    const out: Mention[] = [];
    this.scan(text, options, (entityIx, start, end, fuzzy) => {
      const e = this.lexicon.entities[entityIx];
      const m: Mention = { entity: e.id, kind: e.kind, start, end, text: text.slice(start, end) };
      if (fuzzy) m.fuzzy = fuzzy;
      out.push(m);
    });
    return out;
  }

  // The form and end of the last hit, set by the match* methods (no object per hit on the hot path).
  private hitForm: Form | undefined;
  private hitEnd = -1;
  private hitFuzzy = false;

  /**
   * Reports every mention to `emit` as (entity's position in the lexicon, start, end, the name a
   * misspelling was read as). The index stores these in typed arrays.
   */
  scan(text: string, options: MatchOptions, emit: (entityIx: number, start: number, end: number, fuzzy: string | undefined) => void): void {
    const floor = options.bodyStart ?? 0;
    const n = text.length;
    let i = floor;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      // Read one word, hashing its folded characters as we go.
      const start = i;
      let h = 0x811c9dc5;
      let h4 = 0;
      while (i < n && isWordChar(text.charCodeAt(i))) {
        h = Math.imul(h ^ foldChar(text.charCodeAt(i)), 0x01000193);
        if (i - start === PREFIX_LEN - 1) h4 = h >>> 0;
        i++;
      }
      const end = i;
      if ((end - start === 4 || end - start === 5) && text.startsWith('://', end) && /^https?$/i.test(text.slice(start, end))) {
        i = skipUrl(text, end);
        continue;
      }
      let form: Form | undefined;
      let formEnd = -1;
      let fuzzy = false;
      if (this.hasBit(this.wordFilter, h >>> 0) && this.matchAt(text, start, end, floor, h >>> 0) >= 0) {
        form = this.hitForm;
        formEnd = this.hitEnd;
      }
      if (!form && end - start >= PREFIX_LEN && this.hasBit(this.prefixFilter, h4) && this.matchPrefix(text, start, end, h4) >= 0) {
        form = this.hitForm;
        formEnd = this.hitEnd;
      }
      if (isUpperAscii(text.charCodeAt(start)) && this.matchFuzzy(text, start, end) > formEnd) {
        form = this.hitForm;
        formEnd = this.hitEnd;
        fuzzy = true;
      }
      if (form) {
        emit(form.entityIx, start, formEnd, fuzzy ? form.words.join(' ') : undefined);
        i = formEnd;
      }
    }
  }

  /** The end of the longest form matching at the word [start, end), or -1; sets hitForm. */
  private matchAt(text: string, start: number, end: number, floor: number, hash: number): number {
    const forms = this.byFirstWord.get(hash);
    if (!forms) return -1;
    for (const form of forms) {
      const e = this.matchForm(text, form, start, end);
      if (e < 0) continue;
      if (form.titleContext && !isFilmTitleInContext(text, start, e, floor, form.titleContext)) continue;
      if (form.singleWordName && belongsToAnotherName(text, start, e, floor)) continue;
      this.hitForm = form;
      return (this.hitEnd = e);
    }
    return -1;
  }

  /** End offset of `form` matched at the word [start, end), or -1. */
  private matchForm(text: string, form: Form, start: number, end: number): number {
    if (!wordEquals(text, start, end, form, 0)) return -1;
    let pos = end;
    for (let w = 1; w < form.words.length; w++) {
      const next = readSeparatorAndWord(text, pos, form.seps[w - 1]);
      if (!next || !wordEquals(text, next.start, next.end, form, w)) return -1;
      pos = next.end;
    }
    if (form.trail) {
      if (!text.startsWith(form.trail, pos)) return -1;
      pos += form.trail.length;
      if (pos < text.length && isWordChar(text.charCodeAt(pos))) return -1;
    }
    return pos;
  }

  private matchPrefix(text: string, start: number, end: number, hash4: number): number {
    const forms = this.prefixForms.get(hash4);
    if (!forms) return -1;
    for (const form of forms) {
      if (wordEquals(text, start, end, form, 0)) {
        this.hitForm = form;
        return (this.hitEnd = end);
      }
    }
    return -1;
  }

  /**
   * A misspelt multi-word name: same initials, each word within ⌊len/4⌋ edits (at least 1),
   * at most 2 in all, separated by spaces only, and not an exact name of anything.
   */
  private matchFuzzy(text: string, start: number, end: number): number {
    const forms = this.fuzzyByInitial.get(text[start]);
    if (!forms) return -1;
    const len = end - start;
    // Cheap tests before any allocation: most capitalised words are nowhere near a name, and a
    // name of several words needs a next word starting with the right letter.
    if (len < this.fuzzyMinLen || len > this.fuzzyMaxLen) return -1;
    let k = end;
    while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13)) k++;
    if (k === end || !this.fuzzyInitialPairs.has(text[start] + text[k])) return -1;
    const first = text.slice(start, end);
    let bestEnd = -1;
    for (const form of forms) {
      const max0 = allowedEdits(form.words[0]);
      if (Math.abs(len - form.words[0].length) > max0) continue;
      let total = editDistance(first, form.words[0], max0);
      if (total > max0) continue;
      let exactWords = total === 0 ? 1 : 0;
      let pos = end;
      let ok = true;
      for (let w = 1; w < form.words.length && ok; w++) {
        const next = readSeparatorAndWord(text, pos, ' ');
        if (!next || text[next.start] !== form.words[w][0]) {
          ok = false;
          break;
        }
        const want = form.words[w];
        const got = text.slice(next.start, next.end);
        // A surname after exactly spelt words may be two edits off if it still sounds the same
        // ("Spike Jones" for Jonze), never when it sounds like another name ("Morgan" for Morton).
        const max = total === 0 && want.length >= 5 && soundex(got) === soundex(want) ? 2 : allowedEdits(want);
        const d = editDistance(got, want, max);
        if (d > max || (total += d) > 2) ok = false;
        if (d === 0) exactWords++;
        pos = next.end;
      }
      if (!ok || exactWords === form.words.length) continue;
      const surface = text.slice(start, pos);
      if (this.exactNames.has(surface.replace(/\s+/g, ' '))) continue;
      if (pos > bestEnd) {
        bestEnd = pos;
        this.hitForm = form;
      }
    }
    return (this.hitEnd = bestEnd);
  }
}

function allowedEdits(word: string): number {
  return Math.max(1, Math.floor(word.length / 4));
}

function push<K, T>(map: Map<K, T[]>, key: K, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function inflectLastWord(term: string): string[] {
  const m = /^(.*?)([\p{L}\p{N}]+)$/u.exec(term);
  if (!m) return [term];
  return inflect(m[2]).map((w) => m[1] + w);
}

function wordEquals(text: string, start: number, end: number, form: Form, w: number): boolean {
  const want = form.caseSensitive ? form.words[w] : form.folded[w];
  if (end - start !== want.length) {
    // A prefix form's last word may be longer.
    if (!(form.prefix && w === form.words.length - 1 && end - start > want.length)) return false;
  }
  for (let k = 0; k < want.length; k++) {
    const c = text.charCodeAt(start + k);
    if ((form.caseSensitive ? c : foldChar(c)) !== want.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Reads the separator after `pos` and the word after it, if the separator equals `sep` once
 * spaces (NBSP, one line break) are folded and curly apostrophes straightened.
 */
function readSeparatorAndWord(text: string, pos: number, sep: string): { start: number; end: number } | undefined {
  let i = pos;
  let newlines = 0;
  while (i < text.length && !isWordChar(text.charCodeAt(i))) {
    if (text.charCodeAt(i) === 10 && ++newlines > 1) return undefined; // a paragraph break ends a name
    if (i - pos > sep.length + 8) return undefined;
    i++;
  }
  if (i >= text.length || normaliseSeparator(text.slice(pos, i)) !== sep) return undefined;
  const start = i;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return { start, end: i };
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

function skipUrl(text: string, i: number): number {
  while (i < text.length && !isSpaceChar(text.charCodeAt(i)) && text[i] !== ')' && text[i] !== '>') i++;
  return i;
}
