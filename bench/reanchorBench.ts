// Re-anchoring 1,000 annotations in a 1 MB review after an edit, as a sidecar write or a reload
// from disk does (anchoring.ts reanchor, once per annotation, against the new text), and moving
// them through the edit as the editor does while typing (passageEdits.ts).

import { performance } from 'node:perf_hooks';
import { makeTarget, reanchor } from '../src/core/annotations/anchoring';
import { moveThroughEdit } from '../src/core/annotations/passageEdits';
import type { TextTarget } from '../src/core/annotations/model';
import { mulberry32 } from '../test/unit/random';


export interface ReanchorFigures {
  reviewChars: number;
  annotations: number;
  /** Median ms to re-anchor every annotation after an insertion between passages (all found verbatim). */
  insertionMs: number;
  /** The same in CPU time (steadier than wall time on a shared machine). */
  insertionCpuMs: number;
  wordChangeCpuMs: number;
  /** The same after a word changed inside one passage (that one found by approximate search). */
  wordChangeMs: number;
  /** Median ms to move every annotation through one typed edit (the editor, between saves). */
  moveMs: number;
  outcomes: Record<string, number>;
  /** How often a quote occurs in the review, on average (sentences repeat in a 1 MB review built from the seeds). */
  occurrencesPerQuote: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A string stored flat, as text decoded from a file is (an edited copy made with + is a rope). */
function flat(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

export function reanchorBench(sentences: string[], reviewChars = 1_000_000, annotations = 1000, runs = 5): ReanchorFigures {
  const rand = mulberry32(42);
  let text = '';
  while (text.length < reviewChars) text += sentences[Math.floor(rand() * sentences.length)] + (rand() < 0.2 ? '\n\n' : ' ');
  text = flat(text);
  // Passages of 3–30 words at word edges, spread over the review, none overlapping.
  const targets: TextTarget[] = [];
  const stride = Math.floor(text.length / annotations);
  for (let i = 0; i < annotations; i++) {
    let start = i * stride + Math.floor(rand() * (stride / 2));
    while (start > 0 && /\S/.test(text[start - 1])) start--;
    let end = start;
    for (let words = 3 + Math.floor(rand() * 28); words > 0 && end < (i + 1) * stride - 1; words--) {
      while (end < text.length && /\s/.test(text[end])) end++;
      while (end < text.length && /\S/.test(text[end])) end++;
    }
    if (end > start) targets.push(makeTarget(text, start, end));
  }
  let occurrences = 0;
  for (const t of targets.slice(0, 100)) for (let i = text.indexOf(t.quote); i >= 0; i = text.indexOf(t.quote, i + 1)) occurrences++;

  // An insertion between two passages, 30% of the way in: 70% of the annotations move.
  const insertAt = targets[Math.floor(targets.length * 0.3)].end + 1;
  const inserted = 'A sentence the critic added later, which no annotation covers. ';
  const afterInsertion = flat(text.slice(0, insertAt) + inserted + text.slice(insertAt));
  // A word changed inside a passage of several words, 70% of the way in.
  const victim = targets.slice(Math.floor(targets.length * 0.7)).find((t) => t.quote.split(' ').length >= 8)!;
  const word = victim.start + victim.quote.indexOf(' ', victim.quote.length / 2) + 1;
  const wordEnd = text.indexOf(' ', word);
  const afterWordChange = flat(text.slice(0, word) + 'remarkably' + text.slice(wordEnd));

  const outcomes: Record<string, number> = {};
  const cpu: Record<string, number[]> = { insertion: [], wordChange: [] };
  const time = (edited: string, count: boolean, cpuTimes: number[]) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const target of targets) {
      const r = reanchor(edited, target);
      if (count) outcomes[r.kind] = (outcomes[r.kind] ?? 0) + 1;
    }
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
    return performance.now() - t0;
  };
  const insertion: number[] = [];
  const wordChange: number[] = [];
  for (let i = 0; i < runs; i++) {
    insertion.push(time(afterInsertion, i === 0, cpu.insertion));
    wordChange.push(time(afterWordChange, false, cpu.wordChange));
  }
  const moves: number[] = [];
  for (let i = 0; i < 200; i++) {
    const live = targets.map((t) => ({ start: t.start, end: t.end, orphan: false }));
    const t0 = performance.now();
    for (const a of live) moveThroughEdit(a, insertAt, insertAt, 1);
    moves.push(performance.now() - t0);
  }
  return {
    reviewChars: text.length,
    annotations: targets.length,
    insertionMs: median(insertion),
    wordChangeMs: median(wordChange),
    insertionCpuMs: median(cpu.insertion),
    wordChangeCpuMs: median(cpu.wordChange),
    moveMs: median(moves.slice(50)),
    outcomes,
    occurrencesPerQuote: occurrences / 100,
  };
}
