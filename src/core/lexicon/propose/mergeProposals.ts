// Writes accepted proposals into a film.yaml. The yaml Document API reads the file (what is
// there, and where each section ends) and renders the new entries; they are spliced into the
// original text, so every byte already there stays as it was: comments, spacing, hand entries.
// Nothing already there is changed or duplicated; each new entry says where it came from in a
// comment; the result parses without new problems.

import { Document, isMap, isScalar, isSeq, parseDocument, YAMLMap, type Node, type YAMLSeq } from 'yaml';
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

/** Replace `remove` characters at offset `at` of the original text with `text`. */
export interface LexiconEdit {
  at: number;
  remove: number;
  text: string;
}

/**
 * `lexiconText` with `accepted` added. Throws LexiconNotParsedError (1-based line and column) when
 * the text is not YAML or not a mapping: a write never destroys what it cannot read.
 */
export function mergeProposalsIntoLexicon(lexiconText: string, accepted: Proposal[]): string {
  return applyLexiconEdits(lexiconText, lexiconEditsForProposals(lexiconText, accepted));
}

/** Applies edits from lexiconEditsForProposals (offsets into `text`, ascending, not overlapping). */
export function applyLexiconEdits(text: string, edits: readonly LexiconEdit[]): string {
  let out = '';
  let from = 0;
  for (const e of edits) {
    out += text.slice(from, e.at) + e.text;
    from = e.at + e.remove;
  }
  return out + text.slice(from);
}

/**
 * The same merge as a list of edits to the original text, ascending and not overlapping, so an
 * editor can apply them to an open document (undo, unsaved edits and the cursor all kept).
 * Empty when there is nothing new to add.
 */
