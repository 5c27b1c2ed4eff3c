// Three-way merge of sidecar texts by annotation id, for the git merge driver
// (docs/sidecar-format.md, "Sidecars in git"). Both sides' new annotations are kept, deletions
// honoured, and fields merged one by one: tags and links as sets, the note and the passage when
// only one side changed them. Where both sides changed the same thing differently, or one deleted
// what the other changed, nothing is dropped: ours (or the changed one) stays in place and the
// other version is recorded under `conflicts`, which `marginalia check` reports. The result is
// built on ours' YAML document, so comments and keys of your own survive.

import { type Document, isMap, isScalar, isSeq, type Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Mention } from '../mentions/types';
import { makeTarget, reanchor, type ReanchorOptions } from './anchoring';
import type { Annotation, AnnotationLink, MergeConflict, Sidecar, SidecarError, SidecarMention, TextTarget } from './model';
import { SIDECAR_VERSION } from './model';
import { parseSidecar, renderSidecar, textHash } from './sidecarFormat';

export interface MergeInput {
  /** The common ancestor's text ('' when the file is new on both sides). */
  base: string;
  ours: string;
  theirs: string;
  /** How the file is named in errors. */
  file?: string;
  /** The merged review text, when known: annotations are re-anchored against it and textHash set. */
  reviewText?: string;
  /** Mentions the engine found in reviewText (regenerated); without them, ours are kept. */
  mentions?: readonly (Mention | SidecarMention)[];
  reanchor?: ReanchorOptions;
}

export interface MergeResult {
  text: string;
  /** Conflicts recorded by this merge. */
  conflicts: number;
  clean: boolean;
}

