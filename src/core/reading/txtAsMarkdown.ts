// A plain-text review rendered by the same Markdown pipeline: every character that Markdown would
// read as syntax is escaped, so the text comes out verbatim as paragraphs (blank lines separate
// them, single line breaks wrap). Lines are neither added nor removed, so line numbers hold, and
// `toMarkdownOffset` maps the review's offsets into the Markdown for the plugin's resolver.

export interface TxtMarkdown {
  markdown: string;
  /** Offset in `markdown` of the character at `offset` in the text (text.length maps to the end). */
  toMarkdownOffset(offset: number): number;
}

/** ASCII punctuation with a meaning somewhere in Markdown inline syntax (or in common plugins). */
const INLINE_SYNTAX = /[\\`*_[\]<>&!~|$=]/;
/** What starts a block at the beginning of a line (after the indentation, which is dropped). */
const BLOCK_START = /^(?:[#>+\-=:]|\d{1,9}[.)])/;

export function txtAsMarkdown(text: string): TxtMarkdown {
  const map = new Int32Array(text.length + 1);
  let out = '';
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      map[i] = out.length;
      out += c;
      lineStart = true;
      continue;
    }
    if (lineStart) {
      // Indentation would make code blocks and list continuations: it is dropped (it carries no
      // words, so no mention or annotation starts inside it).
      if (c === ' ' || c === '\t') {
        map[i] = out.length;
        continue;
      }
      lineStart = false;
      const block = BLOCK_START.exec(text.slice(i, i + 11));
      if (block) {
        // Escape the character that makes the block: "\#", "1\.", "\-".
        const marker = block[0];
        const at = /\d/.test(marker[0]) ? marker.length - 1 : 0;
        for (let k = 0; k < marker.length; k++) {
          map[i + k] = out.length;
          out += (k === at ? '\\' : '') + marker[k];
        }
        i += marker.length - 1;
        continue;
      }
    }
    map[i] = out.length; // where the character's escaped form starts
    out += INLINE_SYNTAX.test(c) ? '\\' + c : c;
  }
  map[text.length] = out.length;
  return {
    markdown: out,
    toMarkdownOffset: (offset) => map[Math.max(0, Math.min(text.length, offset))],
  };
}
