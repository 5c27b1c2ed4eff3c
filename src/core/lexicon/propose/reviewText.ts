// A review's body prepared for reading names: markup blanked out (offsets kept), sentences found,
// and the front matter's critic and publication read for bylines.

export interface PreparedReview {
  index: number;
  uri: string;
  /** The whole text with markup (HTML tags, URLs, front matter) replaced by spaces: same offsets. */
  text: string;
  bodyStart: number;
  /** Sentence spans [start, end) over the body, in order. */
  sentences: Array<[number, number]>;
  /** Names from the front matter's critic / publication fields. */
  bylineNames: string[];
}

const SENTENCE_END = /[.!?…]/;

export function prepareReview(index: number, uri: string, raw: string, bodyStart: number): PreparedReview {
  const chars = raw.split('');
  const blank = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  blank(0, bodyStart);
  for (const m of raw.matchAll(/<\/?[A-Za-z!][^>\n]*>/g)) if (m.index! >= bodyStart) blank(m.index!, m.index! + m[0].length);
  for (const m of raw.matchAll(/\b(?:https?:\/\/|www\.)\S+/g)) if (m.index! >= bodyStart) blank(m.index!, m.index! + m[0].length);
  const text = chars.join('');
  return { index, uri, text, bodyStart, sentences: splitSentences(text, bodyStart), bylineNames: frontMatterNames(raw.slice(0, bodyStart)) };
}

function frontMatterNames(front: string): string[] {
  const out: string[] = [];
  for (const m of front.matchAll(/^(?:critic|author|publication|site|byline)\s*:\s*['"]?([^'"\n]+)/gim)) out.push(m[1].trim());
  return out;
}

/** Sentences end at . ! ? … followed by a space or line end (not after an initial or "Dr"), and at blank lines and line ends of short lines. */
function splitSentences(text: string, start: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  const push = (e: number) => {
    const seg = text.slice(s, e);
    const lead = seg.length - seg.trimStart().length;
    const trail = seg.length - seg.trimEnd().length;
    if (seg.trim()) out.push([s + lead, e - trail]);
    s = e;
  };
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      // A line break ends a sentence unless the line is prose wrapped mid-sentence.
      const prevLine = text.slice(text.lastIndexOf('\n', i - 1) + 1, i);
      const next = text[i + 1];
      if (next === '\n' || next === '\r' || prevLine.trim() === '' || prevLine.length < 60 || /[.!?:…"”)]\s*$/.test(prevLine)) push(i + 1);
      continue;
    }
    if (SENTENCE_END.test(ch)) {
      let e = i + 1;
      while (e < text.length && /["”’')\]*_]/.test(text[e])) e++;
      if (e < text.length && text[e] !== ' ' && text[e] !== '\n' && text[e] !== '\r' && text[e] !== '\u00a0') continue;
      if (ch === '.') {
        const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(start, i - 6), i))?.[1] ?? '';
        if (/^(?:Dr|Mr|Mrs|Ms|Sr|Jr|St|Col|Gen|Lt|Sgt|Prof|Dir|vs|No)$/.test(word) || /^\p{Lu}$/u.test(word)) continue;
      }
      push(e);
      i = e - 1;
    }
  }
  push(text.length);
  return out;
}

/** The sentence around `offset`, as written, trimmed to about 240 characters. */
export function sentenceAt(raw: string, review: PreparedReview, offset: number): string {
  const sentence = review.sentences.find(([s, e]) => s <= offset && offset < e) ?? [offset, Math.min(raw.length, offset + 120)];
  let [s, e] = sentence;
  if (e - s > 240) {
    s = Math.max(sentence[0], offset - 100);
    e = Math.min(sentence[1], offset + 140);
  }
  const text = raw.slice(s, e).replace(/\s+/g, ' ').trim();
  return (s > sentence[0] ? '…' : '') + text + (e < sentence[1] ? '…' : '');
}
