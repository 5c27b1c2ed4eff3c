// Wraps a run of inline tokens in open/close tokens without breaking their nesting: where the run
// crosses the edge of an element (emphasis, a link, another mark), it is cut into several wraps,
// one per stretch of tokens at one level.

import type MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/** Index of the token closing the one opened at `i`, or -1 if it is not in the list. */
function closingIndex(tokens: Token[], i: number): number {
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    depth += tokens[j].nesting;
    if (depth === 0) return j;
  }
  return -1;
}

/** Maximal well-nested stretches [from, to) of tokens[start, end). */
export function nestedFragments(tokens: Token[], start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  let i = start;
  while (i < end) {
    const t = tokens[i];
    if (t.nesting === 1) {
      const j = closingIndex(tokens, i);
      if (j >= 0 && j < end) {
        i = j + 1;
        continue;
      }
    }
    if (t.nesting !== 0) {
      // an element opened here closes after the run, or one closing here opened before it
      if (from < i) out.push([from, i]);
      i++;
      from = i;
      continue;
    }
    i++;
  }
  if (from < end) out.push([from, end]);
  return out;
}

/** Whether tokens[from, to) show any text (a wrap around nothing is left out). */
export function showsText(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if ((t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline') && t.content.length > 0) return true;
    if (t.type === 'image') return true;
  }
  return false;
}

/** Depth of links open at `index` (from the start of the list). */
export function linkDepthAt(tokens: Token[], index: number): number {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    if (tokens[i].type === 'link_open') depth++;
    else if (tokens[i].type === 'link_close') depth--;
  }
  return depth;
}

export function containsLink(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i].type === 'link_open') return true;
  return false;
}

/**
 * Wraps tokens[start, end) in place: `make(from, to)` gives the open and close tokens of one
 * wrap. Returns how many tokens were inserted.
 */
export function wrapRun(tokens: Token[], start: number, end: number, make: (from: number, to: number) => [Token, Token]): number {
  const fragments = nestedFragments(tokens, start, end)
    .map(([f, t]) => {
      // other marks' boundaries at the edges stay outside, so their wraps need not split this one
      while (f < t && tokens[f].type === 'marginalia_boundary') f++;
      while (t > f && tokens[t - 1].type === 'marginalia_boundary') t--;
      return [f, t] as [number, number];
    })
    .filter(([f, t]) => showsText(tokens, f, t));
  for (let k = fragments.length - 1; k >= 0; k--) {
    const [from, to] = fragments[k];
    const [open, close] = make(from, to);
    open.level = close.level = tokens[from].level;
    tokens.splice(to, 0, close);
    tokens.splice(from, 0, open);
  }
  return fragments.length * 2;
}
