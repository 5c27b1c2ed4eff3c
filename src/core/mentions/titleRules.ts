// The words the title rules look for, as data: defaults here, extended per film by the lexicon's
// `titleContext` key (docs/lexicon-format.md). Closed word classes (determiners, prepositions,
// subject pronouns) and the vocabulary of review headings; no list of verbs (that comes from the
// part-of-speech data, see partOfSpeech.ts).

export interface TitleContextWords {
  /** Nouns that introduce a title: "the film Us", "the movie Up". */
  filmNouns: string[];
  /** Words of review headings right after a title: "Us Review", "Nope [review]", "UP - my review". */
  reviewWords: string[];
  /** Words of audience ratings before "& Up" / "and Up": "Kids & Up", "Ages 6 and Up". */
  audienceWords: string[];
  /** Verbs of speaking, which make a quoted word dialogue: “Nope,” OJ says. */
  speechVerbs: string[];
  /** Pronouns that are subjects: before a verb they are still the pronoun ("It opens with …"). */
  subjectPronouns: string[];
  /** Words before which a word in capitals is an abbreviation, not the title: "the US", "in IT". */
  beforeAbbreviation: string[];
  /** Words to read as verbs after a title, beyond the part-of-speech data. */
  verbs: string[];
  /** Words never to read as verbs after a title. */
  notVerbs: string[];
}

export const DEFAULT_TITLE_CONTEXT_WORDS: TitleContextWords = {
  filmNouns: ['film', 'movie', 'picture', 'feature', 'romance', 'drama', 'comedy', 'masterpiece', 'title', 'flick', 'screenplay', 'script', 'release', 'titled', 'called', 'entitled', 'documentary', 'thriller', 'western', 'sequel', 'remake', 'adaptation'],
  reviewWords: ['review', 'reviews', 'reviewed', 'recap', 'explained', 'analysis', 'verdict', 'rating', 'spoilers', 'critique', 'essay', 'notes', 'movie', 'film'],
  audienceWords: ['kids', 'kid', 'children', 'ages', 'age', 'teens', 'teenagers', 'adults', 'families', 'everyone', 'all', 'years', 'yrs', 'grade', 'grades'],
  speechVerbs: ['says', 'said', 'asks', 'asked', 'replies', 'replied', 'answers', 'answered', 'shouts', 'shouted', 'yells', 'yelled', 'mutters', 'muttered', 'whispers', 'whispered', 'tells', 'told', 'cries', 'cried', 'snaps', 'snapped', 'sighs', 'sighed', 'laughs', 'laughed', 'adds', 'added', 'insists', 'insisted'],
  subjectPronouns: ['i', 'you', 'he', 'she', 'it', 'we', 'they'],
  beforeAbbreviation: ['the', 'a', 'an', 'in', 'at', 'of', 'for', 'from', 'to', 'on', 'across', 'throughout', 'into', 'outside', 'inside', 'within', 'around', 'by', 'via', 'non', 'pan', 'our', 'their', 'your', 'my', 'his', 'her', 'its'],
  verbs: [],
  notVerbs: [],
};

export const TITLE_CONTEXT_KEYS = Object.keys(DEFAULT_TITLE_CONTEXT_WORDS) as Array<keyof TitleContextWords>;

/** The words as sets of lower-case strings, for lookups on the title's neighbours. */
export type TitleRules = { readonly [K in keyof TitleContextWords]: ReadonlySet<string> };

export function titleRules(extra: Partial<TitleContextWords> = {}): TitleRules {
  const out = {} as { [K in keyof TitleContextWords]: Set<string> };
  for (const key of TITLE_CONTEXT_KEYS) {
    out[key] = new Set([...DEFAULT_TITLE_CONTEXT_WORDS[key], ...(extra[key] ?? [])].map((w) => w.toLowerCase()));
  }
  for (const w of out.verbs) out.notVerbs.delete(w);
  return out;
}

export const DEFAULT_TITLE_RULES = titleRules();
