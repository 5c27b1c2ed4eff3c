// The messages between the extension and the comparison view's webview. Everything the webview
// sends is untrusted until `isWebviewMessage` says otherwise: the extension validates each one
// (and still checks that a uri names one of its reviews before opening it).

import type { CompareFilters, CompareMatrix, CompareSort, ReviewPassages } from '../../core/compare';

export type { CompareFilters, CompareMatrix, CompareSort, ReviewPassages };

export const KINDS = ['character', 'person', 'theme', 'film'] as const;
export type Kind = (typeof KINDS)[number];

// ---- extension → webview ----

export interface MatrixMessage {
  type: 'matrix';
  matrix: CompareMatrix;
  filters: CompareFilters;
  sort: CompareSort;
  /** The film's title, for the view's heading. */
  film?: string;
  /** The film's folder (a URI string): kept in the view's state, so a restored view shows the same film. */
  filmUri?: string;
}

export interface PassagesMessage {
  type: 'passages';
  entityId: string;
  /** Set when the passages answer a cell (one review); absent for an entity across every review. */
  reviewUri?: string;
  columns: ReviewPassages[];
}

export type ExtensionToWebview = MatrixMessage | PassagesMessage;

// ---- webview → extension ----

export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'selectCell'; reviewUri: string; entityId: string }
  | { type: 'selectEntity'; entityId: string }
  | { type: 'open'; uri: string; start: number; end: number }
  | { type: 'copyCsv' }
  | { type: 'setFilter'; kinds: Kind[] }
  | { type: 'setSort'; sort: CompareSort };

const MAX_STRING = 4096;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
}

function isText(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= MAX_STRING;
}

function isOffset(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

function hasOnly(x: Record<string, unknown>, keys: string[]): boolean {
  return Object.keys(x).every((k) => keys.includes(k));
}

export function isKind(x: unknown): x is Kind {
  return typeof x === 'string' && (KINDS as readonly string[]).includes(x);
}

export function isSort(x: unknown): x is CompareSort {
  return x === 'count' || x === 'name';
}

/** Whether `x` is a well-formed message from the webview (exact shape, no extra fields). */
export function isWebviewMessage(x: unknown): x is WebviewToExtension {
  if (!isRecord(x)) return false;
  switch (x.type) {
    case 'ready':
    case 'copyCsv':
      return hasOnly(x, ['type']);
    case 'selectCell':
      return hasOnly(x, ['type', 'reviewUri', 'entityId']) && isText(x.reviewUri) && isText(x.entityId);
    case 'selectEntity':
      return hasOnly(x, ['type', 'entityId']) && isText(x.entityId);
    case 'open':
      return hasOnly(x, ['type', 'uri', 'start', 'end']) && isText(x.uri) && isOffset(x.start) && isOffset(x.end) && x.start <= x.end;
    case 'setFilter':
      return (
        hasOnly(x, ['type', 'kinds']) &&
        Array.isArray(x.kinds) &&
        x.kinds.length <= KINDS.length &&
        x.kinds.every(isKind) &&
        new Set(x.kinds).size === x.kinds.length
      );
    case 'setSort':
      return hasOnly(x, ['type', 'sort']) && isSort(x.sort);
    default:
      return false;
  }
}

// ---- what the webview keeps across reloads (vscode.setState) ----

export type Selection = { kind: 'cell'; reviewUri: string; entityId: string } | { kind: 'entity'; entityId: string };

export interface PersistedState {
  version: 1;
  filters: CompareFilters;
  sort: CompareSort;
  selection?: Selection;
  /** Focused grid position: row -1 is the header row, column -1 the row headers. */
  focus: { row: number; col: number };
  /** The film shown (its folder's URI string), when the extension said. */
  filmUri?: string;
}

/**
 * The state a webview saved, validated: the webview reads it back on reload, and the extension's
 * WebviewPanelSerializer gets it to restore the filters and sort. Anything malformed gives undefined.
 */
export function readPersistedState(x: unknown): PersistedState | undefined {
  if (!isRecord(x) || x.version !== 1 || !isRecord(x.filters) || !isSort(x.sort) || !isRecord(x.focus)) return undefined;
  const kinds = x.filters.kinds;
  if (!Array.isArray(kinds) || !kinds.every(isKind)) return undefined;
  const { row, col } = x.focus;
  if (!Number.isSafeInteger(row) || !Number.isSafeInteger(col) || (row as number) < -1 || (col as number) < -1) return undefined;
  let selection: Selection | undefined;
  const s = x.selection;
  if (isRecord(s) && s.kind === 'cell' && isText(s.reviewUri) && isText(s.entityId)) selection = { kind: 'cell', reviewUri: s.reviewUri, entityId: s.entityId };
  else if (isRecord(s) && s.kind === 'entity' && isText(s.entityId)) selection = { kind: 'entity', entityId: s.entityId };
  const state: PersistedState = { version: 1, filters: { kinds: [...kinds] }, sort: x.sort, selection, focus: { row: row as number, col: col as number } };
  if (isText(x.filmUri)) state.filmUri = x.filmUri;
  return state;
}
