// The sidecar file format, version 1 (docs/sidecar-format.md): `<review stem>.annotations.yaml`
// next to the review. Parsing is strict and positioned (every problem has a line and column);
// rendering works on the yaml Document read from disk, so people's comments, key order and
// unknown keys survive, and it is deterministic, so an unchanged sidecar re-renders to the same
// bytes and a changed annotation changes only its own lines.

import { Document, isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Pair, type ToStringOptions, YAMLMap, YAMLSeq } from 'yaml';
import { basenameUri, dirnameUri, joinUri, stemOf } from '../model/uri';
import { sha256Hex } from '../model/ids';
import { encodeText } from '../text';
import { keyOf, SidecarReader } from './sidecarReader';
import type { Annotation, MergeConflict, Sidecar, SidecarError, TextTarget } from './model';
import { findMentionsBlock, readMentionLines, renderMentionLines } from './mentionLines';

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

const TOP_KEYS = ['version', 'review', 'textHash', 'conflicts', 'annotations', 'mentions'];
const ANNOTATION_KEYS = ['id', 'orphan', 'tags', 'note', 'target', 'links', 'created', 'modified', 'conflicts'];
const TARGET_KEYS = ['quote', 'prefix', 'suffix', 'start', 'end'];

export interface ParsedSidecar {
  /** Present when the file parsed and validated. */
  sidecar?: Sidecar;
  /** The yaml Document, kept to write back into (comments, unknown keys); present with sidecar. */
  document?: Document;
  errors: SidecarError[];
}

const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?:[ \t]|\r?$)/gm;

/**
 * The most of a sidecar read with the yaml package's Document API: everything but the mentions
 * written one per line (those are read by mentionLines.ts). The Document API takes about a second
 * and 150 MB per MB; this keeps a sidecar at the limit within a few seconds.
 */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;

/** The placeholder the Document holds where the one-line mentions were. */
const PLACEHOLDER = 'mentions: []';

/**
 * Parses and validates sidecar source text (BOM already dropped). The mentions block, when it is
 * in the one-line form Marginalia writes, is read by a dedicated reader and the rest by the yaml
 * package (the Document then holds `mentions: []` in its place); line numbers are of the source.
 */
export function parseSidecar(source: string, file: string): ParsedSidecar {
  const conflicts: SidecarError[] = [];
  for (const m of source.matchAll(CONFLICT_MARKER)) {
    const line = source.slice(0, m.index).split('\n').length;
    const message = `merge conflict marker ${JSON.stringify(m[1])}: resolve the conflict (keep the right lines, remove the markers) before Marginalia reads or writes this file`;
    conflicts.push({ file, line, column: 1, message });
  }
  if (conflicts.length > 0) return { errors: conflicts };
  const name = basenameUri(file);
  if (source.length > MAX_SIDECAR_BYTES) return { errors: [{ file, line: 1, column: 1, message: tooLarge(name, source.length) }] };

  const block = findMentionsBlock(source);
  const oneLine = block && block !== 'several' ? readMentionLines(source, block) : undefined;
  if (block && block !== 'several' && oneLine && 'mentions' in oneLine) {
    const rest = source.slice(0, block.start) + PLACEHOLDER + '\n' + source.slice(block.end);
    if (rest.length > MAX_YAML_BYTES) return { errors: [{ file, line: 1, column: 1, message: yamlTooLarge(name, rest.length) }] };
    const toSource = (line: number) => (line > block.line ? line + block.lines - 1 : line);
    const parsed = parseYaml(rest, file, toSource);
    const placeholder = isMap(parsed.document?.contents) ? parsed.document.contents.items.find((p) => keyOf(p) === 'mentions')?.value : undefined;
    const inPlace = isSeq(placeholder) && placeholder.items.length === 0 && placeholder.range?.[0] === block.start + PLACEHOLDER.length - 2;
    if (parsed.errors.length > 0) return parsed;
    if (inPlace) {
      parsed.sidecar!.mentions = oneLine.mentions;
      return parsed;
    }
    // The key line was not what it seemed (inside a multi-line scalar): read it all as YAML.
  }
  if (source.length > MAX_YAML_BYTES) {
    if (!oneLine) return { errors: [{ file, line: 1, column: 1, message: yamlTooLarge(name, source.length) }] };
    const where = 'notOneLine' in oneLine ? oneLine.notOneLine : { line: 1, column: 1 };
    const message = `${name}: this mention is not written one per line as Marginalia writes them ({ entity: …, kind: …, start: …, end: …, text: … }), and the file is too large (${(source.length / 1048576).toFixed(1)} MB) to read otherwise than line by line; regenerate the mentions (delete the mentions block and run annotate)`;
    return { errors: [{ file, line: where.line, column: where.column, message }] };
  }
  return parseYaml(source, file, (line) => line);
}

