// The sidecar file format, version 1 (docs/sidecar-format.md): `<review stem>.annotations.yaml`
// next to the review. Parsing is strict and positioned (every problem has a line and column);
// rendering works on the yaml Document read from disk, so people's comments, key order and
// unknown keys survive, and it is deterministic, so an unchanged sidecar re-renders to the same
// bytes and a changed annotation changes only its own lines.

import { Document, isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Pair, type ToStringOptions, YAMLMap, YAMLSeq } from 'yaml';
import { basenameUri, dirnameUri, joinUri, stemOf } from '../model/uri';
import { sha256Hex } from '../model/ids';
import { encodeText } from '../text';
import type { EntityKind } from '../mentions/types';
import { type Annotation, type AnnotationLink, SIDECAR_VERSION, type Sidecar, type SidecarError, type SidecarMention, type TextTarget } from './model';

export const SIDECAR_SUFFIX = '.annotations.yaml';

/** `<folder>/<review stem>.annotations.yaml` for a review URI. */
export function sidecarUriFor(reviewUri: string): string {
  return joinUri(dirnameUri(reviewUri), stemOf(basenameUri(reviewUri)) + SIDECAR_SUFFIX);
}

/** `sha256:<hex>` of the review text (UTF-8, after a leading BOM was dropped). */
export async function textHash(text: string): Promise<string> {
  return 'sha256:' + (await sha256Hex(encodeText(text)));
}

/**
 * The largest sidecar read or written. Reviews are capped at 2 MB; a 2 MB review has about
 * 35,000 mentions (~2.5 MB of mention lines), so this leaves room for thousands of annotations.
 */
export const MAX_SIDECAR_BYTES = 16 * 1024 * 1024;

/** The error for a sidecar over MAX_SIDECAR_BYTES. */
export function tooLarge(name: string, bytes: number): string {
  return `${name} is ${(bytes / 1048576).toFixed(1)} MB, over the ${MAX_SIDECAR_BYTES / 1048576} MB limit for a sidecar; Marginalia neither reads nor writes it (see docs/sidecar-format.md, "Size")`;
}

/** Aliases are rarely needed by hand; this cap stops a "billion laughs" document cold. */
export const MAX_ALIAS_COUNT = 10;

/** Fixed layout: no folding of long notes (lineWidth 0), 2-space indent, one-line flow maps. */
const LAYOUT: ToStringOptions = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true };

/** Never write anchors/aliases, even if the same array is passed twice: readers expect plain YAML. */
const NO_ALIASES = { aliasDuplicateObjects: false } as const;

const TOP_KEYS = ['version', 'review', 'textHash', 'annotations', 'mentions'];
const ANNOTATION_KEYS = ['id', 'orphan', 'tags', 'note', 'target', 'links', 'created', 'modified'];
const TARGET_KEYS = ['quote', 'prefix', 'suffix', 'start', 'end'];

export interface ParsedSidecar {
  /** Present when the file parsed and validated. */
  sidecar?: Sidecar;
  /** The yaml Document, kept to write back into (comments, unknown keys); present with sidecar. */
  document?: Document;
  errors: SidecarError[];
}

const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?:[ \t]|\r?$)/;

/** Parses and validates sidecar source text (BOM already dropped). */
export function parseSidecar(source: string, file: string): ParsedSidecar {
  const lines = source.split('\n');
  const conflicts: SidecarError[] = [];
  lines.forEach((l, i) => {
    if (CONFLICT_MARKER.test(l)) {
      const message = `merge conflict marker ${JSON.stringify(l.slice(0, 7))}: resolve the conflict (keep the right lines, remove the markers) before Marginalia reads or writes this file`;
      conflicts.push({ file, line: i + 1, column: 1, message });
    }
  });
  if (conflicts.length > 0) return { errors: conflicts };

  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  const errors: SidecarError[] = doc.errors.map((e) => ({ file, line: at(e.pos[0]).line, column: at(e.pos[0]).col, message: e.message }));
  if (errors.length > 0) return { errors };
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    let offset = 0;
    const firstAlias = findFirstAlias(doc.contents);
    if (firstAlias?.range) offset = firstAlias.range[0];
    const message = `too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions): ${e instanceof Error ? e.message : String(e)}`;
    return { errors: [{ file, line: at(offset).line, column: at(offset).col, message }] };
  }
  const reader = new Reader(file, doc, lineCounter);
  const sidecar = reader.sidecar();
  const byPosition = [...reader.errors].sort((a, b) => a.line - b.line || a.column - b.column);
  return byPosition.length > 0 ? { errors: byPosition } : { sidecar, document: doc, errors: [] };
}

