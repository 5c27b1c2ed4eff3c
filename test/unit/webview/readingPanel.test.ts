// The reading panel's messages and state, and the Markdown preview script's arithmetic: every
// message from a webview is validated, and a click on a mark lands on its own source line.

import * as assert from 'node:assert/strict';
import { offsetForLine, type LineBlock } from '../../../src/webview/preview/sourceLine';
import { isReadingPanelMessage, lineOfSourceLink, readReadingPanelState } from '../../../src/webview/reading/protocol';

describe('reading panel protocol', () => {
  it('accepts exactly { type: "openSource", line } with a whole line number', () => {
    assert.equal(isReadingPanelMessage({ type: 'openSource', line: 0 }), true);
    assert.equal(isReadingPanelMessage({ type: 'openSource', line: 41 }), true);
    const bad: unknown[] = [
      null,
      'openSource',
      [{ type: 'openSource', line: 1 }],
      {},
      { type: 'openSource' },
      { type: 'openSource', line: -1 },
      { type: 'openSource', line: 1.5 },
      { type: 'openSource', line: '3' },
      { type: 'openSource', line: Number.NaN },
      { type: 'openSource', line: 1e12 },
      { type: 'openSource', line: 3, uri: 'file:///etc/passwd' },
      { type: 'open', line: 3 },
      Object.assign(Object.create({ polluted: true }), { type: 'openSource', line: 1 }),
    ];
    for (const m of bad) assert.equal(isReadingPanelMessage(m), false, JSON.stringify(m));
  });

  it('reads a source link’s line (1-based in the link, 0-based out) and nothing else', () => {
    assert.equal(lineOfSourceLink('review.txt#L1'), 0);
    assert.equal(lineOfSourceLink('my%20review.md#L13'), 12);
    for (const href of [null, '', 'review.md', 'review.md#L', 'review.md#Lx', 'https://example.com/#L3x', '#heading']) assert.equal(lineOfSourceLink(href), undefined, String(href));
  });

  it('restores a saved review URI, and nothing malformed', () => {
    assert.deepEqual(readReadingPanelState({ review: 'file:///c/her/a.txt' }), { review: 'file:///c/her/a.txt' });
    for (const s of [undefined, null, {}, { review: 3 }, { review: '' }, { review: 'x'.repeat(5000) }]) assert.equal(readReadingPanelState(s), undefined);
  });
});

/** What VS Code's preview reads a page offset as (preview-src/scroll-sync.ts, getEditorLineNumberForPageOffset). */
function previewLineAt(offset: number, block: LineBlock, next: LineBlock | undefined): number {
  const progress = offset - block.top;
  if (next) return block.line + (progress / (next.top - block.top)) * (next.line - block.line);
  return block.line + progress / block.height;
}

describe('Markdown preview: a click on a mark goes to its own line', () => {
  it('a one-line paragraph: its line, whatever follows', () => {
    const block = { line: 6, top: 400, height: 198 };
    for (const next of [{ line: 8, top: 614, height: 40 }, { line: 20, top: 614, height: 40 }, undefined]) {
      assert.equal(Math.floor(previewLineAt(offsetForLine(block, next, 6), block, next)), 6);
    }
  });

  it('every line of a paragraph that spans several source lines (a .txt review, soft breaks)', () => {
    const block = { line: 10, top: 1000, height: 150 };
    const next = { line: 16, top: 1166, height: 44 };
    for (let line = 10; line <= 14; line++) {
      const y = offsetForLine(block, next, line);
      assert.ok(y >= block.top && y < block.top + block.height, `${line}: ${y} inside the paragraph`);
      assert.equal(Math.floor(previewLineAt(y, block, next)), line, `line ${line}`);
    }
  });

  it('the last block of the page, one line per block height', () => {
    const block = { line: 30, top: 5000, height: 88 };
    assert.equal(Math.floor(previewLineAt(offsetForLine(block, undefined, 30), block, undefined)), 30);
  });
});
