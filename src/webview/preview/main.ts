// A script in VS Code's Markdown preview (contributes.markdown.previewScripts). A mark in a review
// links to its line in the source (`review.md#L13`), but the preview opens a link to a Markdown file
// in the preview itself, where a line fragment means nothing; so a click on a mark is handed to
// the preview's own way back to the source (what double-clicking the text does, when
// markdown.preview.doubleClickToSwitchToEditor is on): the source editor, at the mark's line.
// Anything else in the page is left alone.

import { lineOfSourceLink } from '../reading/protocol';
import { offsetForLine, type LineBlock } from './sourceLine';

function doubleClickGoesToSource(): boolean {
  try {
    const raw = document.getElementById('vscode-markdown-preview-data')?.getAttribute('data-settings');
    return !!raw && JSON.parse(raw).doubleClickToSwitchToEditor === true;
  } catch {
    return false;
  }
}

function blockOf(el: Element): LineBlock {
  const r = el.getBoundingClientRect();
  return { line: Number(el.getAttribute('data-line')), top: r.top + window.scrollY, height: r.height };
}

window.addEventListener(
  'click',
  (event) => {
    const link = (event.target as Element | null)?.closest?.('a.marginalia-source');
    if (!link || !doubleClickGoesToSource()) return;
    const line = lineOfSourceLink(link.getAttribute('href'));
    const block = link.closest('.code-line[data-line]');
    if (line === undefined || !block) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const blocks = [...document.querySelectorAll('.code-line[data-line]')];
    const here = blockOf(block);
    const nextEl = blocks.slice(blocks.indexOf(block) + 1).find((b) => Number(b.getAttribute('data-line')) > here.line);
    const pageY = offsetForLine(here, nextEl && blockOf(nextEl), line);
    const x = block.getBoundingClientRect().left + 1;
    block.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, cancelable: true, view: window, clientX: x, clientY: pageY - window.scrollY }));
  },
  true,
);
