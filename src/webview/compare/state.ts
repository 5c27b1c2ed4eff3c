// The comparison view's state and how it changes: a reducer the DOM code drives, so everything
// but drawing is tested in Node.

import type { CompareFilters, CompareMatrix, CompareSort } from '../../core/compare';
import { clampFocus, moveFocus, type GridPosition } from './model';
import { readPersistedState, type MatrixMessage, type PassagesMessage, type PersistedState, type Selection, type WebviewToExtension, type Kind } from './protocol';

export interface ViewState {
  matrix?: CompareMatrix;
  film?: string;
  filmUri?: string;
  filters: CompareFilters;
  sort: CompareSort;
  focus: GridPosition;
  selection?: Selection;
  /** The passages for the current selection, once the extension sends them. */
  passages?: PassagesMessage;
}

export type Action =
  | { type: 'matrix'; message: MatrixMessage }
  | { type: 'passages'; message: PassagesMessage }
  | { type: 'focus'; focus: GridPosition }
  | { type: 'key'; key: string; ctrl?: boolean }
  | { type: 'activate' }
  | { type: 'setFilter'; kinds: Kind[] }
  | { type: 'setSort'; sort: CompareSort };

export function initialState(saved: unknown): ViewState {
  const s = readPersistedState(saved);
  const state: ViewState = { filters: s?.filters ?? { kinds: [] }, sort: s?.sort ?? 'count', focus: s?.focus ?? { row: 0, col: 0 }, selection: s?.selection };
  if (s?.filmUri) state.filmUri = s.filmUri;
  return state;
}

export function persisted(state: ViewState): PersistedState {
  const saved: PersistedState = { version: 1, filters: state.filters, sort: state.sort, selection: state.selection, focus: state.focus };
  if (state.filmUri) saved.filmUri = state.filmUri;
  return saved;
}

function selectionExists(matrix: CompareMatrix, s: Selection): boolean {
  const entity = matrix.entities.some((e) => e.id === s.entityId);
  return s.kind === 'entity' ? entity : entity && matrix.critics.some((c) => c.uri === s.reviewUri);
}

function sameSelection(a: Selection | undefined, b: Selection | undefined): boolean {
  if (!a || !b || a.kind !== b.kind || a.entityId !== b.entityId) return false;
  return a.kind === 'entity' || a.reviewUri === (b as { reviewUri: string }).reviewUri;
}

/** The selection the focused grid position stands for: a cell, or a column header (an entity). */
export function selectionAt(state: ViewState): Selection | undefined {
  const m = state.matrix;
  const { row, col } = state.focus;
  if (!m || col < 0 || col >= m.entities.length) return undefined;
  const entityId = m.entities[col].id;
  if (row === -1) return { kind: 'entity', entityId };
  if (row >= m.critics.length) return undefined;
  return { kind: 'cell', reviewUri: m.critics[row].uri, entityId };
}

export function reduce(state: ViewState, action: Action): ViewState {
  switch (action.type) {
    case 'matrix': {
      const { matrix, filters, sort, film, filmUri } = action.message;
      const selection = state.selection && selectionExists(matrix, state.selection) ? state.selection : undefined;
      return {
        ...state,
        ...(filmUri ? { filmUri } : {}),
        matrix,
        film,
        filters,
        sort,
        selection,
        passages: selection ? state.passages : undefined,
        focus: clampFocus(state.focus, matrix.critics.length, matrix.entities.length),
      };
    }
    case 'passages': {
      const m = action.message;
      const answers: Selection = m.reviewUri === undefined ? { kind: 'entity', entityId: m.entityId } : { kind: 'cell', reviewUri: m.reviewUri, entityId: m.entityId };
      return sameSelection(state.selection, answers) ? { ...state, passages: m } : state; // a late answer to an old question
    }
    case 'focus': {
      if (!state.matrix) return state;
      const focus = clampFocus(action.focus, state.matrix.critics.length, state.matrix.entities.length);
      return focus.row === state.focus.row && focus.col === state.focus.col ? state : { ...state, focus };
    }
    case 'key': {
      const m = state.matrix;
      if (!m) return state;
      const focus = moveFocus(state.focus, action.key, m.critics.length, m.entities.length, action.ctrl);
      return focus.row === state.focus.row && focus.col === state.focus.col ? state : { ...state, focus };
    }
    case 'activate': {
      const selection = selectionAt(state);
      if (!selection) return state;
      return sameSelection(selection, state.selection) ? state : { ...state, selection, passages: undefined };
    }
    case 'setFilter':
      return { ...state, filters: { kinds: [...action.kinds] } };
    case 'setSort':
      return { ...state, sort: action.sort };
  }
}

/** What to ask the extension for, to show a selection's passages. */
export function requestFor(selection: Selection | undefined): WebviewToExtension | undefined {
  if (!selection) return undefined;
  return selection.kind === 'cell'
    ? { type: 'selectCell', reviewUri: selection.reviewUri, entityId: selection.entityId }
    : { type: 'selectEntity', entityId: selection.entityId };
}