/** A side does not parse as a sidecar: the caller must leave the merge to a person. */
export class SidecarMergeError extends Error {
  constructor(readonly errors: SidecarError[]) {
    super(errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n'));
  }
}

const ANNOTATION_KEYS = new Set(['id', 'orphan', 'tags', 'note', 'target', 'links', 'created', 'modified', 'conflicts']);
const TOP_KEYS = new Set(['version', 'review', 'textHash', 'conflicts', 'annotations', 'mentions']);

export async function mergeSidecars(input: MergeInput): Promise<MergeResult> {
  const file = input.file ?? 'sidecar';
  const read = (text: string, side: string) => {
    const parsed = parseSidecar(text, `${file} (${side})`);
    if (!parsed.sidecar) throw new SidecarMergeError(parsed.errors);
    return parsed;
  };
  const base = input.base.trim() ? read(input.base, 'base') : undefined;
  const ours = read(input.ours, 'ours');
  const theirs = read(input.theirs, 'theirs');
  const O = byId(base?.sidecar?.annotations ?? []);
  const A = byId(ours.sidecar!.annotations);
  const B = byId(theirs.sidecar!.annotations);

  const doc = (ours.document ?? theirs.document)?.clone();
  const seq = doc && isMap(doc.contents) ? doc.contents.get('annotations', true) : undefined;
  const recorded: MergeConflict[] = [];
  const merged: Annotation[] = [];
  const record = (a: Annotation, c: MergeConflict) => {
    a.conflicts = [...(a.conflicts ?? []), c];
    recorded.push(c);
  };
  const bringTheirs = (id: string) => {
    const node = nodeById(theirs.document, id);
    if (node && isSeq(seq)) seq.items.push(node.clone());
  };

  for (const id of [...new Set([...A.keys(), ...B.keys()])]) {
    const o = O.get(id);
    const a = A.get(id);
    const b = B.get(id);
    if (a && b) {
      const m = mergeAnnotation(o, a, b, record);
      const node = nodeById(doc, id);
      if (node) mergeOwnKeys(nodeById(base?.document, id), node, nodeById(theirs.document, id)!, (c) => record(m, c));
      merged.push(m);
    } else if (a) {
      if (!o) merged.push(a);
      else if (!sameContent(a, o)) {
        const kept = clone(a);
        record(kept, { field: 'annotation', deletedBy: 'theirs' });
        merged.push(kept);
      }
    } else if (b) {
      if (!o) {
        merged.push(b);
        bringTheirs(id);
      } else if (!sameContent(b, o)) {
        const kept = clone(b);
        record(kept, { field: 'annotation', deletedBy: 'ours' });
        merged.push(kept);
        bringTheirs(id);
      }
    }
  }

  const result: Sidecar = {
    version: SIDECAR_VERSION,
    review: ours.sidecar!.review || theirs.sidecar!.review,
    textHash: ours.sidecar!.textHash || theirs.sidecar!.textHash,
    annotations: merged,
    mentions: ours.sidecar!.mentions,
  };
  const topConflicts = [...(ours.sidecar!.conflicts ?? [])];
  if (doc && isMap(doc.contents) && ours.document && isMap(ours.document.contents) && theirs.document && isMap(theirs.document.contents)) {
    const baseRoot = base?.document && isMap(base.document.contents) ? base.document.contents : undefined;
    mergeOwnKeys(baseRoot, doc.contents, theirs.document.contents, (c) => {
      topConflicts.push(c);
      recorded.push(c);
    }, TOP_KEYS);
  }
  if (topConflicts.length > 0) result.conflicts = topConflicts;

  if (input.reviewText !== undefined) {
    const text = input.reviewText;
    for (const a of result.annotations) {
      const found = reanchor(text, a.target, input.reanchor);
      if (found.kind === 'orphan') a.orphan = true;
      else {
        a.target = makeTarget(text, found.start, found.end);
        delete a.orphan;
      }
    }
    result.textHash = await textHash(text);
    result.mentions = input.mentions
      ? input.mentions.map((m) => ({ entity: m.entity, kind: m.kind, start: m.start, end: m.end, text: m.text }))
      : result.mentions.filter((m) => text.slice(m.start, m.end) === m.text);
  }
  return { text: renderSidecar(result, doc), conflicts: recorded.length, clean: recorded.length === 0 };
}

function mergeAnnotation(o: Annotation | undefined, a: Annotation, b: Annotation, record: (a: Annotation, c: MergeConflict) => void): Annotation {
  const m = clone(a);
  // The passage: one side's change wins; both re-anchored onto the same words is no conflict.
  const targetA = !o || !sameTarget(a.target, o.target);
  const targetB = !o || !sameTarget(b.target, o.target);
  if (targetB && !targetA) {
    m.target = { ...b.target };
    if (b.orphan) m.orphan = true;
    else delete m.orphan;
  } else if (targetA && targetB && a.target.quote !== b.target.quote) {
    record(m, { field: 'target', theirs: { ...b.target }, ...(o ? { base: { ...o.target } } : {}) });
  }
  const note = merge3(o?.note, a.note, b.note);
  if (note.conflict) record(m, { field: 'note', theirs: b.note, ...(o ? { base: o.note } : {}) });
  else m.note = note.value;
  m.tags = mergeSets(o?.tags ?? [], a.tags, b.tags, (t) => t);
  m.links = mergeSets(o?.links ?? [], a.links, b.links, linkKey);
  const created = merge3(o?.created, a.created, b.created);
  m.created = created.conflict ? [a.created, b.created].sort()[0] : created.value;
  m.modified = [a.modified, b.modified].sort()[1];
  const earlier = [...(a.conflicts ?? []), ...(b.conflicts ?? [])];
  const seen = new Set<string>();
  const carried = earlier.filter((c) => !seen.has(JSON.stringify(c)) && seen.add(JSON.stringify(c)));
  const fresh = (m.conflicts ?? []).slice((a.conflicts ?? []).length);
  m.conflicts = [...carried, ...fresh];
  if (m.conflicts.length === 0) delete m.conflicts;
  return m;
}

function merge3<T>(o: T | undefined, a: T, b: T): { value: T; conflict: boolean } {
  if (a === b) return { value: a, conflict: false };
  if (o !== undefined && a === o) return { value: b, conflict: false };
  if (o !== undefined && b === o) return { value: a, conflict: false };
  return { value: a, conflict: true };
}

/** Three-way set merge: what either side added is in, what either side removed is out; ours' order first. */
function mergeSets<T>(o: readonly T[], a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const inO = new Set(o.map(key));
  const inA = new Set(a.map(key));
  const inB = new Set(b.map(key));
  const keep = (k: string) => (inA.has(k) && inB.has(k)) || (!inO.has(k) && (inA.has(k) || inB.has(k)));
  const out: T[] = [];
  const done = new Set<string>();
  for (const x of [...a, ...b]) {
    const k = key(x);
    if (!done.has(k) && keep(k)) out.push(x);
    done.add(k);
  }
  return out;
}

/**
 * Keys of your own (in an annotation, or at the top of the file): each taken from the side that
 * changed it; both changed differently keeps ours and records theirs.
 */
function mergeOwnKeys(base: YAMLMap | undefined, ours: YAMLMap, theirs: YAMLMap, conflict: (c: MergeConflict) => void, known = ANNOTATION_KEYS): void {
  const own = (m: YAMLMap | undefined) => (m?.items ?? []).map(keyOf).filter((k): k is string => typeof k === 'string' && !known.has(k));
  for (const key of new Set([...own(ours), ...own(theirs)])) {
    const [o, a, b] = [valueOf(base, key), valueOf(ours, key), valueOf(theirs, key)];
    if (a === b || b === o) continue;
    if (a === o) {
      const pair = theirs.items.find((p) => keyOf(p) === key);
      ours.items = ours.items.filter((p) => keyOf(p) !== key);
      if (pair) ours.items.push(pair.clone() as Pair);
    } else {
      conflict({ field: key, ...(b !== undefined ? { theirs: JSON.parse(b) } : {}), ...(o !== undefined ? { base: JSON.parse(o) } : {}) });
    }
  }
}

function keyOf(p: Pair): unknown {
  return isScalar(p.key) ? p.key.value : p.key;
}

/** A key's value as JSON (undefined when absent), for comparing across documents. */
function valueOf(map: YAMLMap | undefined, key: string): string | undefined {
  const pair = map?.items.find((p) => keyOf(p) === key);
  if (!pair) return undefined;
  const v = pair.value as { toJSON?: () => unknown } | null;
  return JSON.stringify(v && typeof v.toJSON === 'function' ? v.toJSON() : v) ?? 'null';
}

function nodeById(doc: Document | undefined, id: string): YAMLMap | undefined {
  const seq = doc && isMap(doc.contents) ? doc.contents.get('annotations', true) : undefined;
  if (!(seq instanceof YAMLSeq)) return undefined;
  return seq.items.find((n): n is YAMLMap => isMap(n) && n.get('id') === id);
}

function byId(list: readonly Annotation[]): Map<string, Annotation> {
  return new Map(list.map((a) => [a.id, a]));
}

function clone(a: Annotation): Annotation {
  return JSON.parse(JSON.stringify(a)) as Annotation;
}

function linkKey(l: AnnotationLink): string {
  return `${l.review}\u0000${l.id}`;
}

function sameTarget(x: TextTarget, y: TextTarget): boolean {
  return x.quote === y.quote && x.prefix === y.prefix && x.suffix === y.suffix && x.start === y.start && x.end === y.end;
}

/** What a person changes: re-anchoring alone (new offsets for the same words) is not a change. */
function sameContent(x: Annotation, y: Annotation): boolean {
  const set = (v: string[]) => [...v].sort().join('\u0000');
  return x.note === y.note && x.target.quote === y.target.quote && set(x.tags) === set(y.tags) && set(x.links.map(linkKey)) === set(y.links.map(linkKey));
}
