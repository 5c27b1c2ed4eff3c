// Reads a Hypothesis export: the client's "Export annotations" JSON
// (`{export_date, export_userid, client_version, annotations: [...]}`), an API search response
// (`{total, rows: [...]}`), a bare array of annotations, or one annotation. Each annotation has
// `uri`, `text` (the note, Markdown), `tags`, `created`/`updated`, and `target: [{source,
// selector: [...]}]` with TextQuoteSelector, TextPositionSelector (UTF-16 offsets into the page
// as the browser saw it) and RangeSelector (DOM paths: ignored). Replies and page notes have no
// passage of their own and are reported, not imported.

import { asArray, asString, type ForeignAnnotation, isRecord, keepableId, type ParsedForeign, parseJson } from './types';

export function parseHypothesisAnnotations(text: string, file: string): ParsedForeign {
  const { value, error } = parseJson(text, file);
  if (error) return { annotations: [], errors: [error] };
  const list = Array.isArray(value)
    ? value
    : isRecord(value) && Array.isArray(value.annotations)
      ? value.annotations
      : isRecord(value) && Array.isArray(value.rows)
        ? value.rows
        : isRecord(value) && Array.isArray(value.target)
          ? [value]
          : undefined;
  if (!list) return { annotations: [], errors: [`${file}:1:1: not a Hypothesis export (expected "annotations": [...], "rows": [...], or an array of annotations)`] };
  return { annotations: list.map((a, i) => readAnnotation(a, i)), errors: [] };
}

function readAnnotation(json: unknown, index: number): ForeignAnnotation {
  const a: ForeignAnnotation = { label: `#${index + 1}`, sources: [], note: '', tags: [], linkIris: [] };
  if (!isRecord(json)) {
    a.unusable = 'not an annotation object';
    return a;
  }
  const id = asString(json.id);
  if (id) a.label = id;
  a.keepId = keepableId(id);
  const uri = asString(json.uri);
  if (uri) a.sources.push(uri);
  a.note = asString(json.text) ?? '';
  a.tags = [...new Set(asArray(json.tags).filter((t): t is string => typeof t === 'string').map((t) => t.trim()).filter(Boolean))];
  a.created = asString(json.created);
  a.modified = asString(json.updated) ?? a.created;
  for (const t of asArray(json.target)) {
    if (!isRecord(t)) continue;
    const source = asString(t.source);
    if (source && !a.sources.includes(source)) a.sources.push(source);
    for (const s of asArray(t.selector)) {
      if (!isRecord(s)) continue;
      if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact && !a.quote) {
        a.quote = { exact: s.exact, prefix: asString(s.prefix) ?? '', suffix: asString(s.suffix) ?? '' };
      } else if (s.type === 'TextPositionSelector' && Number.isSafeInteger(s.start) && Number.isSafeInteger(s.end) && !a.position) {
        a.position = { start: s.start as number, end: s.end as number, unit: 'utf16' };
      }
    }
  }
  if (asArray(json.references).length > 0) a.unusable = 'a reply to another annotation (it has no passage of its own)';
  else if (!a.quote) a.unusable = 'a page note (it annotates the whole page, not a passage)';
  return a;
}
