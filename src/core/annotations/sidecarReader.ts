// Reads the sidecar model out of a parsed yaml Document, strictly: one positioned error per
// problem (a wrong type, a missing key, a duplicate id), at the node where it is.

import { type Document, isAlias, isMap, isNode, isScalar, isSeq, type LineCounter, type Pair, type YAMLMap } from 'yaml';
import type { EntityKind } from '../mentions/types';
import { type Annotation, type AnnotationLink, type MergeConflict, SIDECAR_VERSION, type Sidecar, type SidecarError, type SidecarMention, type TextTarget } from './model';

/** Aliases are rarely needed by hand; reading a conflict's value expands at most this many. */
const MAX_ALIAS_COUNT = 10;

/** Reads the model out of a parsed Document, collecting one positioned error per problem. */
export class SidecarReader {
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
    const sidecar: Sidecar = {
      version: SIDECAR_VERSION,
      review: this.string(root, 'review', '') ?? '',
      textHash: this.string(root, 'textHash', '') ?? '',
      annotations: this.list(root, 'annotations', (n) => this.annotation(n)),
      mentions: this.list(root, 'mentions', (n) => this.mention(n)),
    };
    const conflicts = this.list(root, 'conflicts', (n) => this.conflict(n));
    if (conflicts.length > 0) sidecar.conflicts = conflicts;
    return sidecar;
  }

  /** A conflict recorded by the merge driver: `field`, and `theirs`, `deletedBy`, `base` as written. */
  private conflict(node: unknown): MergeConflict | undefined {
    const map = this.map(node, 'a conflict');
    if (!map) return undefined;
    const field = this.string(map, 'field');
    if (field === undefined) return undefined;
    const c: MergeConflict = { field };
    const deletedBy = this.get(map, 'deletedBy');
    if (deletedBy !== undefined) {
      const v = this.scalar(deletedBy);
      if (v === 'ours' || v === 'theirs') c.deletedBy = v;
      else this.error(deletedBy, '"deletedBy" must be ours or theirs');
    }
    for (const key of ['theirs', 'base'] as const) {
      const v = this.get(map, key);
      if (v !== undefined) c[key] = isNode(v) ? v.toJS(this.doc, { maxAliasCount: MAX_ALIAS_COUNT }) : v;
    }
    return c;
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
    const conflicts = this.list(map, 'conflicts', (n) => this.conflict(n));
    if (conflicts.length > 0) a.conflicts = conflicts;
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

export function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

