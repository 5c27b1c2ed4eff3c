import { LineCounter, parseDocument } from 'yaml';

export interface FrontMatter {
  /** Parsed key/values; empty when there is no front matter or it does not parse. */
  data: Record<string, unknown>;
  /** Offset where the body starts (0 without front matter). */
  bodyStart: number;
  /** YAML errors inside the front matter, with 0-based line/col relative to the file. */
  errors: Array<{ message: string; line: number; character: number }>;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Splits YAML front matter (`---` … `---`) off a Markdown review. */
export function parseFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { data: {}, bodyStart: 0, errors: [] };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { data: {}, bodyStart: 0, errors: [] };
  const yamlStart = open[0].length;
  const yamlText = rest.slice(0, close.index);
  const bodyStart = yamlStart + close.index + close[0].length;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const lineOffset = 1; // the opening --- line
  const errors = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { message: e.message.split('\n')[0], line: pos.line - 1 + lineOffset, character: pos.col - 1 };
  });
  let data: Record<string, unknown> = {};
  if (errors.length === 0) {
    const js = doc.toJS({ maxAliasCount: 10 }) as unknown;
    if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
  }
  return { data, bodyStart, errors };
}
