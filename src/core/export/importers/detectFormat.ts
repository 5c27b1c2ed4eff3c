// Which importer a file is for, from its content: a W3C Web Annotation document says so (its
// `@context` is the Web Annotation context, its nodes are typed Annotation, AnnotationPage or
// AnnotationCollection); a Hypothesis export is untyped JSON whose annotations carry `uri` and
// `target[].selector` (and, from the client, `export_userid`/`client_version`). When the file
// shows signs of both or of neither, the answer is undefined and the caller asks the person.

import type { ImportFormat } from './index';
import { asArray, isRecord, parseJson } from './types';

const W3C_TYPES = new Set(['Annotation', 'AnnotationPage', 'AnnotationCollection']);

export function detectImportFormat(text: string): ImportFormat | undefined {
  const { value } = parseJson(text, '');
  if (value === undefined) return undefined;
  const w3c = looksW3c(value);
  const hypothesis = looksHypothesis(value);
  return w3c && !hypothesis ? 'w3c' : hypothesis && !w3c ? 'hypothesis' : undefined;
}

function looksW3c(value: unknown): boolean {
  const nodes = Array.isArray(value) ? value : [value];
  return nodes.some((n) => isRecord(n) && (hasAnnoContext(n['@context']) || asArray(n.type ?? n['@type']).some((t) => typeof t === 'string' && W3C_TYPES.has(t.replace(/^(oa|as):/, '')))));
}

function hasAnnoContext(context: unknown): boolean {
  return asArray(context).some((c) => typeof c === 'string' && /w3\.org\/ns\/anno(\.jsonld)?$/.test(c));
}

function looksHypothesis(value: unknown): boolean {
  if (isRecord(value) && ('export_userid' in value || 'client_version' in value)) return true;
  const list = Array.isArray(value) ? value : isRecord(value) ? (Array.isArray(value.annotations) ? value.annotations : Array.isArray(value.rows) ? value.rows : [value]) : [];
  const first = list.find(isRecord);
  if (!first || 'type' in first || '@context' in first) return false;
  return typeof first.uri === 'string' && asArray(first.target).some((t) => isRecord(t) && 'selector' in t);
}
