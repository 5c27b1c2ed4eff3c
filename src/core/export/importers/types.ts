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
  try {
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    let line = 1;
    let column = 1;
    if (at) {
      const before = text.slice(0, Number(at[1]));
      line = before.split('\n').length;
      column = before.length - before.lastIndexOf('\n');
    } else {
      const lc = /line (\d+) column (\d+)/.exec(message);
      if (lc) [line, column] = [Number(lc[1]), Number(lc[2])];
    }
    return { error: `${file}:${line}:${column}: not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}` };
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
