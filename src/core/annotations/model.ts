// The annotation model shared by anchoring, the sidecar format and the sidecar store.
// Offsets are UTF-16 code units into the review text after a leading BOM is dropped
// (what VS Code's document.offsetAt counts), like everywhere else in the core.

import type { Mention } from '../mentions/types';

/** The sidecar format version this code reads and writes. */
export const SIDECAR_VERSION = 1;

/**
 * Where an annotation sits, recorded redundantly (quote + context + offsets) so it can be found
 * again after the review text is edited — the W3C TextQuoteSelector plus a TextPositionSelector.
 */
export interface TextTarget {
  /** The annotated text itself. */
  quote: string;
  /** Up to ~32 characters just before the quote (fewer at the start of the text). */
  prefix: string;
  /** Up to ~32 characters just after the quote (fewer at the end of the text). */
  suffix: string;
  /** Offset of the quote's first code unit when it was last anchored. */
  start: number;
  /** Offset just past the quote when it was last anchored. */
  end: number;
}

/** A link to an annotation in another (or the same) review; both sides record it. */
export interface AnnotationLink {
  /** The other review, as a '/'-separated path relative to this review's folder. */
  review: string;
  /** The other annotation's id. */
  id: string;
}

export interface Annotation {
  /** Short, stable, unique within its sidecar, e.g. `a1b2c3`. */
  id: string;
  tags: string[];
  note: string;
  target: TextTarget;
  links: AnnotationLink[];
  /** ISO 8601 timestamps. `modified` changes on user edits, not on re-anchoring. */
  created: string;
  modified: string;
  /**
   * Set when the passage could not be found with enough confidence: the annotation keeps its
   * last target (quote and offsets) untouched and waits for a person to re-attach or delete it.
   */
  orphan?: boolean;
  /**
   * Set by the merge driver when two people changed the same field differently: the annotation
   * holds one version (ours) and this records the other, until a person resolves it.
   */
  conflicts?: MergeConflict[];
}

/** One unresolved difference recorded by a three-way merge (docs/sidecar-format.md, "Merging"). */
export interface MergeConflict {
  /** The field both sides changed (`note`, `tags`, `links`, `target`, a key of your own), or `annotation` when one side deleted it. */
  field: string;
  /** The other side's value (theirs, when ours was kept); absent when the other side deleted the annotation. */
  theirs?: unknown;
  /** For `annotation`: which side deleted it (the other side's changed version was kept). */
  deletedBy?: 'ours' | 'theirs';
  /** The value both started from, when there was one. */
  base?: unknown;
}

/** A mention as written to the sidecar (regenerated on every write; never edited by hand). */
export type SidecarMention = Pick<Mention, 'entity' | 'kind' | 'start' | 'end' | 'text'>;

export interface Sidecar {
  version: typeof SIDECAR_VERSION;
  /** File name of the review this sidecar belongs to (no folder). */
  review: string;
  /** `sha256:<hex>` of the review text (UTF-8, BOM dropped) the offsets refer to. */
  textHash: string;
  annotations: Annotation[];
  mentions: SidecarMention[];
  /** Top-level keys of your own that both sides of a merge changed differently. */
  conflicts?: MergeConflict[];
}

/** A span of the review text (UTF-16 offsets). */
export interface AnchorPlace {
  start: number;
  end: number;
}

/**
 * Set on a found passage when another place right next to it (within NEXT_DOOR_GAP characters)
 * would have been accepted too: a copy of the passage pasted beside it with its old context on
 * one side. The text then reads the same whichever is the original, so the choice is flagged
 * rather than made silently: the editor shows a warning, `check` names both places.
 */
export interface Ambiguity {
  /** The other places the passage could be, in text order. */
  ambiguous?: AnchorPlace[];
}

/** How reanchor() found (or failed to find) an annotation's passage in the current text. */
export type AnchorResult =
  /** The stored offsets still hold the quote. */
  | ({ kind: 'exact-position'; start: number; end: number; score: number } & Ambiguity)
  /** The quote was found verbatim somewhere else (best context, nearest the old offsets). */
  | ({ kind: 'exact-quote'; start: number; end: number; score: number } & Ambiguity)
  /** An approximate match of the quote, scored above the minimum. */
  | ({ kind: 'fuzzy'; start: number; end: number; score: number; quoteSimilarity: number } & Ambiguity)
  /** Nothing scored high enough; `bestScore` is the best rejected candidate's score, if any. */
  | { kind: 'orphan'; bestScore?: number };

/** A problem in a sidecar, positioned for the Problems panel and terminals (1-based). */
export interface SidecarError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** "file:line:col: message" — the form editors and terminals link. */
export function formatSidecarError(e: SidecarError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}
