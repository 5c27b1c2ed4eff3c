// What the importers read out of another tool's file, before it is matched to a review: the
// passage (quote, context, position) and what was said about it, in one shape for every format.

export interface ForeignAnnotation {
  /** How reports name it: its id in the file, or its place (`#3`). */
  label: string;
  /** One of our own W3C annotations: the review (relative name) and sidecar id it came from. */
  ours?: { relativeName: string; id: string };
  /** An id worth keeping as the sidecar id when it is free (ours, or a Hypothesis id). */
  keepId?: string;
  /** The target's source IRIs / page URLs. */
  sources: string[];
  /** TextQuoteSelector. */
  quote?: { exact: string; prefix: string; suffix: string };
  /** TextPositionSelector: W3C counts code points; Hypothesis counts UTF-16 units of its own page text. */
  position?: { start: number; end: number; unit: 'codepoint' | 'utf16' };
  note: string;
  tags: string[];
  /** IRIs of linked annotations (W3C `linking` bodies). */
  linkIris: string[];
  created?: string;
  modified?: string;
  /** Our own export's flag for an annotation whose passage was already lost. */
  orphan?: boolean;
  /** Why it cannot be imported at all (a reply, a page note, one of our mentions). */
  unusable?: string;
}

export interface ParsedForeign {
  annotations: ForeignAnnotation[];
  /** Problems with the file as a whole, `file:line:col: message` where a position is known. */
  errors: string[];
}

/** A JSON file's content, or an error positioned as `file:line:col`. */
export function parseJson(text: string, file: string): { value?: unknown; error?: string } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { value: JSON.parse(source) as unknown };
  } catch {
    // JSON.parse's message names no position on every Node version; find where it stopped.
    const at = jsonErrorOffset(source);
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const found = at < source.length ? `unexpected ${JSON.stringify(source[at])}` : 'unexpected end of file';
    return { error: `${file}:${line}:${column}: not valid JSON: ${found}` };
  }
}

/** The offset of the first character a JSON parser would refuse (text.length at a premature end). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const c of word) if (text[i++] !== c) (i--, fail());
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
      if (!m) fail();
      i += m![0].length;
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (at) {
    return Math.min(at as number, text.length);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asArray(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** An id as a sidecar can hold it: a short token (not a URL). */
export function keepableId(id: unknown): string | undefined {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}
