// The part-of-speech signal for the title rules: does a verb follow a title used as a subject
// ("Up answers …", "Her plays with …"), or a noun follow the pronoun ("Her hands shake")? Read from
// a tagged English word list (wink-lexicon's Penn Treebank lexicon: word → tags, most frequent
// first) with a few rules of English clause shape. docs/nlp-evaluation.md says why this and not a
// statistical tagger: on our labelled titles it is as accurate, ~50× smaller and ~100× faster.

import { POS_TAGS_USED } from './posTagsUsed';
import type { VerbSignal } from './titleContext';
import type { TitleRules } from './titleRules';
import { isApostrophe, isUpper, isWordChar } from './wordScanner';

/** Tags that can make a word the finite verb of a clause with a singular subject. */
const FINITE = new Set(['VBZ', 'VBD', 'MD']);
/** Tags of any finite verb (a plural subject takes VBP: "Her hands shake"). */
const ANY_FINITE = new Set(['VBZ', 'VBD', 'VBP', 'MD']);
const ADVERB = new Set(['RB', 'RBR', 'RBS']);
const NOUNISH = new Set(['NN', 'NNS', 'JJ', 'JJR', 'JJS', 'NNP', 'CD']);
const NOUN = new Set(['NN', 'NNS', 'NNP', 'NNPS']);
const CLOSED_CLASS = new Set(['IN', 'DT', 'PDT', 'CC', 'PRP', 'PRP$', 'TO', 'EX', 'WDT', 'WP', 'WP$', 'WRB', 'RP', 'UH', 'POS', 'CD']);
/** Leading tags that rule a word out as a later verb: "down", "that", "in". */
const NOT_LATER_VERB = new Set(['RB', 'RBR', 'RBS', 'IN', 'RP', 'DT', 'PDT', 'PRP', 'PRP$', 'CC', 'TO', 'CD', 'WDT', 'WP', 'WRB', 'EX', 'UH', 'JJ', 'JJR', 'JJS']);
/**
 * Words after which a later verb is not this clause's: a noun phrase starts ("lands its biggest
 * scare", "works on two levels"), or a clause of its own ("plays like a nightmare you half remember").
 */
const CLAUSE_BREAKS = new Set(`the a an this these those its his her their our my your every each no some any
one two three four five six seven eight nine ten and or but nor yet so while whereas because although though
when where which who whom whose that if as than i you he she we they it`.split(/\s+/));

export { POS_TAGS_USED };

export type TaggedWords = Record<string, readonly string[]>;

interface Word {
  start: number;
  end: number;
  text: string;
}

function readWord(text: string, i: number): Word | undefined {
  let start = i;
  while (start < text.length && (text[start] === ' ' || text[start] === '\u00a0' || text[start] === '\t')) start++;
  let end = start;
  while (end < text.length && (isWordChar(text.charCodeAt(end)) || (isApostrophe(text.charCodeAt(end)) && isWordChar(text.charCodeAt(end + 1))))) end++;
  if (end === start) return undefined;
  return { start, end, text: text.slice(start, end).toLowerCase().replace(/[’‘ʼ]/g, "'") };
}

export class WordListVerbSignal implements VerbSignal {
  private readonly tags: Map<string, readonly string[]>;

  constructor(words: TaggedWords) {
    this.tags = new Map();
    const used = new Set(POS_TAGS_USED);
    for (const word in words) {
      const t = words[word];
      if (t.some((x) => used.has(x))) this.tags.set(word, t);
    }
  }

  tagsOf(word: string): readonly string[] | undefined {
    return this.tags.get(word);
  }

  verbFollows(text: string, _subjectStart: number, subjectEnd: number, wordStart: number, rules: TitleRules): boolean {
    const w = readWord(text, wordStart);
    if (!w) return false;
    return this.readsAsVerb(text, w, rules, 0);
  }

  nounFollows(text: string, _subjectStart: number, _subjectEnd: number, wordStart: number): boolean {
    const w = readWord(text, wordStart);
    if (!w) return false;
    const t = this.tags.get(w.text);
    // Words the list does not keep have no verb or adverb reading: nouns and adjectives.
    return !t || (NOUN.has(t[0]) && !t.some((x) => FINITE.has(x)));
  }

  private readsAsVerb(text: string, w: Word, rules: TitleRules, depth: number): boolean {
    if (rules.notVerbs.has(w.text)) return false;
    if (rules.verbs.has(w.text)) return true;
    if (w.text.endsWith("n't") || /'(ve|d|ll)$/.test(w.text)) return true; // isn't, would've
    const t = this.tags.get(w.text);
    if (!t) return this.unknownReadsAsVerb(text, w);
    if (CLOSED_CLASS.has(t[0])) return false; // "in", "that": never the verb, whatever rare tags they carry
    if (t.includes('MD')) return true;
    // "Her ultimately asks …": an adverb, then the verb.
    if (ADVERB.has(t[0]) && depth === 0) {
      const next = readWord(text, w.end);
      return !!next && next.start > w.end && !isUpper(text.charCodeAt(next.start)) && this.readsAsVerb(text, next, rules, 1);
    }
    if (!t.some((x) => FINITE.has(x))) return false;
    if (!t.some((x) => NOUNISH.has(x))) return true;
    // "stars", "plays", "hands": a noun with a possessive, or the verb of a title? A later verb in
    // the same clause makes it the noun ("Her hands shake"); none, the verb ("Her stars Joaquin Phoenix").
    return !this.laterVerbInClause(text, w);
  }

  /** A word the list does not know: a verb by its shape only when nothing later could be the verb. */
  private unknownReadsAsVerb(text: string, w: Word): boolean {
    if (!/(?:[^su]s|ed)$/.test(w.text) || w.text.length < 4) return false;
    return !this.laterVerbInClause(text, w);
  }

  private laterVerbInClause(text: string, w: Word): boolean {
    let prev = w;
    for (let n = 0; n < 8; n++) {
      const next = readWord(text, prev.end);
      if (!next) return false;
      const gap = text.slice(prev.end, next.start);
      if (/[.,;:!?—–()"“”]/.test(gap) || gap.includes('\n')) return false;
      if (isUpper(text.charCodeAt(next.start))) return false; // a name: the object of a verb ("stars Joaquin Phoenix")
      if (n === 0 && (next.text === 'and' || next.text === 'or')) return true; // "Her needs and desires grow": nouns
      if (CLAUSE_BREAKS.has(next.text) || /^[0-9]/.test(next.text)) return false;
      const t = this.tags.get(next.text);
      if (t && t.some((x) => ANY_FINITE.has(x)) && !NOT_LATER_VERB.has(t[0]) && prev.text !== 'to') return true;
      prev = next;
    }
    return false;
  }
}
