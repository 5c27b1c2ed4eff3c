// Gold labels are review text with names marked inline as [[surface|entity-id]], written by
// hand; stripping the marks must give back the review byte for byte.

export interface GoldSpan {
  start: number;
  end: number;
  entity: string;
  text: string;
}

const MARK = /\[\[([^\]|]+)\|([a-z0-9-]+)\]\]/g;

export function parseGold(marked: string): { text: string; spans: GoldSpan[] } {
  let text = '';
  const spans: GoldSpan[] = [];
  let last = 0;
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    spans.push({ start: text.length, end: text.length + m[1].length, entity: m[2], text: m[1] });
    text += m[1];
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  return { text, spans };
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  errors: string[];
}

/** Scores found spans against gold ones; with `text`, each error shows the words around it. */
export function score(gold: GoldSpan[], found: GoldSpan[], label: string, text?: string): Score {
  const around = (s: GoldSpan) => (text ? ` in “${text.slice(Math.max(0, s.start - 30), s.end + 30).replace(/\s+/g, ' ')}”` : '');
  const key = (s: GoldSpan) => `${s.start}:${s.end}:${s.entity}`;
  const goldKeys = new Set(gold.map(key));
  const foundKeys = new Set(found.map(key));
  const errors: string[] = [];
  let tp = 0;
  for (const f of found) {
    if (goldKeys.has(key(f))) tp++;
    else errors.push(`${label}: false positive ${JSON.stringify(f.text)} → ${f.entity} at ${f.start}${around(f)}`);
  }
  for (const g of gold) if (!foundKeys.has(key(g))) errors.push(`${label}: missed ${JSON.stringify(g.text)} → ${g.entity} at ${g.start}${around(g)}`);
  const fp = found.length - tp;
  const fn = gold.length - tp;
  return { tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), errors };
}

export function addScores(a: Score, b: Score): Score {
  const tp = a.tp + b.tp;
  const fp = a.fp + b.fp;
  const fn = a.fn + b.fn;
  return { tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), errors: [...a.errors, ...b.errors] };
}

export const EMPTY_SCORE: Score = { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, errors: [] };
