// Writes accepted proposals into a film.yaml through the yaml Document API: comments, key order
// and hand-written entries stay as they are; nothing already there is changed or duplicated; every
// new entry says where it came from in a comment; the result parses without new problems.

import { isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import type { Proposal } from './types';

export class LexiconNotParsedError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const SECTION = { character: 'characters', person: 'people', theme: 'themes' } as const;

/**
 * `lexiconText` with `accepted` added. Throws LexiconNotParsedError (1-based line and column) when
 * the text is not YAML or not a mapping: a write never destroys what it cannot read.
 */
export function mergeProposalsIntoLexicon(lexiconText: string, accepted: Proposal[]): string {
  const doc = parseDocument(lexiconText, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const [line, col] = lineCol(lexiconText, doc.errors[0].pos[0]);
    throw new LexiconNotParsedError(`${line}:${col}: ${doc.errors[0].message.split('\n')[0]}`, line, col);
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({ version: 1 }) as unknown as typeof doc.contents;
  if (!isMap(doc.contents)) throw new LexiconNotParsedError('1:1: film.yaml must be a mapping (version, film, characters, people, themes)', 1, 1);
  const root = doc.contents as unknown as YAMLMap;
  if (!root.has('version')) root.items.unshift(doc.createPair('version', 1));

  // What is already there: ids, names and aliases (names case-sensitively, theme terms folded).
  const ids = new Set<string>();
  const names = new Set<string>();
  const terms = new Set<string>();
  const collect = (item: unknown, theme: boolean) => {
    if (!isMap(item)) return;
    const id = item.get('id');
    if (typeof id === 'string') ids.add(id);
    for (const key of theme ? ['terms'] : ['name', 'title', 'aliases']) {
      const v = item.get(key, true);
      for (const n of isSeq(v) ? v.items : [v]) if (isScalar(n) && n.value !== null) (theme ? terms : names).add(normalise(String(n.value), theme));
    }
  };
  collect(root.get('film', true), false);
  for (const key of ['characters', 'people']) for (const item of seqItems(root.get(key, true))) collect(item, false);
  for (const item of seqItems(root.get('themes', true))) collect(item, true);

  const acceptedIds = new Set(accepted.map((p) => p.id));
  const personIds = new Set([...seqItems(root.get('people', true))].map((i) => (isMap(i) ? i.get('id') : undefined)).filter((x): x is string => typeof x === 'string'));
  for (const p of accepted) if (p.kind === 'person') personIds.add(p.id);

  for (const p of order(accepted)) {
    const theme = p.kind === 'theme';
    if (ids.has(p.id) || (!theme && names.has(normalise(p.name, false)))) continue;
    const aliases = p.aliases.filter((a) => (theme ? !terms.has(normalise(a, true)) : !names.has(normalise(a, false)) && a !== p.name));
    if (theme && aliases.length === 0) continue;
    const comment = ` proposed (confidence ${p.confidence.toFixed(2)}): ${p.evidence.join('; ')}`;

    if (p.kind === 'film') {
      if (root.has('film')) continue;
      const film = doc.createNode({ id: p.id, title: p.name }) as YAMLMap;
      if (aliases.length) film.set('aliases', flow(doc, aliases));
      if (p.ambiguous) film.set('ambiguous', true);
      film.commentBefore = comment;
      insertAfter(doc, root, 'version', 'film', film);
    } else {
      const entry = new YAMLMap();
      entry.set('id', p.id);
      entry.set(theme ? 'label' : 'name', p.name);
      entry.set(theme ? 'terms' : 'aliases', flow(doc, aliases));
      if (p.kind === 'character') {
        const playedBy = (p.playedBy ?? []).filter((id) => personIds.has(id) && (acceptedIds.has(id) || ids.has(id)));
        if (playedBy.length) entry.set('playedBy', flow(doc, playedBy));
      }
      if (p.kind === 'person' && p.roles?.length) entry.set('roles', flow(doc, p.roles));
      entry.commentBefore = comment;
      sectionFor(doc, root, SECTION[p.kind]).items.push(entry);
    }
    ids.add(p.id);
    if (theme) for (const t of aliases) terms.add(normalise(t, true));
    else for (const n of [p.name, ...aliases]) names.add(normalise(n, false));
  }
  return doc.toString({ lineWidth: 0 });
}

/** People before characters, so playedBy refers to entries above it when read top to bottom. */
function order(accepted: Proposal[]): Proposal[] {
  const rank = { film: 0, person: 1, character: 2, theme: 3 };
  return [...accepted].sort((a, b) => rank[a.kind] - rank[b.kind]);
}

function seqItems(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

function normalise(s: string, fold: boolean): string {
  const n = s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  return fold ? n.toLowerCase() : n;
}

function flow(doc: Document, items: string[]): YAMLSeq {
  const seq = doc.createNode(items) as YAMLSeq;
  seq.flow = true;
  return seq;
}

function sectionFor(doc: Document, root: YAMLMap, key: string): YAMLSeq {
  const existing = root.get(key, true);
  if (isSeq(existing)) return existing;
  const seq = new YAMLSeq();
  if (existing !== undefined) {
    // `characters:` with nothing under it (null): replace the empty value, keep the key's place.
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair) pair.value = seq;
  } else {
    const after = { characters: 'film', people: 'characters', themes: 'people' }[key] ?? 'film';
    insertAfter(doc, root, after, key, seq);
  }
  return seq;
}

/** Adds `key: value` right after `afterKey` (or at the end), so sections keep their usual order. */
function insertAfter(doc: Document, root: YAMLMap, afterKey: string, key: string, value: Node): void {
  const i = root.items.findIndex((p) => isScalar(p.key) && p.key.value === afterKey);
  const pair = doc.createPair(key, value);
  if (i < 0) root.items.push(pair);
  else root.items.splice(i + 1, 0, pair);
}

function lineCol(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return [line, offset - before.lastIndexOf('\n')];
}
