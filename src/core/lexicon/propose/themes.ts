// Themes: words and two-word phrases the reviews share and ordinary English uses far less
// (SUBTLEX-US counts), grouped by inflection (lonely, loneliness; grief, grieving).

import { isCommonWord } from '../commonWords';
import { englishPerMillion, RARE_PER_MILLION } from '../englishFrequency';
import { englishVerbSignal } from '../../mentions/englishWords';
import type { PreparedReview } from './reviewText';

export interface ThemeCandidate {
  label: string;
  terms: string[];
  count: number;
  reviews: number;
  /** Where the terms occur: [review, offset]. */
  at: Array<[number, number]>;
  score: number;
}

/**
 * The vocabulary of film criticism itself: frequent in every set of reviews, a theme of none.
 * Domain words, not words of any one film; a lexicon's own themes are never proposed again.
 */
const CRITICISM = new Set(`film films movie movies cinema cinematic scene scenes shot shots character characters story stories
plot plots screen screens director directors directed directing actor actors actress actresses performance performances cast
casting audience audiences viewer viewers viewing review reviews reviewer critic critics sequence sequences score soundtrack
script screenplay dialogue moment moments minute minutes hour hours year years time times frame frames camera cameras
ending beginning opening act acts half first second third watch watched watching rewatch theater theatre theaters genre
role roles line lines image images best better worse great good bad little much many thing things something nothing
everything anyone someone people way ways lot bit kind sort part parts point end start rating stars star spoilers spoiler
feature features picture pictures production studio release released trailer sequel franchise filmmaker filmmakers
mother father woman man women men girl boy kids kid child children family life world day days night nights home house
really very quite just even still also never always almost enough rather perhaps`.split(/\s+/));

const WORD = /(?<![\p{L}\p{M}'’-])[\p{Ll}][\p{Ll}\p{M}'’-]*[\p{Ll}](?![\p{L}\p{M}])/gu;

/** Groups inflections: a crude stem good enough to put "lonely" with "loneliness". */
function stem(word: string): string {
  return word
    .replace(/['’]s$/, '')
    .replace(/iness$/, 'y')
    .replace(/ness$/, '')
    .replace(/ies$/, 'y')
    .replace(/(?<=[^aeiou])ied$/, 'y')
    .replace(/(?:ing|ed|es|s|ly)$/, '')
    .replace(/(.)\1$/, '$1')
    .replace(/e$/, '');
}

/** Themes are things and qualities: a word whose usual reading is a verb, an adverb or a determiner is not one. */
function isVerbOrAdverb(word: string): boolean {
  const tags = englishVerbSignal().tagsOf(word.toLowerCase());
  return !!tags && /^(?:VB|RB|MD|IN|DT|PDT|WDT)/.test(tags[0]);
}

export function findThemes(reviews: PreparedReview[], excluded: (word: string) => boolean, limit = 10): ThemeCandidate[] {
  let total = 0;
  type Seen = { forms: Map<string, number>; reviews: Set<number>; at: Array<[number, number]> };
  const words = new Map<string, Seen>();
  const phrases = new Map<string, { reviews: Set<number>; at: Array<[number, number]>; count: number }>();
  for (const r of reviews) {
    const body = r.text.slice(r.bodyStart);
    let prev: { w: string; end: number } | undefined;
    for (const m of body.matchAll(WORD)) {
      total++;
      const w = m[0].replace(/’/g, "'").replace(/'s$/, '');
      const at = r.bodyStart + m.index!;
      const content = w.length >= 4 && !w.includes("'") && !isCommonWord(w) && !CRITICISM.has(w) && !excluded(w) && !isVerbOrAdverb(w);
      if (content) {
        const key = stem(w);
        const e: Seen = words.get(key) ?? { forms: new Map(), reviews: new Set(), at: [] };
        e.forms.set(w, (e.forms.get(w) ?? 0) + 1);
        e.reviews.add(r.index);
        e.at.push([r.index, at]);
        words.set(key, e);
        if (prev && /^ $/.test(r.text.slice(prev.end, at))) {
          const p = `${prev.w} ${w}`;
          const x = phrases.get(p) ?? { reviews: new Set<number>(), at: [] as Array<[number, number]>, count: 0 };
          x.count++;
          x.reviews.add(r.index);
          x.at.push([r.index, at - prev.w.length - 1]);
          phrases.set(p, x);
        }
        prev = { w, end: at + m[0].length };
      } else prev = undefined;
    }
  }
  const perMillion = (n: number) => (n * 1_000_000) / Math.max(1, total);
  const minReviews = reviews.length >= 2 ? 2 : 1;
  const out: ThemeCandidate[] = [];
  for (const [, e] of words) {
    const count = [...e.forms.values()].reduce((a, b) => a + b, 0);
    if (e.reviews.size < minReviews || count < 3) continue;
    const forms = [...e.forms].sort((a, b) => b[1] - a[1]).map(([f]) => f);
    const english = Math.max(RARE_PER_MILLION, Math.min(...forms.map((f) => englishPerMillion(f) || RARE_PER_MILLION)));
    const score = (perMillion(count) / english) * Math.log2(1 + e.reviews.size);
    out.push({ label: forms[0], terms: forms, count, reviews: e.reviews.size, at: e.at, score });
  }
  for (const [p, x] of phrases) {
    if (x.reviews.size < minReviews || x.count < 2) continue;
    const english = Math.max(RARE_PER_MILLION, Math.min(...p.split(' ').map((w) => englishPerMillion(w) || RARE_PER_MILLION)));
    out.push({ label: p, terms: [p], count: x.count, reviews: x.reviews.size, at: x.at, score: (perMillion(x.count) / english) * Math.log2(1 + x.reviews.size) * 1.5 });
  }
  out.sort((a, b) => b.score - a.score);
  // A phrase and its words say one thing: keep whichever ranks first.
  const chosen: ThemeCandidate[] = [];
  for (const t of out) {
    const ws = t.label.split(' ').map(stem);
    if (chosen.some((c) => c.label.split(' ').map(stem).some((w) => ws.includes(w)))) continue;
    chosen.push(t);
    if (chosen.length >= limit) break;
  }
  return chosen;
}
