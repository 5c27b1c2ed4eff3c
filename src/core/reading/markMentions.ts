// The reading view: a markdown-it plugin for VS Code's Markdown preview that marks a review's
// characters, people, film and (optionally) themes, highlights its annotated passages with their
// note as a tooltip, and links each mark back to its line in the source. A document the resolver
// does not recognise as a review is left exactly as markdown-it renders it.
//
// How offsets survive the parse: see boundaries.ts. Three core rules:
//   marginalia_prepare (before normalize): ask the resolver; write boundary sentinels into the source
//   marginalia_marks (after inline): raw HTML made inert, sentinels turned into wraps, then removed
//   marginalia_safety (last): links with other schemes (linkify's too) dropped, no on* attributes
// markdown-it itself is not imported: VS Code hands its own instance (12.x today) to extendMarkdownIt.

import type MarkdownIt from 'markdown-it';
import { LineMap } from '../text';
import { BoundaryPlanner, chooseAlphabet, decodeSentinels, insertBoundaries, stripEncodedSentinels, stripSentinels, type Boundary, type SentinelAlphabet } from './boundaries';
import { dropEventAttributes, dropUnsafeLinks, makeHtmlInert } from './reviewSafety';
import { containsLink, linkDepthAt, wrapRun } from './wrapRanges';

type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;

export interface ReadingMention {
  entity: string;
  kind: string;
  name: string;
  /** UTF-16 offsets into the text markdown-it is given (CRLF and all). */
  start: number;
  end: number;
}

export interface ReadingAnnotation {
  id: string;
  start: number;
  end: number;
  note?: string;
  tags?: string[];
}

export interface ReviewMarks {
  mentions: ReadingMention[];
  annotations: ReadingAnnotation[];
  /** Themes are marked only when true. */
  showThemes: boolean;
  /**
   * The href of a mark's link back to the source, given the mark's 0-based line. Only a link
   * without a scheme is used (e.g. `review.md#L12`): that is what the preview hands back to the
   * editor; anything else is left out.
   */
  sourceLink(line: number): string;
}

/** Is `src` a review? Its marks if so, undefined otherwise (the output is then left untouched). */
export type ResolveReview = (src: string, env: unknown) => ReviewMarks | undefined;

type MarkRange =
  | { kind: 'mention'; mention: ReadingMention; href?: string }
  | { kind: 'annotation'; annotation: ReadingAnnotation };

interface ReviewParse {
  alphabet?: SentinelAlphabet;
  ranges: MarkRange[];
}

/** One entry per review being parsed, keyed by markdown-it's core state. */
const parses = new WeakMap<StateCore, ReviewParse>();

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Browsers drop ASCII whitespace and control characters from a URL before reading its scheme. */
const hasScheme = (href: string) => HAS_SCHEME.test(href.replace(/[\u0000-\u0020\u007f]/g, ''));

const installed = new WeakSet<MarkdownIt>();

export function markdownItMarginalia(md: MarkdownIt, resolve: ResolveReview): MarkdownIt {
  if (installed.has(md)) return md; // once per engine, however often VS Code asks
  installed.add(md);
  md.core.ruler.before('normalize', 'marginalia_prepare', (state) => {
    if (state.inlineMode) return;
    const marks = resolve(state.src, state.env);
    if (!marks) return;
    const parse = planMarks(state.src, marks);
    parses.set(state, parse);
    if (parse.boundaries.length) state.src = insertBoundaries(state.src, parse.alphabet!, parse.boundaries);
  });
  md.core.ruler.after('inline', 'marginalia_marks', (state) => {
    const parse = parses.get(state);
    if (!parse) return;
    state.tokens = dropUnsafeLinks(makeHtmlInert(state.tokens, state.Token));
    if (parse.alphabet && parse.ranges.length) applyMarks(state, parse, parse.alphabet);
  });
  md.core.ruler.push('marginalia_safety', (state) => {
    if (!parses.has(state)) return;
    state.tokens = dropUnsafeLinks(state.tokens);
    dropEventAttributes(state.tokens);
  });
  const escape = md.utils.escapeHtml;
  md.renderer.rules.marginalia_mention_open = (tokens, idx, _options, _env, self) => {
    const t = tokens[idx];
    const href = (t.meta as { href?: string } | null)?.href;
    return `<span${self.renderAttrs(t)}>` + (href ? `<a class="marginalia-source" href="${escape(href)}">` : '');
  };
  md.renderer.rules.marginalia_mention_close = (tokens, idx) => ((tokens[idx].meta as { href?: string } | null)?.href ? '</a>' : '') + '</span>';
  md.renderer.rules.marginalia_annotation_open = (tokens, idx, _options, _env, self) => `<mark${self.renderAttrs(tokens[idx])}>`;
  md.renderer.rules.marginalia_annotation_close = () => '</mark>';
  return md;
}

