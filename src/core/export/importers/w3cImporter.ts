// Reads W3C Web Annotation JSON(-LD): a single Annotation, an AnnotationPage, an
// AnnotationCollection with its first page embedded, or an array of any of these — ours or
// another tool's (Recogito, INCEpTION…). TextQuoteSelector and TextPositionSelector locate the
// passage; RangeSelector, FragmentSelector and the like describe a web page's DOM and are ignored.

import { parseAnnotationIri, parseEntityIri } from '../iris';
import { ORPHAN_PROPERTY } from '../w3c';
import { asArray, asString, type ForeignAnnotation, isRecord, type ParsedForeign, parseJson } from './types';

export function parseW3cAnnotations(text: string, file: string): ParsedForeign {
  const { value, error } = parseJson(text, file);
  if (error) return { annotations: [], errors: [error] };
  const errors: string[] = [];
  const found: Array<Record<string, unknown>> = [];
  collect(value, found, errors, file);
  if (found.length === 0 && errors.length === 0) errors.push(`${file}:1:1: no W3C annotations here (expected an Annotation, an AnnotationPage or an AnnotationCollection)`);
  return { annotations: found.map((a, i) => readAnnotation(a, i)), errors };
}

function hasType(node: Record<string, unknown>, type: string): boolean {
  return asArray(node.type ?? node['@type']).some((t) => t === type || t === `oa:${type}` || t === `as:${type}`);
}

function collect(node: unknown, out: Array<Record<string, unknown>>, errors: string[], file: string): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out, errors, file);
    return;
  }
  if (!isRecord(node)) return;
  if (hasType(node, 'Annotation')) {
    out.push(node);
  } else if (hasType(node, 'AnnotationPage') || Array.isArray(node.items)) {
    collect(node.items, out, errors, file);
    if (isRecord(node.next)) collect(node.next, out, errors, file);
  } else if (hasType(node, 'AnnotationCollection')) {
    if (isRecord(node.first)) collect(node.first, out, errors, file);
    else if (typeof node.first === 'string') {
      errors.push(`${file}:1:1: the collection's first page (${node.first}) is not embedded in the file; Marginalia reads files only, it fetches nothing`);
    }
  } else if (Array.isArray(node['@graph'])) {
    collect(node['@graph'], out, errors, file);
  }
}

function readAnnotation(json: Record<string, unknown>, index: number): ForeignAnnotation {
  const id = asString(json.id ?? json['@id']);
  const a: ForeignAnnotation = { label: id ?? `#${index + 1}`, sources: [], note: '', tags: [], linkIris: [] };
  if (id?.startsWith('urn:marginalia:mention:')) a.unusable = 'one of Marginalia’s mentions (the engine finds those again; not imported)';
  const ours = id ? parseAnnotationIri(id) : undefined;
  if (ours) {
    a.ours = ours;
    a.keepId = ours.id;
  }
  if (json[ORPHAN_PROPERTY] === true) a.orphan = true;
  a.created = asString(json.created);
  a.modified = asString(json.modified);
  readTarget(json.target, a);
  const motivation = asArray(json.motivation).map(String);
  const notes: string[] = [];
  if (typeof json.bodyValue === 'string') notes.push(json.bodyValue);
  for (const body of asArray(json.body)) readBody(body, motivation, a, notes);
  a.note = notes.join('\n\n');
  if (!a.unusable && !a.quote) a.unusable = a.position ? 'its target has a position but no quote to check it against' : 'its target names no passage (no TextQuoteSelector)';
  return a;
}

function readTarget(target: unknown, a: ForeignAnnotation): void {
  for (const t of asArray(target)) {
    if (typeof t === 'string') {
      a.sources.push(t);
      continue;
    }
    if (!isRecord(t)) continue;
    const source = isRecord(t.source) ? asString(t.source.id) : asString(t.source ?? t.id);
    if (source) a.sources.push(source);
    if (a.quote) continue; // the first target with a passage is the one anchored
    for (const s of asArray(t.selector)) {
      if (!isRecord(s)) continue;
      if (hasType(s, 'TextQuoteSelector') && typeof s.exact === 'string' && s.exact) {
        a.quote = { exact: s.exact, prefix: asString(s.prefix) ?? '', suffix: asString(s.suffix) ?? '' };
      } else if (hasType(s, 'TextPositionSelector') && Number.isSafeInteger(s.start) && Number.isSafeInteger(s.end)) {
        a.position = { start: s.start as number, end: s.end as number, unit: 'codepoint' };
      }
    }
  }
}

/** One body: a note, a tag, a link to another annotation, or an entity; anything else is ignored. */
function readBody(body: unknown, motivation: string[], a: ForeignAnnotation, notes: string[]): void {
  if (typeof body === 'string') body = { id: body };
  if (!isRecord(body)) return;
  const purposes = asArray(body.purpose).map(String);
  const purpose = purposes.length ? purposes : motivation;
  const is = (...p: string[]) => purpose.some((x) => p.includes(x.replace(/^oa:/, '')));
  if (typeof body.value === 'string') {
    if (is('tagging', 'classifying', 'identifying')) addTag(a, body.value);
    else if (body.value) notes.push(body.value);
    return;
  }
  const iri = asString(body.source) ?? asString(body.id);
  if (!iri) return;
  if (parseAnnotationIri(iri) || is('linking')) {
    if (parseAnnotationIri(iri)) a.linkIris.push(iri);
    return;
  }
  const entity = parseEntityIri(iri);
  if (entity) addTag(a, entity.id);
}

function addTag(a: ForeignAnnotation, tag: string): void {
  const t = tag.trim();
  if (t && !a.tags.includes(t)) a.tags.push(t);
}
