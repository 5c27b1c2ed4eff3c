// The `mentions:` block of a sidecar, read and written one line at a time. A review of 2 MB has
// tens of thousands of mentions, and the yaml package's Document API spends about 1 s and 100 MB
// per 10,000 of them; these lines have one fixed shape, so they are read by a small dedicated
// parser (every problem positioned at line:col) and written by a template whose scalars are
// rendered by the yaml package itself (cached per distinct value), so the bytes are exactly those
// the Document API wrote before. Anything not in that shape is left to the yaml package.

import { Document, type ToStringOptions, YAMLMap, YAMLSeq } from 'yaml';
import type { EntityKind } from '../mentions/types';
import type { SidecarMention } from './model';

/** A `mentions:` key alone on its line at the top level, followed by its items. */
export interface MentionsBlock {
  /** Offset of the `mentions:` line and just past the block's last line. */
  start: number;
  end: number;
  /** 1-based line of the `mentions:` line; number of lines the block spans, that line included. */
  line: number;
  lines: number;
}

const KEY_LINE = /^mentions:[ \t]*\r?$/gm;

/** The block, undefined when there is none (or `mentions: []`), 'several' when the key occurs twice. */
export function findMentionsBlock(source: string): MentionsBlock | undefined | 'several' {
  const found = [...source.matchAll(KEY_LINE)];
  if (found.length === 0) return undefined;
  if (found.length > 1) return 'several';
  const start = found[0].index!;
  let end = source.indexOf('\n', start);
  end = end === -1 ? source.length : end + 1;
  let lines = 1;
  // Items are indented (or `- ` at the margin); blank lines and indented comments belong too.
  while (end < source.length) {
    const c = source.charCodeAt(end);
    const next = source.indexOf('\n', end);
    const lineEnd = next === -1 ? source.length : next + 1;
    const blank = /^[ \t]*\r?\n?$/.test(source.slice(end, lineEnd));
    if (!(c === 32 || c === 9 || blank || (c === 45 /* - */ && (source[end + 1] === ' ' || source[end + 1] === '\n' || source[end + 1] === '\r')))) break;
    end = lineEnd;
    lines++;
  }
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < start; i = source.indexOf('\n', i + 1)) line++;
  return { start, end, line, lines };
}

/** Where the block first leaves the one-line form (1-based), for the caller to read it as YAML or say where. */
export interface NotOneLine {
  line: number;
  column: number;
}

const ITEM = /^([ \t]*)- \{/;
/** Plain scalars the YAML 1.2 core schema reads as something other than a string (null, booleans, numbers). */
const NOT_A_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]*)$/;
const KEYS = new Set(['entity', 'kind', 'start', 'end', 'text']);

/**
 * Reads the block's items, or says where one is valid YAML of another shape (a block mapping, an
 * alias, a key of its own, a value of the wrong type) that only the yaml package can judge.
 */
