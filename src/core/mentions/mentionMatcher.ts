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
import { nextWord, readSeparatorAndWord } from './separatorReader';
import { classifyChar, foldChar, isSpaceChar, isWordChar, splitForm, WORD_FOLD } from './wordScanner';

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
  /** The first word as wordEquals() compares it (folded unless case-sensitive), its length and first code unit. */
  firstLength: number;
  firstCode: number;
}

const TABLE_BITS = 16;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const PREFIX_LEN = 4;

/** FNV-1a over folded characters; the scan computes the same hash as it reads a word. */
function hashFolded(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ foldChar(s.charCodeAt(i)), 0x01000193);
  return h & TABLE_MASK;
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
  // Forms by the low bits of the hash of their folded first word (the hash the scan computes as it
  // reads), so a lookup needs no string; wordEquals() checks the characters, so words sharing a
  // bucket cost nothing but a compare. A bit per bucket says which hold any form: most words stop there.
  private readonly byFirstWord = new Map<number, Form[]>();
  private readonly wordFilter = new Uint8Array(1 << (TABLE_BITS - 3));
  /** Prefix terms (`isolat*`) by the hash of their first PREFIX_LEN characters. */
  private readonly prefixForms = new Map<number, Form[]>();
  /** A bit per pair of folded first two characters (low bytes) of a prefix term: most words stop there. */
  private readonly prefixPairs = new Uint8Array(1 << 13);
  /** Multi-word names by the char code of their (ASCII capital) first letter, for misspellings. */
  private readonly fuzzyByInitial: Array<Form[] | undefined> = new Array(128).fill(undefined);
  /** First letter + second word's first letter of every multi-word name (c1 · 65536 + c2): a cheap gate before any edit distance. */
  private readonly fuzzyInitialPairs = new Set<number>();
  private hasPrefixForms = false;
  private fuzzyMinLen = Infinity;
  private fuzzyMaxLen = 0;
  private readonly exactNames = new Set<string>();

  /** Read when the lexicon has an ordinary-word title, so other films never load the word list. */
  private verbs: VerbSignal | undefined;

  constructor(readonly lexicon: Lexicon, options: MatcherOptions = {}) {
    this.verbs = options.verbs;
    lexicon.entities.forEach((entity, i) => this.addEntity(entity, i));
    // Longest name first; stable, so forms of one word keep the lexicon's order.
    for (const [bucket, list] of this.byFirstWord) {
      list.sort((a, b) => b.words.length - a.words.length);
      this.wordFilter[bucket >> 3] |= 1 << (bucket & 7);
    }
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
          firstLength: 0,
          firstCode: 0,
        };
        const first = caseSensitive ? form.words[0] : form.folded[0];
        form.firstLength = first.length;
        form.firstCode = first.charCodeAt(0);
        if (prefix && form.words.length === 1) {
          const key = form.folded[0].slice(0, PREFIX_LEN);
          if (form.folded[0].length < PREFIX_LEN) continue; // too short to be a safe prefix
          push(this.prefixForms, hashFolded(key), form);
          const pair = ((key.charCodeAt(0) & 0xff) << 8) | (key.charCodeAt(1) & 0xff);
          this.prefixPairs[pair >> 3] |= 1 << (pair & 7);
          this.hasPrefixForms = true;
          continue;
        }
        push(this.byFirstWord, hashFolded(form.folded[0]), form);
        if (!isTheme) {
          this.exactNames.add(v);
          // Only names with an ASCII capital initial are read as misspellings (the scan's gate).
          const initial = form.words[0].charCodeAt(0);
          if (form.words.length >= 2 && !form.titleContext && isUpperAscii(initial)) {
            push(this.fuzzyByInitial, initial, form);
            this.fuzzyInitialPairs.add(initial * 65536 + form.words[1].charCodeAt(0));
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
    const byFirstWord = this.byFirstWord;
    const wordFilter = this.wordFilter;
    const prefixForms = this.prefixForms;
    const prefixPairs = this.prefixPairs;
    const fuzzyByInitial = this.fuzzyByInitial;
    const fuzzyMinLen = this.fuzzyMinLen;
    const fuzzyMaxLen = this.fuzzyMaxLen;
    let i = floor;
    while (i < n) {
      let c = text.charCodeAt(i);
      let k = WORD_FOLD[c];
      if (k === 0) k = classifyChar(c);
      if (k === 1) {
        i++;
        continue;
      }
      // Read one word, hashing its folded characters as we go (hashFolded's hash).
      const start = i;
      const initial = c;
      let h = 0x811c9dc5;
      for (;;) {
        h = Math.imul(h ^ (k - 2), 0x01000193);
        if (++i >= n) break;
        c = text.charCodeAt(i);
        k = WORD_FOLD[c];
        if (k === 0) k = classifyChar(c);
        if (k === 1) break;
      }
      const end = i;
      const len = end - start;
      if ((len === 4 || len === 5) && c === 58 /* : */ && text.startsWith('://', end) && /^https?$/i.test(text.slice(start, end))) {
        i = skipUrl(text, end);
        continue;
      }
      let form: Form | undefined;
      let formEnd = -1;
      let fuzzy = false;
      const bucket = h & TABLE_MASK;
      if ((wordFilter[bucket >> 3] & (1 << (bucket & 7))) !== 0 && this.matchAt(text, start, end, floor, byFirstWord.get(bucket)!) >= 0) {
        form = this.hitForm;
        formEnd = this.hitEnd;
      }
      if (!form && len >= PREFIX_LEN && this.hasPrefixForms && prefixPairHit(prefixPairs, text, start)) {
        const prefixed = prefixForms.get(hashFolded(text, start, start + PREFIX_LEN));
        if (prefixed !== undefined && this.matchPrefix(text, start, end, prefixed) >= 0) {
          form = this.hitForm;
          formEnd = this.hitEnd;
        }
      }
      // Misspelt names: a capitalised word of a plausible length whose initial starts some name.
      if (initial < 128 && len >= fuzzyMinLen && len <= fuzzyMaxLen) {
        const candidates = fuzzyByInitial[initial];
        if (candidates !== undefined && this.matchFuzzy(text, start, end, candidates, form) > formEnd) {
          form = this.hitForm;
          formEnd = this.hitEnd;
          fuzzy = true;
        }
      }
      if (form) {
        emit(form.entityIx, start, formEnd, fuzzy ? form.words.join(' ') : undefined);
        i = formEnd;
      } else if (i < n) i++; // the separator that ended the word
    }
  }

  /** The end of the longest form matching at the word [start, end), or -1; sets hitForm. */
  private matchAt(text: string, start: number, end: number, floor: number, forms: Form[]): number {
    const c0 = text.charCodeAt(start);
    const f0 = foldChar(c0);
    for (let f = 0; f < forms.length; f++) {
      const form = forms[f];
      // wordEquals' first tests, inline: "her" is not the title "Her", "Amy" not a word of four letters.
      if (form.firstLength !== end - start || form.firstCode !== (form.caseSensitive ? c0 : f0)) continue;
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
      if (!readSeparatorAndWord(text, pos, form.seps[w - 1]) || !wordEquals(text, nextWord.start, nextWord.end, form, w)) return -1;
      pos = nextWord.end;
    }
    if (form.trail) {
      if (!text.startsWith(form.trail, pos)) return -1;
      pos += form.trail.length;
      if (pos < text.length && isWordChar(text.charCodeAt(pos))) return -1;
    }
    return pos;
  }

  private matchPrefix(text: string, start: number, end: number, forms: Form[]): number {
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
  private matchFuzzy(text: string, start: number, end: number, forms: Form[], exactHit: Form | undefined): number {
    // Cheap tests before any allocation: a name of several words needs a next word starting
    // with the right letter.
    const len = end - start;
    let k = end;
    let c = text.charCodeAt(k);
    while (c === 32 || c === 0xa0 || c === 10 || c === 13) c = text.charCodeAt(++k);
    if (k === end || k >= text.length || !this.fuzzyInitialPairs.has(text.charCodeAt(start) * 65536 + c)) return -1;
    const first = text.slice(start, end);
    let bestEnd = -1;
    for (const form of forms) {
      // The name found spelt right here cannot be a misspelling of itself.
      if (form === exactHit) continue;
      const max0 = allowedEdits(form.words[0]);
      if (Math.abs(len - form.words[0].length) > max0) continue;
      let total = first === form.words[0] ? 0 : editDistance(first, form.words[0], max0);
      if (total > max0) continue;
      let exactWords = total === 0 ? 1 : 0;
      let pos = end;
      let ok = true;
      for (let w = 1; w < form.words.length && ok; w++) {
        const want = form.words[w];
        if (!readSeparatorAndWord(text, pos, ' ') || text.charCodeAt(nextWord.start) !== want.charCodeAt(0)) {
          ok = false;
          break;
        }
        const got = text.slice(nextWord.start, nextWord.end);
        // A surname after exactly spelt words may be two edits off if it still sounds the same
        // ("Spike Jones" for Jonze), never when it sounds like another name ("Morgan" for Morton).
        // The distance is computed once with the larger budget; Soundex is asked only when the
        // answer depends on it.
        const plain = allowedEdits(want);
        const soundsAlikeAllowed = total === 0 && want.length >= 5;
        const d = got === want ? 0 : editDistance(got, want, soundsAlikeAllowed ? Math.max(2, plain) : plain);
        const max = soundsAlikeAllowed && d > Math.min(2, plain) && d <= Math.max(2, plain) && soundex(got) === soundex(want) ? 2 : plain;
        if (d > max || (total += d) > 2) ok = false;
        if (d === 0) exactWords++;
        pos = nextWord.end;
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

function push<T>(table: Map<number, T[]> | Array<T[] | undefined>, key: number, value: T) {
  const list = table instanceof Map ? table.get(key) : table[key];
  if (list) list.push(value);
  else if (table instanceof Map) table.set(key, [value]);
  else table[key] = [value];
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

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

function skipUrl(text: string, i: number): number {
  while (i < text.length && !isSpaceChar(text.charCodeAt(i)) && text[i] !== ')' && text[i] !== '>') i++;
  return i;
}

/** Whether the folded first two characters of the word at `start` (low bytes) begin some prefix term. */
function prefixPairHit(pairs: Uint8Array, text: string, start: number): boolean {
  const pair = ((foldChar(text.charCodeAt(start)) & 0xff) << 8) | (foldChar(text.charCodeAt(start + 1)) & 0xff);
  return (pairs[pair >> 3] & (1 << (pair & 7))) !== 0;
}