function findFirstAlias(node: unknown): { range?: [number, number, number] | null } | undefined {
  if (isAlias(node)) return node;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      const found = isNode(item) ? findFirstAlias(item) : findFirstAlias((item as Pair).key) ?? findFirstAlias((item as Pair).value);
      if (found) return found;
    }
  }
  return undefined;
}

/** Reads the model out of a parsed Document, collecting one positioned error per problem. */
class Reader {
  readonly errors: SidecarError[] = [];

  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  sidecar(): Sidecar {
    const root = this.resolve(this.doc.contents);
    const empty: Sidecar = { version: SIDECAR_VERSION, review: '', textHash: '', annotations: [], mentions: [] };
    if (root === null || root === undefined) return empty; // an empty file (maybe just comments): nothing yet
    if (!isMap(root)) {
      this.error(this.doc.contents, 'a sidecar must be a YAML mapping with version, review, textHash, annotations and mentions');
      return empty;
    }
    const version = this.get(root, 'version');
    if (version === undefined) this.error(root, `missing "version" (this Marginalia reads version ${SIDECAR_VERSION})`);
    else if (!isScalar(this.resolve(version)) || typeof this.scalar(version) !== 'number') this.error(version, '"version" must be a number');
    else if (this.scalar(version) !== SIDECAR_VERSION) {
      this.error(version, `unknown sidecar version ${String(this.scalar(version))}: this Marginalia reads version ${SIDECAR_VERSION}; upgrade Marginalia to use this file`);
    }
    return {
      version: SIDECAR_VERSION,
      review: this.string(root, 'review', '') ?? '',
      textHash: this.string(root, 'textHash', '') ?? '',
      annotations: this.list(root, 'annotations', (n) => this.annotation(n)),
      mentions: this.list(root, 'mentions', (n) => this.mention(n)),
    };
  }

  private seenIds = new Set<string>();

  private annotation(node: unknown): Annotation | undefined {
    const map = this.map(node, 'an annotation');
    if (!map) return undefined;
    const id = this.string(map, 'id');
    if (id !== undefined && id.length === 0) this.error(this.get(map, 'id'), '"id" must not be empty');
    else if (id !== undefined && this.seenIds.has(id)) this.error(this.get(map, 'id'), `duplicate annotation id "${id}"`);
    if (id) this.seenIds.add(id);
    const orphanNode = this.get(map, 'orphan');
    const orphan = orphanNode === undefined || this.scalar(orphanNode) === null ? undefined : this.scalar(orphanNode);
    if (orphan !== undefined && typeof orphan !== 'boolean') this.error(orphanNode, '"orphan" must be true or false');
    const target = this.target(map);
    const a: Annotation = {
      id: id ?? '',
      tags: this.list(map, 'tags', (n) => this.stringItem(n, 'a tag')),
      note: this.string(map, 'note', '') ?? '',
      target: target ?? { quote: '', prefix: '', suffix: '', start: 0, end: 0 },
      links: this.list(map, 'links', (n) => this.link(n)),
      created: this.string(map, 'created', '') ?? '',
      modified: this.string(map, 'modified', '') ?? '',
    };
    if (orphan === true) a.orphan = true;
    return a;
  }

  private target(map: YAMLMap): TextTarget | undefined {
    const node = this.get(map, 'target');
    if (node === undefined) return void this.error(map, 'missing "target" (quote, prefix, suffix, start, end)');
    const t = this.map(node, '"target"');
    if (!t) return undefined;
    const quote = this.string(t, 'quote');
    if (quote === '') this.error(this.get(t, 'quote'), '"quote" must not be empty');
    const start = this.integer(t, 'start');
    const end = this.integer(t, 'end');
    if (start !== undefined && end !== undefined && end < start) this.error(this.get(t, 'end'), `"end" (${end}) is before "start" (${start})`);
    return { quote: quote ?? '', prefix: this.string(t, 'prefix', '') ?? '', suffix: this.string(t, 'suffix', '') ?? '', start: start ?? 0, end: end ?? 0 };
  }

