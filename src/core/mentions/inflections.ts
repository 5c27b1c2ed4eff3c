// Regular English inflections of theme terms, so a lexicon lists `lonely` and the engine also
// finds `loneliness`. Only suffixes that keep the meaning: no -ly or -ness on arbitrary words
// (real → really, love → lovely are other words).

export function inflect(word: string): string[] {
  const w = word;
  const out = new Set<string>([w]);
  const lower = w.toLowerCase();
  const last = lower[lower.length - 1];
  const prev = lower[lower.length - 2] ?? '';
  const vowel = (ch: string) => 'aeiou'.includes(ch);
  if (last === 'y' && !vowel(prev)) {
    const stem = w.slice(0, -1);
    for (const s of ['ies', 'ied', 'iness', 'ier', 'iest']) out.add(stem + s);
    out.add(w + 'ing');
  } else if (last === 'e') {
    for (const s of ['s', 'd', 'r', 'rs']) out.add(w + s);
    out.add(w.slice(0, -1) + 'ing');
  } else if (/(s|x|z|ch|sh)$/.test(lower)) {
    for (const s of ['es', 'ed', 'ing']) out.add(w + s);
  } else {
    for (const s of ['s', 'ed', 'ing', 'er', 'ers']) out.add(w + s);
  }
  return [...out];
}
