// W3C Web Annotation (JSON-LD) export: one AnnotationCollection with one embedded AnnotationPage
// holding every annotation, each a complete Annotation on its own (@context, id, type), so a
// consumer can split the page and keep each item valid. Positions are in code points, as the
// Recommendation requires. docs/interchange.md describes the mapping.

import { makeTarget } from '../annotations/anchoring';
import type { Annotation } from '../annotations/model';
import { CodePointIndex } from './codePoints';
import { annotationIri, collectionIri, entityIri, mentionIri, reviewIri } from './iris';
import type { AnnotationExporter, ExportInput, ExportOutput, ReviewForExport } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Our extension property for an annotation whose passage is not in the text any more. */
export const ORPHAN_PROPERTY = 'marginalia:orphan';

/** RFC 3339 date-time, what the model's `created`/`modified` must be (xsd:dateTime with a zone). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, unknown>;

export const w3cExporter: AnnotationExporter = {
  format: 'w3c',
  singleFile: () => true,
  export(input: ExportInput): ExportOutput {
    const warnings: string[] = [];
    const label = input.options?.label ?? 'Marginalia export';
    const id = collectionIri(label);
    const entityIds = new Set(input.entities.map((e) => `${e.film}\u0000${e.id}`));
    const items: Json[] = [];
    for (const review of input.reviews) {
      const index = new CodePointIndex(review.text);
      for (const a of review.annotations) items.push(annotationJson(review, a, index, entityIds, warnings));
      if (input.options?.mentions) for (const m of review.mentions ?? []) items.push(mentionJson(review, m, index));
    }
    const page = `${id}#page-1`;
    const collection: Json = {
      '@context': ANNO_CONTEXT,
      id,
      type: 'AnnotationCollection',
      label,
      total: items.length,
      generated: input.options?.generated ?? new Date().toISOString(),
      first: { id: page, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
      last: page,
    };
    return { files: [{ name: 'annotations.jsonld', text: JSON.stringify(collection, null, 2) + '\n' }], warnings };
  },
};

function annotationJson(review: ReviewForExport, a: Annotation, index: CodePointIndex, entityIds: Set<string>, warnings: string[]): Json {
  const body: Json[] = [];
  if (a.note) body.push({ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of a.tags) {
    body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
    if (entityIds.has(`${review.film}\u0000${tag}`)) body.push({ type: 'SpecificResource', source: entityIri(review.film, tag), purpose: 'identifying' });
  }
  for (const link of a.links) {
    const other = resolveRelative(review.relativeName, link.review);
    if (other === undefined) {
      warnings.push(`${review.relativeName}: the link of annotation ${a.id} to ${link.review}#${link.id} is not below the export root; left out`);
      continue;
    }
    body.push({ type: 'SpecificResource', source: annotationIri(other, link.id), purpose: 'linking' });
  }
  const motivation = a.note ? 'commenting' : a.tags.length ? 'tagging' : a.links.length ? 'linking' : 'highlighting';
  const start = Math.min(a.target.start, review.text.length);
  const end = Math.min(Math.max(a.target.end, start), review.text.length);
  const json: Json = {
    '@context': ANNO_CONTEXT,
    id: annotationIri(review.relativeName, a.id),
    type: 'Annotation',
    motivation,
  };
  if (DATE_TIME.test(a.created)) json.created = a.created;
  if (DATE_TIME.test(a.modified)) json.modified = a.modified;
  if (body.length) json.body = body.length === 1 ? body[0] : body;
  json.target = {
    source: reviewIri(review.relativeName, review.frontMatter.source),
    selector: [
      { type: 'TextQuoteSelector', exact: a.target.quote, prefix: a.target.prefix, suffix: a.target.suffix },
      { type: 'TextPositionSelector', start: index.toCodePoint(start), end: index.toCodePoint(end) },
    ],
  };
  if (a.orphan) json[ORPHAN_PROPERTY] = true;
  return json;
}

function mentionJson(review: ReviewForExport, m: { entity: string; start: number; end: number }, index: CodePointIndex): Json {
  const t = makeTarget(review.text, m.start, m.end);
  const start = index.toCodePoint(m.start);
  const end = index.toCodePoint(m.end);
  return {
    '@context': ANNO_CONTEXT,
    id: mentionIri(review.relativeName, start, end),
    type: 'Annotation',
    motivation: 'identifying',
    body: { type: 'SpecificResource', source: entityIri(review.film, m.entity), purpose: 'identifying' },
    target: {
      source: reviewIri(review.relativeName, review.frontMatter.source),
      selector: [
        { type: 'TextQuoteSelector', exact: t.quote, prefix: t.prefix, suffix: t.suffix },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  };
}

/**
 * The relative name of the review a link points at: the link's path (relative to this review's
 * folder) resolved against this review's relative name; undefined when it climbs above the root
 * or is a whole URI.
 */
export function resolveRelative(fromRelativeName: string, linkPath: string): string | undefined {
  if (/^[a-zA-Z][\w+.-]*:/.test(linkPath)) return undefined;
  const parts = fromRelativeName.split('/').slice(0, -1);
  for (const seg of linkPath.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

/** `to` relative to the folder of `from` (both relative names), as a sidecar link holds it. */
export function relativeBetween(fromRelativeName: string, toRelativeName: string): string {
  const from = fromRelativeName.split('/').slice(0, -1);
  const to = toRelativeName.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}