/** Which marks can be carried through the parse, and the boundaries to write for them. */
function planMarks(src: string, marks: ReviewMarks): ReviewParse & { boundaries: Boundary[] } {
  const alphabet = chooseAlphabet(src);
  const ranges: MarkRange[] = [];
  const boundaries: Boundary[] = [];
  if (!alphabet) return { alphabet, ranges, boundaries };
  const planner = new BoundaryPlanner(src);
  let lines: LineMap | undefined;
  const add = (range: MarkRange, start: number, end: number) => {
    const id = ranges.length;
    ranges.push(range);
    boundaries.push({ offset: start, id, open: true }, { offset: end, id, open: false });
  };
  let lastEnd = -1;
  const mentions = [...marks.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of mentions) {
    if (m.kind === 'theme' && !marks.showThemes) continue;
    if (m.start < lastEnd || !planner.canMark(m.start, m.end)) continue; // overlaps, or in syntax
    lastEnd = m.end;
    lines ??= new LineMap(src);
    const link = marks.sourceLink(lines.positionAt(m.start).line);
    add({ kind: 'mention', mention: m, href: typeof link === 'string' && link && !hasScheme(link) ? link : undefined }, m.start, m.end);
  }
  for (const a of marks.annotations) {
    const snapped = planner.snap(a.start, a.end);
    if (snapped) add({ kind: 'annotation', annotation: a }, snapped.start, snapped.end);
  }
  return { alphabet, ranges, boundaries };
}

/** A sentinel's place in the parsed tokens. */
interface Place {
  inline: number;
  token: Token;
}

function applyMarks(state: StateCore, parse: ReviewParse, alphabet: SentinelAlphabet): void {
  const inlines: Token[] = [];
  const opens = new Map<number, Place>();
  const closes = new Map<number, Place>();
  for (const t of state.tokens) {
    cleanToken(t, alphabet);
    if (t.type !== 'inline' || !t.children) continue;
    t.children = explode(t.children, alphabet, state, (id, open, token) => {
      const place = { inline: inlines.length, token };
      if (open && !opens.has(id)) opens.set(id, place);
      if (!open && opens.has(id) && !closes.has(id)) closes.set(id, place);
    });
    inlines.push(t);
  }
  // Mentions first: annotations wrap around them or split inside them, never across.
  const order = parse.ranges.map((r, id) => id).sort((a, b) => (parse.ranges[a].kind === 'mention' ? 0 : 1) - (parse.ranges[b].kind === 'mention' ? 0 : 1));
  for (const id of order) {
    const open = opens.get(id);
    const close = closes.get(id);
    if (!open || !close) continue; // a boundary was lost inside code, an attribute or alt text
    const range = parse.ranges[id];
    for (let i = open.inline; i <= close.inline; i++) {
      const children = inlines[i].children!;
      const start = i === open.inline ? children.indexOf(open.token) + 1 : 0;
      const end = i === close.inline ? children.indexOf(close.token) : children.length;
      if (start > end) continue;
      wrapRun(children, start, end, (from, to) => makeWrap(state, range, children, from, to));
    }
  }
  for (const t of inlines) t.children = t.children!.filter((c) => c.type !== 'marginalia_boundary');
}

function makeWrap(state: StateCore, range: MarkRange, children: Token[], from: number, to: number): [Token, Token] {
  if (range.kind === 'mention') {
    const m = range.mention;
    const open = new state.Token('marginalia_mention_open', 'span', 1);
    const close = new state.Token('marginalia_mention_close', 'span', -1);
    open.attrs = [
      ['class', `marginalia-mention marginalia-${m.kind.toLowerCase().replace(/[^a-z0-9-]/g, '')}`],
      ['data-entity', m.entity],
      ['data-start', String(m.start)],
      ['title', `${m.name} — ${m.kind}`],
    ];
    // No anchor inside a link, nor around one: nested anchors are not HTML.
    const inLink = linkDepthAt(children, from) > 0 || containsLink(children, from, to);
    open.meta = close.meta = { href: inLink ? undefined : range.href };
    return [open, close];
  }
  const a = range.annotation;
  const open = new state.Token('marginalia_annotation_open', 'mark', 1);
  const close = new state.Token('marginalia_annotation_close', 'mark', -1);
  open.attrs = [
    ['class', 'marginalia-annotation'],
    ['data-annotation', a.id],
  ];
  const tags = (a.tags ?? []).join(', ');
  const title = [a.note?.trim(), tags].filter(Boolean).join(' — ');
  if (title) open.attrs.push(['title', title]);
  return [open, close];
}

/** Text children split at their sentinels into text and boundary tokens; other children cleaned. */
function explode(children: Token[], alphabet: SentinelAlphabet, state: StateCore, seen: (id: number, open: boolean, token: Token) => void): Token[] {
  const out: Token[] = [];
  for (const c of children) {
    if (c.type !== 'text') {
      cleanToken(c, alphabet);
      out.push(c);
      continue;
    }
    for (const piece of decodeSentinels(alphabet, c.content)) {
      if (typeof piece === 'string') {
        const t = new state.Token('text', '', 0);
        t.content = piece;
        t.level = c.level;
        out.push(t);
      } else {
        const b = new state.Token('marginalia_boundary', '', 0);
        b.level = c.level;
        out.push(b);
        seen(piece.id, piece.open, b);
      }
    }
  }
  return out;
}

/** Removes sentinels from everything a token carries besides its text (code, attributes, alt text). */
function cleanToken(t: Token, alphabet: SentinelAlphabet): void {
  if (t.content) t.content = stripSentinels(alphabet, t.content);
  if (t.info) t.info = stripSentinels(alphabet, t.info);
  if (typeof t.meta === 'string') t.meta = stripSentinels(alphabet, t.meta);
  if (t.attrs) t.attrs = t.attrs.map(([k, v]) => [k, stripSentinels(alphabet, stripEncodedSentinels(alphabet, v))]);
  if (t.type !== 'inline' && t.children) for (const c of t.children) cleanToken(c, alphabet);
}
