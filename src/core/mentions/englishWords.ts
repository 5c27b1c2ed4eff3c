// The English word list behind the title rules' part-of-speech signal, read once on first use.
// Bundles carry only the entries the signal reads (esbuild.mjs trims wink-lexicon to words with a
// verb or adverb tag); the tests load the whole list, and POS_TAGS_USED keeps both the same.

import winkLexicon from 'wink-lexicon/src/lexicon.js';
import { WordListVerbSignal } from './partOfSpeech';

let signal: WordListVerbSignal | undefined;

export function englishVerbSignal(): WordListVerbSignal {
  return (signal ??= new WordListVerbSignal(winkLexicon));
}