export function readMentionLines(source: string, block: MentionsBlock): { mentions: SidecarMention[] } | { notOneLine: NotOneLine } {
  const mentions: SidecarMention[] = [];
  let lineNo = block.line;
  let at = source.indexOf('\n', block.start) + 1;
  while (at > 0 && at < block.end) {
    lineNo++;
    const nl = source.indexOf('\n', at);
    const lineEnd = nl === -1 || nl >= block.end ? block.end : nl;
    const line = source.slice(at, lineEnd).replace(/\r$/, '');
    at = lineEnd + 1;
    if (/^[ \t]*(#.*)?$/.test(line)) continue; // blank, or a comment (dropped on write, as before)
    const m = ITEM.exec(line);
    const parsed = m ? parseFlowMap(line, m[0].length - 1) : undefined;
    const here = { notOneLine: { line: lineNo, column: (m?.[1].length ?? 0) + 1 } };
    if (!m || !parsed || !/^[ \t]*(#.*)?$/.test(line.slice(parsed.end))) return here;
    const { values } = parsed;
    const str = (key: string) => {
      const v = values.get(key);
      return v && (v.quoted || !NOT_A_STRING.test(v.value)) ? v.value : undefined;
    };
    const num = (key: string) => {
      const v = values.get(key);
      const n = v && !v.quoted && WHOLE_NUMBER.test(v.value) ? Number(v.value) : NaN;
      return Number.isSafeInteger(n) ? n : undefined;
    };
    const entity = str('entity');
    const kind = str('kind');
    const text = str('text');
    const start = num('start');
    const end = num('end');
    if (entity === undefined || kind === undefined || text === undefined || start === undefined || end === undefined) return here;
    mentions.push({ entity, kind: kind as EntityKind, start, end, text });
  }
  return { mentions };
}

interface FlowValue {
  value: string;
  quoted: boolean;
  column: number;
}

// Sticky patterns (matched at lastIndex, no substrings made: these run once per mention).
const KEY = /[A-Za-z]+/y;
const SINGLE_QUOTED = /'((?:[^']|'')*)'/y;
/** A plain scalar in flow context: up to `,` or `}`; no indicator first, no ` #` or `: ` inside. */
const PLAIN = /(?:[^\s,[\]{}#&*!|>'"%@`?:-]|[-?:](?=[^\s,[\]{}]))[^,[\]{}]*?(?=[ \t]*[,}])/y;

function stickyAt(re: RegExp, line: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(line);
}

/** `{ key: value, … }` starting at `open` (the brace): its values and where it ends. */
function parseFlowMap(line: string, open: number): { values: Map<string, FlowValue>; end: number } | undefined {
  const values = new Map<string, FlowValue>();
  let i = open + 1;
  const spaces = () => {
    while (line[i] === ' ' || line[i] === '\t') i++;
  };
  for (;;) {
    spaces();
    if (line[i] === '}') return { values, end: i + 1 };
    const key = stickyAt(KEY, line, i)?.[0];
    if (!key || !KEYS.has(key) || values.has(key)) return undefined;
    i += key.length;
    if (line[i] !== ':' || (line[i + 1] !== ' ' && line[i + 1] !== '\t')) return undefined;
    i++;
    spaces();
    const column = i;
    let value: string;
    let quoted = true;
    if (line[i] === '"') {
      const r = doubleQuoted(line, i);
      if (!r) return undefined;
      [value, i] = r;
    } else if (line[i] === "'") {
      const close = stickyAt(SINGLE_QUOTED, line, i);
      if (!close) return undefined;
      value = close[1].replace(/''/g, "'");
      i += close[0].length;
    } else {
      const plain = stickyAt(PLAIN, line, i);
      if (!plain || /: |:$| #/.test(plain[0])) return undefined;
      value = plain[0];
      quoted = false;
      i += plain[0].length;
    }
    values.set(key, { value, quoted, column });
    spaces();
    if (line[i] === ',') i++;
    else if (line[i] !== '}') return undefined;
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** A YAML double-quoted scalar on one line: its value and the index after the closing quote. */
function doubleQuoted(line: string, open: number): [string, number] | undefined {
  let out = '';
  for (let i = open + 1; i < line.length; i++) {
    const c = line[i];
    if (c === '"') return [out, i + 1];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = line[++i];
    if (e in ESCAPES) out += ESCAPES[e];
    else {
      const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = line.slice(i + 1, i + 1 + width);
      if (!width || !new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) return undefined;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return undefined;
      out += String.fromCodePoint(cp);
      i += width;
    }
  }
  return undefined;
}

// --- writing ---------------------------------------------------------------------------------

/** How each distinct value is written in a flow mapping, as the yaml package writes it. */
const rendered = new Map<string, string>();
const MAX_CACHED = 50_000;

/**
 * One scalar as the yaml package writes it as a value in a one-line flow mapping. A value with a
 * line break (a name split across lines in the review) the yaml package would spread over several
 * lines, breaking the one-mention-per-line form; it is written double-quoted instead, in JSON's
 * escapes, which are YAML's too.
 */
function scalar(value: string, layout: ToStringOptions): string {
  let r = rendered.get(value);
  if (r !== undefined) return r;
  const doc = new Document();
  const item = new YAMLMap();
  item.flow = true;
  item.set('k', value);
  const seq = new YAMLSeq();
  seq.items = [item];
  doc.contents = seq;
  const line = doc.toString(layout);
  const m = /^- \{ k: (.*) \}\n$/s.exec(line);
  r = m && !m[1].includes('\n') ? m[1] : JSON.stringify(value);
  if (rendered.size >= MAX_CACHED) rendered.clear();
  rendered.set(value, r);
  return r;
}

/**
 * The block's item lines (each ending in a newline), exactly as the yaml package writes
 * `- { entity: …, kind: …, start: …, end: …, text: … }` under a top-level key with `layout`
 * (but for values with line breaks, see scalar).
 */
export function renderMentionLines(mentions: readonly SidecarMention[], layout: ToStringOptions): string {
  const indent = ' '.repeat(layout.indentSeq === false ? 0 : (layout.indent ?? 2));
  const parts: string[] = [];
  for (const m of mentions) {
    parts.push(`${indent}- { entity: ${scalar(m.entity, layout)}, kind: ${scalar(m.kind, layout)}, start: ${m.start}, end: ${m.end}, text: ${scalar(m.text, layout)} }\n`);
  }
  return parts.join('');
}

