// Splits a page's text into units: one per line, each knowing the block (paragraph) it belongs
// to. Text copied from a browser puts one paragraph on each line; hard-wrapped text (an email, a
// .txt saved at 72 columns) keeps its lines inside one paragraph; Markdown keeps its own blocks.

export interface Unit {
  /** The line as written (indentation and trailing spaces included). */
  raw: string;
  /** The line without surrounding whitespace, for classification. */
  text: string;
  indent: number;
  /** Units with the same block number are one paragraph (joined by a newline). */
  block: number;
  /** 1-based line number in the input. */
  line: number;
  /** Markdown mode: inside a fenced code block (kept verbatim, never classified). */
  verbatim?: boolean;
}

export type PageMode = 'text' | 'markdown';

const indentOf = (s: string) => {
  let n = 0;
  for (const c of s) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4;
    else break;
  }
  return n;
};

/** Ends like a sentence (or a line that is complete on its own), ignoring closing quotes/brackets. */
export function endsSentence(s: string): boolean {
  const t = s.replace(/[\s\u00a0]+$/, '').replace(/["”’'»)\]*_]+$/, '');
  return /[.!?…:;]$/.test(t);
}

/** A run of lines is hard-wrapped prose when its lines are of a printed width and break mid-sentence. */
function isWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  if (body.some((l) => l.trim().length > 100 || l.trim().length < 30)) return false;
  if (lines.some((l) => /^\s*(?:[•●▪◦‣∙*+-]|\d{1,3}[.)])\s/.test(l) && l !== lines[0])) return false;
  const midSentence = body.filter((l) => !endsSentence(l)).length;
  return midSentence * 2 >= body.length;
}

export function toUnits(text: string, mode: PageMode): Unit[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const units: Unit[] = [];
  let block = 0;
  let group: Array<{ raw: string; line: number }> = [];
  let fence: string | undefined;

  const flush = () => {
    if (group.length === 0) return;
    const wrapped = mode === 'markdown' || isWrapped(group.map((g) => g.raw));
    block++;
    for (const [k, g] of group.entries()) {
      if (!wrapped && k > 0) block++;
      units.push({ raw: g.raw, text: g.raw.trim(), indent: indentOf(g.raw), block, line: g.line });
    }
    group = [];
  };

  lines.forEach((raw, i) => {
    if (mode === 'markdown') {
      const f = /^\s{0,3}(```+|~~~+)/.exec(raw);
      if (fence !== undefined) {
        units.push({ raw, text: raw.trim(), indent: indentOf(raw), block, line: i + 1, verbatim: true });
        if (f && f[1][0] === fence[0] && f[1].length >= fence.length) {
          fence = undefined;
          block++;
        }
        return;
      }
      if (f) {
        flush();
        block++;
        fence = f[1];
        units.push({ raw, text: raw.trim(), indent: indentOf(raw), block, line: i + 1, verbatim: true });
        return;
      }
    }
    if (raw.trim() === '') flush();
    else group.push({ raw, line: i + 1 });
  });
  flush();
  return units;
}