export function lexiconEditsForProposals(lexiconText: string, accepted: Proposal[]): LexiconEdit[] {
  const doc = parseDocument(lexiconText, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const [line, col] = lineCol(lexiconText, doc.errors[0].pos[0]);
    throw new LexiconNotParsedError(`${line}:${col}: ${doc.errors[0].message.split('\n')[0]}`, line, col);
  }
  const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
  if (!empty && !isMap(doc.contents)) throw new LexiconNotParsedError('1:1: film.yaml must be a mapping (version, film, characters, people, themes)', 1, 1);
  const root = (empty ? new YAMLMap() : doc.contents) as unknown as YAMLMap;
  const eol = lexiconText.includes('\r\n') ? '\r\n' : '\n';

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

  let film: Record<string, unknown> | undefined;
  let filmComment = '';
  const added: Record<'characters' | 'people' | 'themes', Array<{ entry: Record<string, unknown>; comment: string }>> = { characters: [], people: [], themes: [] };
  for (const p of order(accepted)) {
    const theme = p.kind === 'theme';
    if (ids.has(p.id) || (!theme && names.has(normalise(p.name, false)))) continue;
    const aliases = p.aliases.filter((a) => (theme ? !terms.has(normalise(a, true)) : !names.has(normalise(a, false)) && a !== p.name));
    if (theme && aliases.length === 0) continue;
    const comment = `proposed (confidence ${p.confidence.toFixed(2)}): ${p.evidence.join('; ')}`.replace(/[\r\n]+/g, ' ');
    if (p.kind === 'film') {
      if (root.has('film') || film) continue;
      film = { id: p.id, title: p.name, ...(aliases.length ? { aliases } : {}), ...(p.ambiguous ? { ambiguous: true } : {}) };
      filmComment = comment;
    } else {
      const entry: Record<string, unknown> = { id: p.id, [theme ? 'label' : 'name']: p.name, [theme ? 'terms' : 'aliases']: aliases };
      if (p.kind === 'character') {
        const playedBy = (p.playedBy ?? []).filter((id) => personIds.has(id) && (acceptedIds.has(id) || ids.has(id)));
        if (playedBy.length) entry.playedBy = playedBy;
      }
      if (p.kind === 'person' && p.roles?.length) entry.roles = p.roles;
      added[SECTION[p.kind]].push({ entry, comment });
    }
    ids.add(p.id);
    if (theme) for (const t of aliases) terms.add(normalise(t, true));
    else for (const n of [p.name, ...aliases]) names.add(normalise(n, false));
  }

  // Splice: each insertion at an offset of the original text, applied from the end backwards.
  const edits: Array<{ at: number; remove: number; text: string }> = [];
  let tail = '';
  if (!root.has('version')) edits.push({ at: 0, remove: 0, text: `version: 1${eol}` });
  if (film) {
    const block = `# ${filmComment}${eol}film:${eol}${indent(render(film), '  ', eol)}`;
    const version = pairOf(root, 'version');
    const at = version ? lineEnd(lexiconText, rangeEnd(version.value ?? version.key)) : 0;
    edits.push({ at, remove: 0, text: at === 0 && !root.has('version') ? block : (at > 0 && !lexiconText.slice(0, at).endsWith('\n') ? eol : '') + block });
  }
  for (const key of ['characters', 'people', 'themes'] as const) {
    if (added[key].length === 0) continue;
    const pair = pairOf(root, key);
    const seq = pair?.value;
    const itemIndent = isSeq(seq) && !seq.flow && seq.items.length > 0 ? ' '.repeat(columnOf(lexiconText, (seq.items[0] as Node).range![0]) - 2) : '  ';
    const entries = added[key].map(({ entry, comment }) => `${itemIndent}# ${comment}${eol}${itemIndent}- ${indent(render(entry), itemIndent + '  ', eol).trimStart()}`).join('');
    if (isSeq(seq) && !seq.flow && seq.items.length > 0) {
      edits.push({ at: lineEnd(lexiconText, rangeEnd(seq.items[seq.items.length - 1] as Node)), remove: 0, text: entries });
    } else if (pair && pair.value !== null && (isSeq(seq) || (isScalar(seq) && seq.value === null))) {
      // `characters: []` or `characters:` with nothing: the value becomes the block.
      const [a, b] = (seq as Node).range ?? [rangeEnd(pair.key), rangeEnd(pair.key)];
      const colon = lexiconText.lastIndexOf(':', a);
      edits.push({ at: colon + 1, remove: Math.max(0, b - colon - 1), text: eol + entries.replace(new RegExp(`${escape(eol)}$`), '') });
    } else if (pair) {
      const at = lineEnd(lexiconText, rangeEnd(pair.key));
      edits.push({ at, remove: 0, text: entries });
    } else {
      tail += `${key}:${eol}${entries}`;
    }
  }
  // An insertion after a line without its newline gets one. Several at one offset become one edit,
  // the one pushed last first (as when they were applied from the end backwards, one by one).
  const byOffset = new Map<number, LexiconEdit>();
  for (const e of edits) {
    const newline = e.at > 0 && e.remove === 0 && lexiconText[e.at - 1] !== '\n' ? eol : '';
    const same = byOffset.get(e.at);
    if (same) {
      same.text = newline + e.text + same.text;
      same.remove = Math.max(same.remove, e.remove);
    } else byOffset.set(e.at, { at: e.at, remove: e.remove, text: newline + e.text });
  }
  const out = [...byOffset.values()].sort((a, b) => a.at - b.at);
  if (tail) {
    const merged = applyLexiconEdits(lexiconText, out);
    const text = (merged && !merged.endsWith('\n') ? eol : '') + tail;
    const last = out[out.length - 1];
    if (last && last.at === lexiconText.length) last.text += text;
    else out.push({ at: lexiconText.length, remove: 0, text });
  }
  return out;
}

function render(value: Record<string, unknown>): string {
  const d = new Document(value);
  visitSeqs(d.contents, (seq) => (seq.flow = true));
  return d.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function visitSeqs(node: unknown, f: (seq: YAMLSeq) => void): void {
  if (isSeq(node)) f(node);
  if (isMap(node)) for (const p of node.items) visitSeqs(p.value, f);
}

function indent(text: string, prefix: string, eol: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => prefix + l)
    .join(eol) + eol;
}

function pairOf(map: YAMLMap, key: string) {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as { key: Node; value: Node | null } | undefined;
}

function rangeEnd(node: Node | null | undefined): number {
  return node?.range?.[1] ?? 0;
}

/** The offset just after the line that holds `offset - 1` (the end of a node's value). */
function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', Math.max(0, offset - 1));
  return i < 0 ? text.length : i + 1;
}

/** The column (0-based) of the `- ` that introduces the item starting at `offset`, plus 2. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function escape(s: string): string {
  return s.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
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

function lineCol(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return [line, offset - before.lastIndexOf('\n')];
}
