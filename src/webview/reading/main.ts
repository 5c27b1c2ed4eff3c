// The reading panel's script (dist/webview/reading.js): the page itself is rendered HTML and
// styles; this only hands a click on a mark back to the extension, which shows that line of the
// source, and remembers which review the panel shows so VS Code can restore it after a reload.

import { lineOfSourceLink, type ReadingPanelMessage } from './protocol';

interface VsCodeApi {
  postMessage(message: ReadingPanelMessage): void;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const review = document.body.dataset.review;
if (review) vscode.setState({ review });

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link) return;
  // Nothing navigates inside the panel; a mark's link opens its line in the source.
  event.preventDefault();
  const line = link.classList.contains('marginalia-source') ? lineOfSourceLink(link.getAttribute('href')) : undefined;
  if (line !== undefined) vscode.postMessage({ type: 'openSource', line });
});
