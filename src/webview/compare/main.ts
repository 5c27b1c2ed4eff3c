// The comparison view's browser bundle (dist/webview/compare.js): wires the view to VS Code's
// webview API. Built by esbuild as an IIFE; loaded from a file under the view's strict CSP.

import { isKind, type ExtensionToWebview, type WebviewToExtension } from './protocol';
import { initialState, persisted, reduce, requestFor, type Action, type ViewState } from './state';
import { CompareView } from './view';

interface VsCodeApi {
  postMessage(message: WebviewToExtension): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let state: ViewState = initialState(vscode.getState());

function dispatch(action: Action): void {
  const prev = state;
  state = reduce(state, action);
  if (state === prev) return;
  vscode.setState(persisted(state));
  view.update(state, prev);
  if (action.type === 'activate' && state.selection !== prev.selection) post(requestFor(state.selection));
  if (action.type === 'setFilter') post({ type: 'setFilter', kinds: state.filters.kinds.filter(isKind) });
  if (action.type === 'setSort') post({ type: 'setSort', sort: state.sort });
  // after a new matrix, a restored or kept selection needs its passages (again)
  if (action.type === 'matrix' && state.selection && !state.passages) post(requestFor(state.selection));
}

function post(message: WebviewToExtension | undefined): void {
  if (message) vscode.postMessage(message);
}

function isExtensionMessage(x: unknown): x is ExtensionToWebview {
  const type = (x as { type?: unknown } | null)?.type;
  return type === 'matrix' || type === 'passages';
}

const view = new CompareView(document.body, dispatch, post);
view.update(state, undefined);
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isExtensionMessage(message)) return;
  dispatch(message.type === 'matrix' ? { type: 'matrix', message } : { type: 'passages', message });
});
post({ type: 'ready' });
