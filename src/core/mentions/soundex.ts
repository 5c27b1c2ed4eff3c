// American Soundex: names that sound alike share a code (Jonze and Jones are J520; Morton and
// Morgan are not). Used only to allow one more edit in a misspelt surname that still sounds right.

const CODES: Record<string, string> = {
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3',
  l: '4',
  m: '5', n: '5',
  r: '6',
};

export function soundex(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return '';
  let out = w[0].toUpperCase();
  let last = CODES[w[0]] ?? '';
  for (let i = 1; i < w.length && out.length < 4; i++) {
    const ch = w[i];
    const code = CODES[ch] ?? '';
    if (code && code !== last) out += code;
    // h and w do not separate equal codes; vowels do.
    if (ch !== 'h' && ch !== 'w') last = code;
  }
  return out.padEnd(4, '0');
}
