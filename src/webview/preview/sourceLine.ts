// Where to "double-click" in VS Code's Markdown preview to reach a source line. The preview maps a
// vertical position to a line by interpolating between its blocks (elements with data-line): a
// block at line P whose top is at y0, followed by a block at line N at y1, reads y as
// P + (y - y0) / (y1 - y0) × (N - P); the last block reads one line per block height.

export interface LineBlock {
  /** 0-based source line of the block (its data-line). */
  line: number;
  /** Top of the block, in page coordinates. */
  top: number;
  height: number;
}

/**
 * A page offset inside `block` that the preview reads as `line` (0-based): the block's own line
 * just below its top edge, a later line of a multi-line block in the middle of its share.
 */
export function offsetForLine(block: LineBlock, next: LineBlock | undefined, line: number): number {
  if (line <= block.line) return block.top + 1;
  if (!next) return block.top + Math.min(line - block.line + 0.5, 0.99) * block.height;
  if (next.top <= block.top || next.line <= block.line) return block.top + 1;
  // The share of the gap that belongs to the wanted line, kept inside the block.
  const fraction = Math.min((line - block.line + 0.5) / (next.line - block.line), 0.99);
  return Math.min(block.top + fraction * (next.top - block.top), block.top + Math.max(block.height - 1, 1));
}
