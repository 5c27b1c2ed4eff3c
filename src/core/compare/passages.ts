// The passages where reviews mention an entity: each mention's sentence, mentions in one sentence
// kept together, for the comparison view's side-by-side columns.

import { flattenSentence, sentenceAround } from '../sentences';
import type { CompareReview } from './matrix';

export interface Passage {
  /** The sentence's offsets in the review's text. */
  start: number;
  end: number;
  /** 0-based line of `start`. */
  line: number;
  /** The sentence on one line (line breaks become spaces one for one: offsets inside still hold). */
  text: string;
  /** The entity's mentions, as offsets into `text`. */
  mentions: Array<{ start: number; end: number }>;
  /** The sentence was longer than the limit and was cut on that side. */
  cutStart: boolean;
  cutEnd: boolean;
}

export interface ReviewPassages {
  uri: string;
  label: string;
  critic?: string;
  /** Mentions of the entity in this review. */
  count: number;
  passages: Passage[];
}

/**
 * Per review (in the order given), the sentences that mention `entityId`; with `reviewUri`, that
 * review only. Reviews that do not mention the entity are left out.
 */
export function passagesFor(reviews: readonly CompareReview[], entityId: string, reviewUri?: string, maxLength = 600): ReviewPassages[] {
  const out: ReviewPassages[] = [];
  for (const review of reviews) {
    if (reviewUri !== undefined && review.uri !== reviewUri) continue;
    const mentions = review.mentions.filter((m) => m.entity === entityId).sort((a, b) => a.start - b.start);
    if (mentions.length === 0) continue;
    const passages: Passage[] = [];
    // Lines counted as far as the last passage, once (\r\n, \n and a lone \r each end a line).
    let line = 0;
    let counted = 0;
    const lineAt = (offset: number) => {
      const t = review.text;
      for (; counted < offset; counted++) {
        const c = t.charCodeAt(counted);
        if (c === 10 || (c === 13 && t.charCodeAt(counted + 1) !== 10)) line++;
      }
      return line;
    };
    let current: Passage | undefined;
    for (const m of mentions) {
      if (current && m.start < current.end) {
        current.mentions.push({ start: m.start - current.start, end: Math.min(m.end, current.end) - current.start });
        continue;
      }
      const s = sentenceAround(review.text, m.start, m.end, review.bodyStart ?? 0, maxLength);
      current = {
        start: s.start,
        end: s.end,
        line: lineAt(s.start),
        text: flattenSentence(review.text.slice(s.start, s.end)),
        mentions: [{ start: m.start - s.start, end: m.end - s.start }],
        cutStart: s.cutStart,
        cutEnd: s.cutEnd,
      };
      passages.push(current);
    }
    out.push({ uri: review.uri, label: review.label, critic: review.critic, count: mentions.length, passages });
  }
  return out;
}
