// Writes the kept lines of a page as Markdown blocks. Text copied from a browser gives list items
// as "  • …" and "  1. …" with nesting by indentation; they become Markdown lists, nested where the
// page nested them, and an indented line under an item stays with it.

import type { Action } from './page';
import type { PageMode, Unit } from './units';

interface ListLevel {
  sourceIndent: number;
  contentColumn: number;
}

/** Writes the kept units as Markdown blocks; text-mode lists become Markdown lists by indentation. */
export function render(units: Unit[], actions: Array<Action | undefined>, mode: PageMode): { body: string; paragraphs: number } {
  const blocks: string[] = [];
  let paragraphs = 0;
  let current: { block: number; lines: string[] } | undefined;
  const stack: ListLevel[] = [];
  const flush = () => {
    if (current) blocks.push(current.lines.join('\n'));
    current = undefined;
  };
  const own = (text: string, counts = true) => {
    flush();
    blocks.push(text);
    if (counts) paragraphs++;
  };
  units.forEach((u, i) => {
    const a = actions[i];
    if (!a || a.do === 'drop') return;
    if (a.do === 'heading') {
      stack.length = 0;
      own(mode === 'markdown' && a.text === u.text ? u.raw : `## ${a.text}`, false);
      return;
    }
    if (a.do === 'section') {
      stack.length = 0;
      own(`## ${a.label}`, false);
      own(a.rest);
      return;
    }
    if (mode === 'markdown' || u.verbatim) {
      if (current && current.block === u.block) current.lines.push(u.raw);
      else {
        flush();
        current = { block: u.block, lines: [u.raw] };
        paragraphs++;
      }
      return;
    }
    if (a.do === 'list') {
      while (stack.length && stack[stack.length - 1].sourceIndent >= u.indent) stack.pop();
      const indent = stack.length ? stack[stack.length - 1].contentColumn : 0;
      const marker = /^\d/.test(a.marker) ? a.marker : '-';
      stack.push({ sourceIndent: u.indent, contentColumn: indent + marker.length + 1 });
      own(' '.repeat(indent) + marker + ' ' + a.rest);
      return;
    }
    while (stack.length && stack[stack.length - 1].sourceIndent >= u.indent) stack.pop();
    const indent = stack.length ? stack[stack.length - 1].contentColumn : 0;
    const line = ' '.repeat(indent) + u.raw.replace(/^[ \t]+/, '');
    if (current && current.block === u.block) current.lines.push(line);
    else {
      flush();
      current = { block: u.block, lines: [line] };
      paragraphs++;
    }
  });
  flush();
  return { body: blocks.length ? blocks.join('\n\n') + '\n' : '', paragraphs };
}
