// brat standoff export (https://brat.nlplab.org/standoff.html): per review a `.txt` copy of the
// text and a `.ann` beside it, plus one `annotation.conf` at the root declaring every type used,
// so the folder opens in brat as it is. brat counts offsets in code points of the .txt as Python
// reads it (universal newlines), so the copy has LF line breaks and offsets count in that copy;
// a span may not cross a line break, so a passage over several lines becomes a discontinuous
// span of its lines.

import { KIND_LABEL } from '../lexicon/lexicon';
import type { Annotation, SidecarMention } from '../annotations/model';
import { CodePointIndex } from './codePoints';
import type { AnnotationExporter, ExportEntity, ExportInput, ExportOutput, ReviewForExport } from './types';
import { resolveRelative } from './w3c';

export const DEFAULT_BRAT_TYPE = 'Annotation';
export const BRAT_LINK_TYPE = 'Link';

export const bratExporter: AnnotationExporter = {
  format: 'brat',
  singleFile: () => false,
  export(input: ExportInput): ExportOutput {
    const warnings: string[] = [];
    const defaultType = bratType(input.options?.defaultType ?? DEFAULT_BRAT_TYPE) ?? DEFAULT_BRAT_TYPE;
    const types = new Set<string>([defaultType]);
    const files: ExportOutput['files'] = [];
    const stems = documentStems(input.reviews);
    for (const review of input.reviews) {
      const doc = new BratDocument(review);
      const entities = input.entities.filter((e) => e.film === review.film);
      for (const a of review.annotations) {
        if (a.orphan) {
          warnings.push(`${review.relativeName}: annotation ${a.id} is orphaned (its passage is not in the text); left out of brat`);
          continue;
        }
        const type = (a.tags.length ? bratType(a.tags[0]) : undefined) ?? defaultType;
        types.add(type);
        if (!doc.addAnnotation(a, type)) warnings.push(`${review.relativeName}: annotation ${a.id} covers only line breaks; left out of brat`);
      }
      warnings.push(...doc.addLinks(review.annotations));
      if (input.options?.mentions) {
        for (const m of review.mentions ?? []) {
          const type = KIND_LABEL[m.kind] ?? bratType(m.kind) ?? defaultType;
          types.add(type);
          doc.addMention(m, type, entities);
        }
      }
      const stem = stems.get(review) ?? review.relativeName;
      files.push({ name: `${stem}.txt`, text: doc.txt }, { name: `${stem}.ann`, text: doc.ann() });
    }
    for (const e of input.entities) types.add(KIND_LABEL[e.kind]);
    files.push({ name: 'annotation.conf', text: annotationConf([...types]) });
    return { files, warnings };
  },
};

/**
 * A tag as a brat type name: ASCII letters, digits, `_` and `-`, starting with a letter (brat's
 * configuration parser takes nothing else). Accents are dropped (`réalité` → `realite`), other
 * characters become `_`; undefined when nothing is left.
 */
export function bratType(tag: string): string | undefined {
  const ascii = tag
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!ascii) return undefined;
  return /^[A-Za-z]/.test(ascii) ? ascii : `tag_${ascii}`;
}

/** One review's .txt and .ann. */
class BratDocument {
  /** The text with LF line breaks: what brat's Python reads from the .txt. */
  readonly txt: string;
  private readonly index: CodePointIndex;
  /** UTF-16 offsets (in the original text) of each \r dropped from a CRLF. */
  private readonly droppedCr: number[] = [];
  private readonly lines: string[] = [];
  private t = 0;
  private notes = 0;
  private relations = 0;
  private readonly tOfAnnotation = new Map<string, string>();