function yamlTooLarge(name: string, size: number): string {
  return `${name}: its annotations and other keys (all but the mentions) come to ${(size / 1048576).toFixed(1)} MB, over the ${MAX_YAML_BYTES / 1048576} MB Marginalia reads as general YAML (see docs/sidecar-format.md, "Size")`;
}

/** Parses YAML text with the Document API; `toSource` maps its line numbers to the file's. */
function parseYaml(source: string, file: string, toSource: (line: number) => number): ParsedSidecar {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  const errors: SidecarError[] = doc.errors.map((e) => ({ file, line: toSource(at(e.pos[0]).line), column: at(e.pos[0]).col, message: e.message }));
  if (errors.length > 0) return { errors };
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    let offset = 0;
    const firstAlias = findFirstAlias(doc.contents);
    if (firstAlias?.range) offset = firstAlias.range[0];
    const message = `too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions): ${e instanceof Error ? e.message : String(e)}`;
    return { errors: [{ file, line: toSource(at(offset).line), column: at(offset).col, message }] };
  }
  const reader = new SidecarReader(file, doc, lineCounter);
  const sidecar = reader.sidecar();
  const byPosition = reader.errors.map((e) => ({ ...e, line: toSource(e.line) })).sort((a, b) => a.line - b.line || a.column - b.column);
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

// --- rendering -------------------------------------------------------------------------------

/**
 * Renders a sidecar. With `base` (the Document parsed from the file on disk), only what differs
 * is replaced: unchanged values keep their nodes, so their comments and quoting survive; unknown
 * keys stay. Annotations are ordered by start offset then id; mentions are always regenerated.
 */
export function renderSidecar(sidecar: Sidecar, base?: Document, reuseBase = false): string {
  const doc = base ? (reuseBase ? base : base.clone()) : new Document();
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

  // Mentions: `mentions: []` in the Document, replaced by the lines written by mentionLines.ts
  // (the bytes the Document API writes, far faster). If a comment sits on that line, the
  // Document API writes them instead.
  const mentions = [...sidecar.mentions].sort((a, b) => a.start - b.start || a.end - b.end || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
  const mentionSeq = collection(doc, root, 'mentions', () => new YAMLSeq());
  mentionSeq.items = [];
  mentionSeq.flow = true;
  writeConflicts(doc, root, sidecar.conflicts);
  if (!base) orderKeys(root, TOP_KEYS);
  const text = doc.toString(LAYOUT);
  if (mentions.length === 0) return text;
  const at = text.startsWith(PLACEHOLDER + '\n') ? 0 : text.indexOf('\n' + PLACEHOLDER + '\n') + 1;
  if ((at > 0 || text.startsWith(PLACEHOLDER + '\n')) && text.indexOf('\n' + PLACEHOLDER + '\n', at + 1) === -1) {
    return text.slice(0, at) + 'mentions:\n' + renderMentionLines(mentions, LAYOUT) + text.slice(at + PLACEHOLDER.length + 1);
  }
  mentionSeq.items = mentions.map((m) => {
    const node = doc.createNode({ entity: m.entity, kind: m.kind, start: m.start, end: m.end, text: m.text }, NO_ALIASES);
    node.flow = true; // one mention per line, so they diff line by line
    return node;
  });
  mentionSeq.flow = false;
  return doc.toString(LAYOUT);
}

/** Writes `conflicts` when there are any (undefined fields left out), removes the key when none. */
function writeConflicts(doc: Document, map: YAMLMap, conflicts: MergeConflict[] | undefined): void {
  if (!conflicts?.length) {
    map.items = map.items.filter((p) => keyOf(p) !== 'conflicts');
    return;
  }
  const plain = conflicts.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
  setValue(doc, map, 'conflicts', plain);
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
  writeConflicts(doc, map, a.conflicts);
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
