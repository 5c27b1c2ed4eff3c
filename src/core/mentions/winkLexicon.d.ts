// wink-lexicon ships no types. Its lexicon maps a lower-case word to its Penn Treebank tags, the
// most frequent first.
declare module 'wink-lexicon/src/lexicon.js' {
  const lexicon: Record<string, string[]>;
  export = lexicon;
}