  constructor(private readonly review: ReviewForExport) {
    const text = review.text;
    for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) this.droppedCr.push(i);
    this.txt = text.replace(/\r\n?/g, '\n');
    this.index = new CodePointIndex(this.txt);
  }

  ann(): string {
    return this.lines.map((l) => l + '\n').join('');
  }

  addAnnotation(a: Annotation, type: string): boolean {
    const id = this.addSpan(a.target.start, a.target.end, type);
    if (!id) return false;
    this.tOfAnnotation.set(a.id, id);
    const extraTags = a.tags.length > 1 || (a.tags.length === 1 && bratType(a.tags[0]) !== a.tags[0]) ? `tags: ${a.tags.join(', ')}` : '';
    const note = [oneLine(a.note), extraTags].filter(Boolean).join(' | ');
    if (note) this.lines.push(`#${++this.notes}\tAnnotatorNotes ${id}\t${note}`);
    return true;
  }

  addMention(m: SidecarMention, type: string, entities: ExportEntity[]): void {
    const id = this.addSpan(m.start, m.end, type);
    if (!id) return;
    const entity = entities.find((e) => e.id === m.entity);
    this.lines.push(`#${++this.notes}\tAnnotatorNotes ${id}\tentity: ${m.entity}${entity ? ` (${oneLine(entity.name)})` : ''}`);
  }

  /** R lines for links between annotations of this review, one per linked pair; warnings for the rest. */
  addLinks(annotations: readonly Annotation[]): string[] {
    const warnings: string[] = [];
    const done = new Set<string>();
    for (const a of annotations) {
      const from = this.tOfAnnotation.get(a.id);
      for (const link of a.links) {
        const other = resolveRelative(this.review.relativeName, link.review);
        if (other !== this.review.relativeName) {
          warnings.push(`${this.review.relativeName}: the link of annotation ${a.id} to ${link.review}#${link.id} crosses documents, which brat cannot show; left out`);
          continue;
        }
        const to = this.tOfAnnotation.get(link.id);
        const key = [a.id, link.id].sort().join('\u0000');
        if (!from || !to || done.has(key)) continue;
        done.add(key);
        this.lines.push(`R${++this.relations}\t${BRAT_LINK_TYPE} Arg1:${from} Arg2:${to}`);
      }
    }
    return warnings;
  }

  /** A T line for [start, end) (UTF-16 offsets into the review), split at line breaks; its id. */
  private addSpan(start: number, end: number, type: string): string | undefined {
    const s = this.toTxt(start);
    const e = this.toTxt(end);
    const fragments: Array<[number, number]> = [];
    let from = s;
    for (let i = s; i <= e; i++) {
      if (i === e || this.txt.charCodeAt(i) === 10) {
        if (this.txt.slice(from, i).trim()) fragments.push([from, i]);
        from = i + 1;
      }
    }
    if (fragments.length === 0) return undefined;
    const id = `T${++this.t}`;
    const offsets = fragments.map(([a, b]) => `${this.index.toCodePoint(a)} ${this.index.toCodePoint(b)}`).join(';');
    const text = fragments.map(([a, b]) => this.txt.slice(a, b)).join(' ');
    this.lines.push(`${id}\t${type} ${offsets}\t${text}`);
    return id;
  }

  /** A UTF-16 offset into the review → a UTF-16 offset into the LF copy. */
  private toTxt(offset: number): number {
    let lo = 0;
    let hi = this.droppedCr.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.droppedCr[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(this.txt.length, offset - lo);
  }
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n\t]+\s*/g, ' ').trim();
}

/** Output path without extension for each review; the extension is kept when two reviews share a stem. */
function documentStems(reviews: readonly ReviewForExport[]): Map<ReviewForExport, string> {
  const strip = (n: string) => n.replace(/\.[^./]+$/, '');
  const count = new Map<string, number>();
  for (const r of reviews) count.set(strip(r.relativeName), (count.get(strip(r.relativeName)) ?? 0) + 1);
  return new Map(reviews.map((r) => [r, count.get(strip(r.relativeName))! > 1 ? r.relativeName : strip(r.relativeName)]));
}

function annotationConf(types: string[]): string {
  const sorted = [...new Set(types)].sort((a, b) => a.localeCompare(b));
  return [
    '# Generated by Marginalia: the annotation types (first tags) and entity kinds of this export.',
    '[entities]',
    ...sorted,
    '',
    '[relations]',
    `${BRAT_LINK_TYPE}\tArg1:<ENTITY>, Arg2:<ENTITY>`,
    '# Annotations and mentions may overlap freely.',
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    '',
  ].join('\n');
}
