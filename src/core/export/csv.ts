// CSV export (RFC 4180) for spreadsheets, pandas and R: `annotations.csv`, one row per
// annotation, and with mentions `mentions.csv`, one row per mention. UTF-8 with a byte-order
// mark (so Excel reads the encoding right), CRLF row ends, fields quoted when they hold a comma,
// quote or line break. Offsets count code points, like the W3C and brat exports and like Python's
// and R's string indexing.

import type { Annotation, SidecarMention } from '../annotations/model';
import { CodePointIndex } from './codePoints';
import type { AnnotationExporter, ExportInput, ExportOutput, ReviewForExport } from './types';
import { resolveRelative } from './w3c';

export const ANNOTATION_COLUMNS = ['review', 'critic', 'title', 'quote', 'start', 'end', 'tags', 'note', 'links', 'created', 'modified', 'status', 'id'] as const;
export const MENTION_COLUMNS = ['review', 'critic', 'entity', 'kind', 'start', 'end', 'text', 'sentence'] as const;

/** How several tags or links share one cell. */
export const LIST_SEPARATOR = '; ';

export const csvExporter: AnnotationExporter = {
  format: 'csv',
  singleFile: (options) => !options?.mentions,
  export(input: ExportInput): ExportOutput {
    const annotationRows: string[][] = [];
    const mentionRows: string[][] = [];
    for (const review of input.reviews) {
      const index = new CodePointIndex(review.text);
      for (const a of review.annotations) annotationRows.push(annotationRow(review, a, index));
      if (input.options?.mentions) {
        const sentences = new SentenceFinder(review.text);
        for (const m of review.mentions ?? []) mentionRows.push(mentionRow(review, m, index, sentences));
      }
    }
    const files = [{ name: 'annotations.csv', text: csvText([...ANNOTATION_COLUMNS], annotationRows) }];
    if (input.options?.mentions) files.push({ name: 'mentions.csv', text: csvText([...MENTION_COLUMNS], mentionRows) });
    return { files, warnings: [] };
  },
};

function annotationRow(review: ReviewForExport, a: Annotation, index: CodePointIndex): string[] {
  const links = a.links.map((l) => `${resolveRelative(review.relativeName, l.review) ?? l.review}#${l.id}`);
  const status = a.conflicts?.length ? 'conflict' : a.orphan ? 'orphan' : 'anchored';
  const end = Math.min(a.target.end, review.text.length);
  return [
    text(review.relativeName),
    text(review.frontMatter.critic ?? ''),
    text(review.frontMatter.title ?? ''),
    text(a.target.quote),
    String(index.toCodePoint(Math.min(a.target.start, end))),
    String(index.toCodePoint(end)),
    text(a.tags.join(LIST_SEPARATOR)),
    text(a.note),
    text(links.join(LIST_SEPARATOR)),
    text(a.created),
    text(a.modified),
    status,
    text(a.id),
  ];
}

function mentionRow(review: ReviewForExport, m: SidecarMention, index: CodePointIndex, sentences: SentenceFinder): string[] {
  return [
    text(review.relativeName),
    text(review.frontMatter.critic ?? ''),
    text(m.entity),
    m.kind,
    String(index.toCodePoint(m.start)),
    String(index.toCodePoint(m.end)),
    text(m.text),
    text(sentences.around(m.start)),
  ];
}

/**
 * A text cell. A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
 * a spreadsheet (OWASP "CSV injection"): such cells get a leading apostrophe, which spreadsheets
 * hide and which `str.removeprefix("'")` undoes in pandas.
 */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 text with a BOM and CRLF row ends. */
export function csvText(header: string[], rows: string[][]): string {
  return '\ufeff' + [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The sentence around an offset, within its line (paragraph), found with Intl.Segmenter. */
class SentenceFinder {
  private readonly cache = new Map<number, Array<{ start: number; end: number; text: string }>>();
  private readonly segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'sentence' }) : undefined;

  constructor(private readonly text: string) {}

  around(offset: number): string {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    let sentences = this.cache.get(lineStart);
    if (!sentences) {
      let lineEnd = this.text.indexOf('\n', offset);
      if (lineEnd === -1) lineEnd = this.text.length;
      const line = this.text.slice(lineStart, lineEnd).replace(/\r$/, '');
      sentences = this.segmenter
        ? [...this.segmenter.segment(line)].map((s) => ({ start: lineStart + s.index, end: lineStart + s.index + s.segment.length, text: s.segment.trim() }))
        : [{ start: lineStart, end: lineStart + line.length, text: line.trim() }];
      this.cache.set(lineStart, sentences);
    }
    return sentences.find((s) => offset >= s.start && offset < s.end)?.text ?? sentences[sentences.length - 1]?.text ?? '';
  }
}
