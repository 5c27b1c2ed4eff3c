// Re-anchoring: finding an annotation's passage again after the review text was edited.
//
// The approach is the Hypothesis client's (src/annotator/anchoring/match-quote.ts): a target is a
// quote with ~32 characters of context on each side plus the old offsets; candidates are scored on
// quote similarity (weight 50), prefix (20), suffix (20) and closeness to the old offsets (2),
// normalised to 0..1. Unlike Hypothesis, which always takes the best candidate (its bug #7571:
// annotations silently land on look-alike passages), a candidate is accepted only above a minimum
// score and with one side of its context unchanged; otherwise the annotation becomes an
// orphan, which the caller keeps and flags. docs/sidecar-format.md explains this to users.

import approxSearch from 'approx-string-match';
import type { AnchorPlace, AnchorResult, TextTarget } from './model';
import { nfcView } from './normalizedText';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Minimum score (0..1) for accepting a candidate (Hypothesis's weights, normalised). With those
 * weights a verbatim quote with one side of its context intact scores at least
 * (50 + 20 + 0 + 0) / 92 = 0.76, so it is kept even when the other side was rewritten; the same
 * words in an unrelated place (0.2–0.4 per side against 32 characters of the same review) score
 * at most (50 + 2·8 + 2) / 92 = 0.74. A fuzzy match with one side intact needs the quote and the
 * other side to bring 0.75·92 − 22 = 47 of their 70 points: a 94 %-similar quote alone, or an
 * 80 %-similar one with a third of the other side.
 */
export const DEFAULT_MIN_SCORE = 0.75;

/**
 * A fuzzy match must keep at least this share of the quote (1 − errors / quote length); it also
 * sets the edit budget of the search (quote length / 4).
 */
export const DEFAULT_MIN_QUOTE_SIMILARITY = 0.75;

/**
 * How much of the better context side must match (1 − edits / length): 1, i.e. at least one side
 * of the surrounding text is unchanged (line endings and non-breaking spaces compared loosely).
 * The score alone lets a short quote ("means", "Samantha") land on another occurrence whose
 * neighbours nearly match — reviews repeat themselves ("It means coming to terms with who you
 * are … It means coming to terms with whom you want") — and even a 0.95 tolerance (one edit in
 * 32 characters) let such look-alikes through in the property test. A side that no edit reached
 * is verbatim, so this costs only passages edited on both sides, which become orphans.
 */
export const DEFAULT_MIN_CONTEXT_AGREEMENT = 1;

/**
 * Quotes shorter than this are only matched verbatim: in a few words, a quarter of the characters
 * changed makes another phrase ("you are and" / "you want and"), so an edited short quote is
 * orphaned rather than matched fuzzily.
 */
const MIN_FUZZY_QUOTE_LENGTH = 16;

/** Edit budget cap, so a very long quote is not matched by something a quarter different. */
const MAX_ERRORS_CAP = 128;

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

/** A virtual character standing for the start or end of the text (see contextSimilarity). */
const TEXT_EDGE = '\u0003';

export interface ReanchorOptions {
  /** Minimum normalised score (0..1) for accepting a candidate. Default DEFAULT_MIN_SCORE. */
  minScore?: number;
  /** Minimum quote similarity for a fuzzy candidate. Default DEFAULT_MIN_QUOTE_SIMILARITY. */
  minQuoteSimilarity?: number;
  /** Minimum agreement (0..1) of the better context side. Default DEFAULT_MIN_CONTEXT_AGREEMENT. */
  minContextAgreement?: number;
}

/** Builds a target for text[start, end): the quote plus up to CONTEXT_LENGTH characters each side. */
export function makeTarget(text: string, start: number, end: number): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid range ${start}..${end} for a text of length ${text.length}`);
  }
  let from = Math.max(0, start - CONTEXT_LENGTH);
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  // Never cut a surrogate pair in half (an emoji would turn into garbage in the YAML); widen
  // instead of narrowing, because a context shorter than CONTEXT_LENGTH means "text boundary".
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  return { quote: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to), start, end };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

interface Candidate {
  start: number;
  end: number;
  quoteSimilarity: number;
  prefixScore: number;
  suffixScore: number;
  score: number;
}

/**
 * Finds target in text: stored offsets, then the verbatim quote, then a fuzzy match; else orphan.
 * When nothing is found as the code units stand and either side is not in Unicode NFC (a review
 * or a sidecar that went through an NFD tool), both are compared in NFC and what is found is
 * mapped back to offsets in `text` as it is.
 */
export function reanchor(text: string, target: TextTarget, options: ReanchorOptions = {}): AnchorResult {
  // A side shorter than CONTEXT_LENGTH was cut by the edge of the text (see contextSimilarity);
  // decided on the stored side as written, since NFC may shorten it.
  const edges: Edges = { prefix: target.prefix.length < CONTEXT_LENGTH, suffix: target.suffix.length < CONTEXT_LENGTH };
  const direct = anchorIn(text, target, options, edges);
  if (direct.kind !== 'orphan') return direct;
  const view = nfcView(text);
  const nfc = { quote: target.quote.normalize('NFC'), prefix: target.prefix.normalize('NFC'), suffix: target.suffix.normalize('NFC') };
  if (view.identical && nfc.quote === target.quote && nfc.prefix === target.prefix && nfc.suffix === target.suffix) return direct;
  const found = anchorIn(view.text, { ...nfc, start: view.fromOriginal(target.start), end: view.fromOriginal(target.end) }, options, edges);
  if (found.kind === 'orphan') return direct;
  const start = view.toOriginal(found.start, 'start');
  const end = view.toOriginal(found.end, 'end');
  const flag = found.ambiguous ? { ambiguous: found.ambiguous.map((p) => ({ start: view.toOriginal(p.start, 'start'), end: view.toOriginal(p.end, 'end') })) } : {};
  if (found.kind === 'fuzzy') return { ...found, start, end, ...flag };
  const kind = start === target.start && end === target.end && text.slice(start, end) === target.quote ? 'exact-position' : 'exact-quote';
  return { kind, start, end, score: found.score, ...flag };
}

/** Whether the stored prefix and suffix were cut short by the start and end of the text. */
interface Edges {
  prefix: boolean;
  suffix: boolean;
}

function anchorIn(text: string, target: TextTarget, options: ReanchorOptions, edges: Edges): AnchorResult {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const minQuoteSimilarity = options.minQuoteSimilarity ?? DEFAULT_MIN_QUOTE_SIMILARITY;
  const minContext = options.minContextAgreement ?? DEFAULT_MIN_CONTEXT_AGREEMENT;
  const { quote, prefix, suffix } = target;
  if (quote.length === 0) return { kind: 'orphan' };
  const scorer = new CandidateScorer(text, target, edges);

  // Where the stored prefix and suffix now meet verbatim, the passage was deleted from between
  // them; the end of the prefix (or start of the suffix) may resemble the quote and would come
  // with a perfect suffix (prefix), so no candidate may lie in such a seam.
  const prefixAt = prefix.length >= CONTEXT_LENGTH / 2 ? findAll(text, prefix, 8) : [];
  const suffixAt = suffix.length >= CONTEXT_LENGTH / 2 ? findAll(text, suffix, 8) : [];
  const seams = prefixAt.map((p) => p + prefix.length).filter((q) => suffixAt.includes(q));
  const inSeam = (c: Candidate) => seams.some((q) => c.start < q + suffix.length && c.end > q - prefix.length);
  const acceptable = (c: Candidate) =>
    c.score >= minScore &&
    c.quoteSimilarity >= minQuoteSimilarity &&
    Math.max(c.prefixScore, c.suffixScore) >= minContext &&
    !inSeam(c);
  const toResult = (c: Candidate, pool: Candidate[]): AnchorResult => {
    const ambiguous = rivalsOf(c, pool.filter(acceptable));
    const flag = ambiguous.length > 0 ? { ambiguous } : {};
    if (c.quoteSimilarity < 1) {
      return { kind: 'fuzzy', start: c.start, end: c.end, score: c.score, quoteSimilarity: c.quoteSimilarity, ...flag };
    }
    const kind = c.start === target.start && c.end === target.end ? 'exact-position' : 'exact-quote';
    return { kind, start: c.start, end: c.end, score: c.score, ...flag };
  };
  const exactCandidates = () => exact.map((s) => scorer.score(s, s + quote.length, 1));
  // Rivals of a passage found at its stored offsets must have a side intact, which is cheap to
  // test; scoring every occurrence of a short quote (a name) costs an approximate search each.
  const possibleRivals = () =>
    exact.filter((s) => minContext < 1 || scorer.sideIntact(s, s + quote.length)).map((s) => scorer.score(s, s + quote.length, 1));

  // 1) The stored offsets still hold the quote. Accepted if its context still agrees, or if a
  //    long quote occurs nowhere else: the same words at the same place, with nothing to
  //    confuse them with, are the passage even when both neighbours were rewritten.
  const exact = findAll(text, quote);
  if (text.slice(target.start, target.end) === quote) {
    const here = scorer.score(target.start, target.end, 1);
    if (acceptable(here) || (exact.length === 1 && quote.length >= CONTEXT_LENGTH)) return toResult(here, exact.length > 1 ? possibleRivals() : []);
  }

  // 2) The verbatim quote elsewhere: the occurrence with the best context, nearest the old offsets.
  const candidates = exactCandidates();
  const bestExact = best(candidates.filter(acceptable));
  if (bestExact) return toResult(bestExact, candidates);

  // 3) A fuzzy match. approx-string-match only returns the matches with the globally fewest
  //    errors, so a near-verbatim look-alike far away would hide the edited passage; searching
  //    also near the old offsets and next to where the context survived verbatim finds it.
  const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(quote.length * (1 - minQuoteSimilarity)));
  if (maxErrors > 0 && quote.length >= MIN_FUZZY_QUOTE_LENGTH) {
    const seen = new Set<number>();
    const reach = quote.length + maxErrors;
    const searchIn = (from: number, to: number) => {
      from = Math.max(0, from);
      to = Math.min(text.length, to);
      if (to - from < quote.length - maxErrors) return;
      for (const m of approxSearch(text.slice(from, to), quote, maxErrors)) {
        if (m.errors === 0 || m.end <= m.start) continue; // verbatim ones are already candidates
        const key = (from + m.start) * (text.length + 1) + from + m.end;
        if (seen.has(key)) continue;
        seen.add(key);
        candidates.push(scorer.score(from + m.start, from + m.end, 1 - m.errors / quote.length));
      }
    };
    searchIn(0, text.length);
    searchIn(target.start - reach, target.start + 2 * reach);
    for (const p of prefixAt) searchIn(p + prefix.length, p + prefix.length + reach);
    for (const s of suffixAt) searchIn(s - reach, s);
  }
  const top = best(candidates.filter(acceptable));
  if (top) return toResult(top.quoteSimilarity < 1 ? snapToWords(text, target, top) : top, candidates);
  const rejected = best(candidates);
  return rejected ? { kind: 'orphan', bestScore: rejected.score } : { kind: 'orphan' };
}

/**
 * An approximate match's edges fall wherever the fewest edits put them, often mid-word ("a
 * solitary man" edited to "one solitary man" matches "e solitary man"). When the quote began or
 * ended at a word edge, the match's edge is moved to the nearest word edge outward (at most a few
 * characters), or past the spaces it starts or ends with.
 */
function snapToWords(text: string, target: TextTarget, c: Candidate): Candidate {
  const MAX_SHIFT = 8;
  const { quote, prefix, suffix } = target;
  let { start, end } = c;
  if (isWordChar(quote, 0) && !isWordChar(prefix, prefix.length - 1)) {
    let s = start;
    while (s > c.start - MAX_SHIFT && isWordChar(text, s - 1) && isWordChar(text, s)) s--;
    if (!isWordChar(text, s - 1)) start = s;
    while (start < end - 1 && start < c.start + MAX_SHIFT && /\s/.test(text[start])) start++;
  }
  if (isWordChar(quote, quote.length - 1) && !isWordChar(suffix, 0)) {
    let e = end;
    while (e < c.end + MAX_SHIFT && isWordChar(text, e - 1) && isWordChar(text, e)) e++;
    if (!isWordChar(text, e)) end = e;
    while (end > start + 1 && end > c.end - MAX_SHIFT && /\s/.test(text[end - 1])) end--;
  }
  return { ...c, start, end };
}

function isWordChar(s: string, i: number): boolean {
  return i >= 0 && i < s.length && /[\p{L}\p{N}_'’-]/u.test(s[i]);
}

/**
 * How far apart (characters between them) two places may be and still be "next door": a copy
 * pasted against the passage, with up to its whole context on one side and some more.
 */
export const NEXT_DOOR_GAP = 3 * CONTEXT_LENGTH;

/**
 * Two acceptable places whose scores are this close (9 of the 92 points) are as good as each
 * other. A passage with both sides of its context intact outscores a copy carrying one side by
 * about 0.15, so an untouched passage is not flagged for a copy elsewhere.
 */
export const AMBIGUOUS_SCORE_MARGIN = 0.1;

/**
 * The other places the passage could as well be: acceptable candidates (each with one side of
 * the context intact) not overlapping the chosen one, that are
 * - right beside it: a copy pasted against the passage, carrying its old context on one side,
 *   leaves a text that reads the same whichever is the original, whatever the scores say;
 * - or anywhere, when the chosen place is not a perfect match (both sides verbatim): the
 *   evidence is split between places that each kept one side;
 * - or anywhere with a score within AMBIGUOUS_SCORE_MARGIN.
 * docs/sidecar-format.md, "Look-alikes".
 */
function rivalsOf(chosen: Candidate, acceptable: Candidate[]): AnchorPlace[] {
  const perfect = chosen.quoteSimilarity === 1 && chosen.prefixScore === 1 && chosen.suffixScore === 1;
  const out = new Map<number, AnchorPlace>();
  for (const c of acceptable) {
    if (c.start < chosen.end && c.end > chosen.start) continue; // overlapping: the same place, give or take
    const gap = c.start >= chosen.end ? c.start - chosen.end : chosen.start - c.end;
    const rival = gap <= NEXT_DOOR_GAP || !perfect || c.score >= chosen.score - AMBIGUOUS_SCORE_MARGIN;
    if (rival && !out.has(c.start)) out.set(c.start, { start: c.start, end: c.end });
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/** Highest score; ties go to the candidate nearest the old offsets (already in the score), then the earliest. */
function best(candidates: Candidate[]): Candidate | undefined {
  let top: Candidate | undefined;
  for (const c of candidates) if (!top || c.score > top.score || (c.score === top.score && c.start < top.start)) top = c;
  return top;
}

/** Start offsets of every occurrence of needle (overlapping ones too), at most `limit`. */
function findAll(text: string, needle: string, limit = Infinity): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1 && out.length < limit; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Scores candidates for one target against one text (the Hypothesis weights, normalised). */
class CandidateScorer {
  constructor(
    private readonly text: string,
    private readonly target: TextTarget,
    private readonly edges: Edges,
  ) {}

  /** Whether the stored prefix or suffix is verbatim (loosely) beside [start, end): score 1 on that side. */
  sideIntact(start: number, end: number): boolean {
    const { text, target } = this;
    return contextWindow(text, start, target.prefix, 'before', this.edges.prefix).matches || contextWindow(text, end, target.suffix, 'after', this.edges.suffix).matches;
  }

  score(start: number, end: number, quoteSimilarity: number): Candidate {
    const { text, target } = this;
    const prefixScore = contextSimilarity(text, start, target.prefix, 'before', this.edges.prefix);
    const suffixScore = contextSimilarity(text, end, target.suffix, 'after', this.edges.suffix);
    const positionScore = Math.max(0, 1 - Math.abs(start - target.start) / Math.max(1, text.length));
    const raw =
      WEIGHT.quote * quoteSimilarity +
      WEIGHT.prefix * prefixScore +
      WEIGHT.suffix * suffixScore +
      WEIGHT.position * positionScore;
    return { start, end, quoteSimilarity, prefixScore, suffixScore, score: raw / WEIGHT_TOTAL };
  }
}

/**
 * How well a stored context side matches the text just before/after `at`.
 *
 * Line endings and non-breaking spaces are compared loosely: a review checked out with CRLF
 * (git's autocrlf) or re-saved by an editor that turns NBSP into spaces is the same text, and a
 * 32-character context with two line breaks would otherwise lose 6 % of its agreement.
 *
 * A stored side shorter than CONTEXT_LENGTH was cut by the edge of the text, and the edge is part
 * of it (TEXT_EDGE): otherwise an empty prefix would match everywhere, and a few characters at
 * the start of the review would count as a whole unchanged side wherever they recur.
 */
function contextSimilarity(text: string, at: number, stored: string, side: 'before' | 'after', cutByEdge: boolean): number {
  const { window, want, matches } = contextWindow(text, at, stored, side, cutByEdge);
  return matches ? 1 : similarity(window, want);
}

/** The text beside `at` to compare with a stored side (see contextSimilarity), and whether it is the same. */
function contextWindow(text: string, at: number, stored: string, side: 'before' | 'after', cutByEdge: boolean): { window: string; want: string; matches: boolean } {
  const before = side === 'before';
  const edge = cutByEdge ? TEXT_EDGE : '';
  const want = before ? edge + loosen(stored) : loosen(stored) + edge;
  // Wide enough for the stored side even if every line break in it gained a \r since.
  const reach = want.length + countLineBreaks(stored);
  const from = before ? at - reach : at;
  const to = before ? at : at + reach;
  let around = loosen(text.slice(Math.max(0, from), Math.min(text.length, to)));
  if (before && from <= 0) around = TEXT_EDGE + around;
  if (!before && to >= text.length) around += TEXT_EDGE;
  const window = before ? around.slice(-want.length) : around.slice(0, want.length);
  return { window, want, matches: want.length === 0 || window === want };
}

function loosen(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
}

function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** 1 − (fewest edits to find `pattern` inside `window`) / pattern length, as Hypothesis does. */
function similarity(window: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (window.length === 0) return 0;
  if (window.includes(pattern)) return 1;
  const matches = approxSearch(window, pattern, pattern.length);
  if (matches.length === 0) return 0;
  return 1 - matches[0].errors / pattern.length;
}
