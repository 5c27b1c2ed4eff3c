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
// Searched in place (lastIndex), never on a slice: a regex run on a slice can flatten it into a
// copy of the whole review that the parsed values then keep alive.
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;

/** Splits YAML front matter (`---` … `---`) off a Markdown review. */
export function parseFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { data: {}, bodyStart: 0, errors: [] };
  const yamlStart = open[0].length;
  CLOSE.lastIndex = yamlStart;
  const close = CLOSE.exec(text);
  if (!close) return { data: {}, bodyStart: 0, errors: [] };
  const yamlText = text.slice(yamlStart, close.index);
  const bodyStart = close.index + close[0].length;
  const simple = parseSimpleYaml(yamlText);
  if (simple) return { data: simple, bodyStart, errors: [] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const lineOffset = 1; // the opening --- line
  const errors = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { message: e.message.split('\n')[0], line: pos.line - 1 + lineOffset, character: pos.col - 1 };
  });
  let data: Record<string, unknown> = {};
  if (errors.length === 0) {
    try {
      const js = doc.toJS({ maxAliasCount: 10 }) as unknown;
      if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    } catch (e) {
      // An alias to nothing, or too many aliases: the front matter is read as empty, and said so.
      errors.push({ message: e instanceof Error ? e.message : String(e), line: lineOffset, character: 0 });
    }
  }
  return { data, bodyStart, errors };
}

const SIMPLE_LINE = /^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$/;
// A plain scalar that cannot start a YAML indicator (block entry, mapping key, flow, anchor, tag…).
const PLAIN_SAFE = /^(?![-?:](?:[ \t]|$))[^'"\[\]{}&*!|>%@`#,][^#]*$/;
// The YAML 1.2 core schema's non-string plain scalars (what the yaml package resolves by default).
const CORE_NULL = /^(?:~|[Nn]ull|NULL)$/;
const CORE_TRUE = /^(?:[Tt]rue|TRUE)$/;
const CORE_FALSE = /^(?:[Ff]alse|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const CORE_INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const CORE_NAN = /^\.(?:nan|NaN|NAN)$/;

/** A plain scalar's value as the core schema reads it. */
function plainValue(raw: string): unknown {
  if (CORE_NULL.test(raw)) return null;
  if (CORE_TRUE.test(raw)) return true;
  if (CORE_FALSE.test(raw)) return false;
  if (CORE_OCT.test(raw)) return parseInt(raw.slice(2), 8);
  if (CORE_HEX.test(raw)) return parseInt(raw.slice(2), 16);
  if (CORE_INT.test(raw) || CORE_FLOAT.test(raw)) return Number(raw);
  if (CORE_INF.test(raw)) return raw.startsWith('-') ? -Infinity : Infinity;
  if (CORE_NAN.test(raw)) return NaN;
  return raw;
}

/**
 * Front matter is nearly always flat `key: value` lines; reading those directly is ~50× faster
 * than a full YAML parse, which matters at 10,000 reviews. Anything else (lists, block scalars,
 * comments, escapes) returns undefined and goes to the real parser.
 */
function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m) return undefined;
    const raw = m[2];
    let value: unknown;
    if (raw.length >= 2 && raw[0] === "'" && raw.endsWith("'")) {
      const inner = raw.slice(1, -1);
      if (/'(?!')/.test(inner.replace(/''/g, ''))) return undefined;
      value = inner.replace(/''/g, "'");
    } else if (raw.length >= 2 && raw[0] === '"' && raw.endsWith('"')) {
      try {
        value = JSON.parse(raw) as string;
      } catch {
        return undefined;
      }
    } else if (raw === '' || !PLAIN_SAFE.test(raw) || raw.includes(': ') || raw.endsWith(':')) {
      return undefined;
    } else {
      value = plainValue(raw);
    }
    if (m[1] in data) return undefined; // duplicate keys: let the parser report them
    data[m[1]] = value;
  }
  return data;
}