  private link(node: unknown): AnnotationLink | undefined {
    const map = this.map(node, 'a link');
    if (!map) return undefined;
    const review = this.string(map, 'review');
    const id = this.string(map, 'id');
    return review !== undefined && id !== undefined ? { review, id } : undefined;
  }

  private mention(node: unknown): SidecarMention | undefined {
    const map = this.map(node, 'a mention');
    if (!map) return undefined;
    const entity = this.string(map, 'entity');
    const kind = this.string(map, 'kind') as EntityKind | undefined;
    const start = this.integer(map, 'start');
    const end = this.integer(map, 'end');
    const text = this.string(map, 'text');
    if (entity === undefined || kind === undefined || start === undefined || end === undefined || text === undefined) return undefined;
    return { entity, kind, start, end, text };
  }

  // --- typed accessors: each reports its own problem at the offending node --------------------

  private list<T>(map: YAMLMap, key: string, item: (node: unknown) => T | undefined): T[] {
    const node = this.get(map, key);
    if (node === undefined || this.scalar(node) === null) return [];
    const seq = this.resolve(node);
    if (!isSeq(seq)) {
      this.error(node, `"${key}" must be a list`);
      return [];
    }
    const out: T[] = [];
    for (const n of seq.items) {
      const v = item(n);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  private string(map: YAMLMap, key: string, fallback?: string): string | undefined {
    const node = this.get(map, key);
    if (node === undefined) return fallback ?? void this.error(map, `missing "${key}"`);
    if (fallback !== undefined && this.scalar(node) === null) return fallback;
    return this.stringItem(node, `"${key}"`);
  }

  private stringItem(node: unknown, what: string): string | undefined {
    const v = this.scalar(node);
    if (typeof v === 'string') return v;
    return void this.error(node, `${what} must be a string${isScalar(this.resolve(node)) ? ` (write it in quotes: "${String(v)}")` : ''}`);
  }

  private integer(map: YAMLMap, key: string): number | undefined {
    const node = this.get(map, key);
    if (node === undefined) return void this.error(map, `missing "${key}"`);
    const v = this.scalar(node);
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
    return void this.error(node, `"${key}" must be a whole number ≥ 0 (a UTF-16 offset into the review)`);
  }

  private map(node: unknown, what: string): YAMLMap | undefined {
    const m = this.resolve(node);
    if (isMap(m)) return m;
    return void this.error(node, `${what} must be a mapping (key: value lines)`);
  }

  private get(map: YAMLMap, key: string): unknown {
    const pair = map.items.find((p) => keyOf(p) === key);
    return pair ? (pair.value ?? null) : undefined;
  }

  /** A scalar's value; null for an empty value; undefined for a collection. */
  private scalar(node: unknown): unknown {
    if (node === null) return null;
    const n = this.resolve(node);
    return isScalar(n) ? n.value : undefined;
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  private error(node: unknown, message: string): void {
    const range = isNode(node) ? node.range : undefined;
    const pos = this.lines.linePos(range ? range[0] : 0);
    this.errors.push({ file: this.file, line: pos.line, column: pos.col, message });
  }
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

// --- rendering -------------------------------------------------------------------------------

/**
 * Renders a sidecar. With `base` (the Document parsed from the file on disk), only what differs
 * is replaced: unchanged values keep their nodes, so their comments and quoting survive; unknown
 * keys stay. Annotations are ordered by start offset then id; mentions are always regenerated.
 */
export function renderSidecar(sidecar: Sidecar, base?: Document): string {
  const doc = base ? base.clone() : new Document();
  const root: YAMLMap = isMap(doc.contents) ? doc.contents : new YAMLMap();
  doc.contents = root;
  setValue(doc, root, 'version', sidecar.version);
  setValue(doc, root, 'review', sidecar.review);
  setValue(doc, root, 'textHash', sidecar.textHash);

  const annotations = [...sidecar.annotations].sort((a, b) => a.target.start - b.target.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seq = collection(doc, root, 'annotations', () => new YAMLSeq());
  const existing = new Map<string, YAMLMap>();
  for (const item of seq.items) {
    if (isMap(item)) {
      const idNode = item.items.find((p) => keyOf(p) === 'id')?.value;
      if (isScalar(idNode) && typeof idNode.value === 'string') existing.set(idNode.value, item);
    }
  }
  seq.items = annotations.map((a) => writeAnnotation(doc, existing.get(a.id) ?? new YAMLMap(), a));
  seq.flow = seq.items.length === 0; // `annotations: []` rather than `[]` on a line of its own

  const mentions = [...sidecar.mentions].sort((a, b) => a.start - b.start || a.end - b.end || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
  const mentionSeq = collection(doc, root, 'mentions', () => new YAMLSeq());
  mentionSeq.items = mentions.map((m) => {
    const node = doc.createNode({ entity: m.entity, kind: m.kind, start: m.start, end: m.end, text: m.text }, NO_ALIASES);
    node.flow = true; // one mention per line, so they diff line by line
    return node;
  });
  mentionSeq.flow = mentionSeq.items.length === 0;
  if (!base) orderKeys(root, TOP_KEYS);
  return doc.toString(LAYOUT);
}

function writeAnnotation(doc: Document, map: YAMLMap, a: Annotation): YAMLMap {
  setValue(doc, map, 'id', a.id);
  if (a.orphan) setValue(doc, map, 'orphan', true);
  else map.items = map.items.filter((p) => keyOf(p) !== 'orphan');
  setValue(doc, map, 'tags', a.tags, true);
  setValue(doc, map, 'note', a.note);
  const target = collection(doc, map, 'target', () => new YAMLMap());
  for (const key of TARGET_KEYS) setValue(doc, target, key, a.target[key as keyof TextTarget]);
  target.flow = false;
  orderKeys(target, TARGET_KEYS);
  if (!sameValue(doc, map.items.find((p) => keyOf(p) === 'links')?.value, a.links)) {
    const links = new YAMLSeq();
    links.items = a.links.map((l) => {
      const node = doc.createNode({ review: l.review, id: l.id }, NO_ALIASES);
      node.flow = true;
      return node;
    });
    setNode(map, 'links', links, doc);
  }
  setValue(doc, map, 'created', a.created);
  setValue(doc, map, 'modified', a.modified);
  orderKeys(map, ANNOTATION_KEYS);
  return map;
}

/** The collection under key, created (and put in place) when missing or not of that kind. */
function collection<T extends YAMLMap | YAMLSeq>(doc: Document, map: YAMLMap, key: string, make: () => T): T {
  const current = map.items.find((p) => keyOf(p) === key)?.value;
  const fresh = make();
  if (current && (isMap(fresh) ? isMap(current) : isSeq(current))) return current as T;
  setNode(map, key, fresh, doc);
  return fresh;
}

/** Sets a value unless it is already there (keeping the node, its comments and its quoting). */
function setValue(doc: Document, map: YAMLMap, key: string, value: unknown, flow = false): void {
  const current = map.items.find((p) => keyOf(p) === key)?.value;
  if (current !== undefined && sameValue(doc, current, value)) return;
  const node = doc.createNode(value, NO_ALIASES);
  if (isSeq(node) || isMap(node)) node.flow = flow;
  setNode(map, key, node, doc);
}

/** Puts a node under key; a replaced value hands over its trailing comment. */
function setNode(map: YAMLMap, key: string, node: unknown, doc: Document): void {
  const pair = map.items.find((p) => keyOf(p) === key);
  if (!pair) {
    map.items.push(doc.createPair(key, node));
    return;
  }
  if (isNode(pair.value) && isNode(node) && pair.value.comment && !node.comment) node.comment = pair.value.comment;
  pair.value = node;
}

function sameValue(doc: Document, node: unknown, value: unknown): boolean {
  if (node === undefined) return false;
  const js = isNode(node) ? node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : node;
  return JSON.stringify(js) === JSON.stringify(value);
}

/** Known keys first, in their fixed order; then any other keys, in the order they were. */
function orderKeys(map: YAMLMap, order: string[]): void {
  const rank = (p: Pair) => {
    const i = order.indexOf(String(keyOf(p)));
    return i === -1 ? order.length : i;
  };
  map.items = map.items.map((p, i) => ({ p, i })).sort((x, y) => rank(x.p) - rank(y.p) || x.i - y.i).map((x) => x.p);
}
