import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { EntityKind } from '../mentions/types';
import { emptyLexicon, type Diagnostic, type Entity, type Lexicon } from './lexicon';
import { isCommonWord } from './commonWords';
import { TITLE_CONTEXT_KEYS, titleRules, type TitleContextWords } from '../mentions/titleRules';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const FILM_KEYS = ['id', 'title', 'year', 'director', 'aliases', 'ambiguous', 'description', 'note'];
const CHARACTER_KEYS = ['id', 'name', 'aliases', 'playedBy', 'description', 'note'];
const PERSON_KEYS = ['id', 'name', 'aliases', 'roles', 'description', 'note'];
const THEME_KEYS = ['id', 'label', 'terms', 'description', 'note'];
const TOP_KEYS = ['version', 'film', 'characters', 'people', 'themes', 'resolve', 'titleContext'];

/**
 * Reads a film.yaml. Never throws: every problem becomes a diagnostic with its position, and
 * whatever is valid is kept, so one bad entry does not take the rest of the lexicon down.
 */
export function parseLexicon(path: string, text: string): Lexicon {
  const lex = emptyLexicon(path);
  lex.text = text;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });

  const report = (node: Node | { range?: [number, number, number?] | null } | null | undefined, code: string, message: string, at?: number) => {
    const startOffset = at ?? node?.range?.[0] ?? 0;
    const endOffset = node?.range?.[1] ?? startOffset;
    const s = lineCounter.linePos(startOffset);
    const e = lineCounter.linePos(endOffset);
    lex.diagnostics.push({
      file: path, line: s.line - 1, character: s.col - 1, endLine: e.line - 1, endCharacter: e.col - 1,
      severity: 'error', message, code,
    });
  };

  for (const err of doc.errors) report(null, 'yaml-syntax', err.message.split('\n')[0], err.pos[0]);
  if (doc.errors.length > 0) return lex;

  const root = doc.contents;
  if (!isMap(root)) {
    report(root, 'not-a-mapping', 'film.yaml must be a mapping with version, film, characters, people and themes');
    return lex;
  }
  checkKeys(root, TOP_KEYS, 'top level');

  const version = root.get('version', true) as Node | undefined;
  if (!version) report(root, 'missing-key', 'missing "version: 1"');
  else if (!isScalar(version) || version.value !== 1) report(version, 'bad-version', 'unsupported version (expected 1)');

  // Ids written in the file, so an id derived for an entry without one never takes another's.
  const explicitIds = new Set<string>();
  for (const key of ['film', 'characters', 'people', 'themes']) {
    const v = root.get(key, true);
    for (const item of isSeq(v) ? v.items : [v]) {
      const idNode = isMap(item) ? item.get('id', true) : undefined;
      if (isScalar(idNode)) explicitIds.add(String(idNode.value));
    }
  }

  const claimed = new Map<string, { entity: Entity; node: Node }[]>();
  const entityNodes = new Map<string, Node>();

  function checkKeys(map: YAMLMap, allowed: string[], where: string) {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !allowed.includes(key)) {
        report(pair.key as Node, 'unknown-key', `unknown key "${key ?? '?'}" in ${where} (expected one of: ${allowed.join(', ')})`);
      }
    }
  }

  function str(map: YAMLMap, key: string, required: boolean, where: string): string | undefined {
    const node = map.get(key, true);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (required) report(map, 'missing-key', `${where}: missing "${key}"`);
      return undefined;
    }
    if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
      report(node, 'wrong-type', `${where}: "${key}" must be text`);
      return undefined;
    }
    return String(node.value).trim();
  }

  function strList(map: YAMLMap, key: string, where: string): { value: string; node: Node }[] {
    const node = map.get(key, true);
    if (node === undefined || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      report(node, 'wrong-type', `${where}: "${key}" must be a list`);
      return [];
    }
    const out: { value: string; node: Node }[] = [];
    for (const item of node.items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') && String(item.value).trim()) {
        out.push({ value: String(item.value).trim(), node: item });
      } else {
        report(item as Node, 'wrong-type', `${where}: every entry of "${key}" must be non-empty text`);
      }
    }
    return out;
  }

  function addEntity(map: YAMLMap, kind: EntityKind, where: string, nameKey: 'name' | 'title' | 'label', aliasKey: 'aliases' | 'terms'): Entity | undefined {
    const name = str(map, nameKey, true, where);
    let id = str(map, 'id', false, where);
    // Without an id the entry still matches, under an id derived from its name (reported, so the
    // author writes it down before anything links to it); with no usable name it is skipped.
    if (id === undefined && !(map.has('id') && !isScalar(map.get('id', true)))) {
      const derived = name === undefined ? '' : idFromName(name);
      if (!derived || lex.byId.has(derived) || explicitIds.has(derived)) {
        report(map, 'missing-id', `${where}: missing "id"${derived ? ` ("${derived}", from the name, is taken)` : ''}; this entry is skipped`);
        return undefined;
      }
      report(map, 'missing-id', `${where}: missing "id"; matched as "${derived}" (from the name) until you add "id: ${derived}"`);
      id = derived;
    }
    if (id === undefined || name === undefined) return undefined;
    const idNode = (map.get('id', true) as Node | undefined) ?? map;
    if (!ID_PATTERN.test(id)) {
      report(idNode, 'bad-id', `${where}: id "${id}" must be lower-case letters, digits and hyphens`);
      return undefined;
    }
    if (lex.byId.has(id)) {
      const first = entityNodes.get(id);
      const firstLine = first?.range ? lineCounter.linePos(first.range[0]).line : 0;
      report(idNode, 'duplicate-id', `duplicate id "${id}" (first defined on line ${firstLine})`);
      return undefined;
    }
    const entity: Entity = {
      id, kind, name,
      aliases: [],
      matchForms: [],
      description: str(map, 'description', false, where),
      note: str(map, 'note', false, where),
      playedBy: [], roles: [], plays: [],
      source: map.range ? { start: map.range[0], end: map.range[1] } : undefined,
      idSource: idNode !== map && idNode.range ? { start: idNode.range[0], end: idNode.range[1] } : undefined,
    };
    // A theme's label is a heading ("Love & romance"), not something critics write: only terms match.
    const nameEntry = { value: name, node: map.get(nameKey, true) as Node };
    const names = kind === 'theme' ? strList(map, aliasKey, where) : [nameEntry, ...strList(map, aliasKey, where)];
    for (const n of names) {
      if ((n.value !== name || kind === 'theme') && !entity.aliases.includes(n.value)) entity.aliases.push(n.value);
      if (!entity.matchForms.includes(n.value)) entity.matchForms.push(n.value);
      const key = kind === 'theme' ? n.value.toLowerCase() : n.value;
      const list = claimed.get(key) ?? [];
      if (!list.some((c) => c.entity === entity)) list.push({ entity, node: n.node });
      claimed.set(key, list);
    }
    lex.entities.push(entity);
    lex.byId.set(id, entity);
    entityNodes.set(id, idNode);
    return entity;
  }

  // The film itself.
  const filmNode = root.get('film', true);
  if (!filmNode) report(root, 'missing-key', 'missing "film"');
  else if (!isMap(filmNode)) report(filmNode, 'wrong-type', '"film" must be a mapping');
  else {
    checkKeys(filmNode, FILM_KEYS, 'film');
    const film = addEntity(filmNode, 'film', 'film', 'title', 'aliases');
    if (film) {
      const yearNode = filmNode.get('year', true);
      let year: number | undefined;
      if (yearNode !== undefined) {
        if (isScalar(yearNode) && typeof yearNode.value === 'number') year = yearNode.value;
        else report(yearNode, 'wrong-type', 'film: "year" must be a number');
      }
      const ambNode = filmNode.get('ambiguous', true);
      let ambiguous = film.aliases.concat(film.name).some((t) => !t.includes(' ') && isCommonWord(t));
      if (ambNode !== undefined) {
        if (isScalar(ambNode) && typeof ambNode.value === 'boolean') ambiguous = ambNode.value;
        else report(ambNode, 'wrong-type', 'film: "ambiguous" must be true or false');
      }
      lex.film = { id: film.id, title: film.name, year, director: str(filmNode, 'director', false, 'film'), ambiguous };
    }
  }

  const sections: Array<[string, EntityKind, string[], 'name' | 'label', 'aliases' | 'terms']> = [
    ['characters', 'character', CHARACTER_KEYS, 'name', 'aliases'],
    ['people', 'person', PERSON_KEYS, 'name', 'aliases'],
    ['themes', 'theme', THEME_KEYS, 'label', 'terms'],
  ];
  const playedByNodes: Array<{ entity: Entity; refs: { value: string; node: Node }[] }> = [];
  for (const [key, kind, allowed, nameKey, aliasKey] of sections) {
    const seq = root.get(key, true);
    if (seq === undefined || (isScalar(seq) && seq.value === null)) continue;
    if (!isSeq(seq)) {
      report(seq, 'wrong-type', `"${key}" must be a list`);
      continue;
    }
    seq.items.forEach((item, i) => {
      const where = `${key}[${i}]`;
      if (!isMap(item)) {
        report(item as Node, 'wrong-type', `${where} must be a mapping`);
        return;
      }
      checkKeys(item, allowed, where);
      const entity = addEntity(item, kind, where, nameKey, aliasKey);
      if (!entity) return;
      if (kind === 'character') playedByNodes.push({ entity, refs: strList(item, 'playedBy', where) });
      if (kind === 'person') entity.roles = strList(item, 'roles', where).map((r) => r.value);
    });
  }

  // References between entries, checked once every id is known.
  // A person is named by id or, as people write it, by name or alias ("Amy Adams", "Adams").
  const personRef = (value: string, node: Node, where: string): Entity | undefined => {
    const byId = lex.byId.get(value);
    if (byId?.kind === 'person') return byId;
    const fold = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();
    const want = fold(value);
    const people = lex.entities.filter((e) => e.kind === 'person');
    let found = people.filter((p) => fold(p.name) === want);
    if (found.length === 0) found = people.filter((p) => p.aliases.some((a) => fold(a) === want));
    if (found.length === 1) return found[0];
    if (found.length > 1) report(node, 'ambiguous-reference', `${where}: "${value}" could be ${found.map((p) => p.id).join(' or ')}; write the person's id`);
    else report(node, 'unknown-reference', `${where}: "${value}" is neither the id nor the name of a person in this lexicon`);
    return undefined;
  };
  for (const { entity, refs } of playedByNodes) {
    for (const ref of refs) {
      const person = personRef(ref.value, ref.node, 'playedBy');
      if (!person || entity.playedBy.includes(person.id)) continue;
      entity.playedBy.push(person.id);
      person.plays.push(entity.id);
    }
  }
  if (lex.film.director) {
    const person = personRef(lex.film.director, (filmNode as unknown as YAMLMap).get('director', true) as Node, 'director');
    lex.film.director = person?.id;
  }

  // Words the rules for an ordinary-word title look for, added to the defaults.
  const contextNode = root.get('titleContext', true);
  if (contextNode !== undefined && !(isScalar(contextNode) && contextNode.value === null)) {
    if (!isMap(contextNode)) report(contextNode, 'wrong-type', '"titleContext" must map word lists (filmNouns, reviewWords, …) to lists of words');
    else {
      checkKeys(contextNode, TITLE_CONTEXT_KEYS, 'titleContext');
      const extra: Partial<TitleContextWords> = {};
      for (const key of TITLE_CONTEXT_KEYS) {
        const words = strList(contextNode, key, 'titleContext');
        if (words.length > 0) extra[key] = words.map((w) => w.value);
      }
      lex.titleRules = titleRules(extra);
    }
  }

  // Aliases claimed by several entities need a rule in `resolve`; without one the alias is dropped.
  const resolveNode = root.get('resolve', true);
  if (resolveNode !== undefined && !(isScalar(resolveNode) && resolveNode.value === null)) {
    if (!isMap(resolveNode)) report(resolveNode, 'wrong-type', '"resolve" must map aliases to entity ids');
    else {
      for (const pair of resolveNode.items) {
        const alias = isScalar(pair.key) ? String(pair.key.value) : '';
        const target = isScalar(pair.value) ? String(pair.value.value) : '';
        if (!lex.byId.has(target)) report(pair.value as Node, 'unknown-reference', `resolve: "${target}" is not an entity id`);
        else lex.resolve.set(alias, target);
      }
    }
  }
  for (const [alias, claims] of claimed) {
    if (claims.length < 2) continue;
    const chosen = lex.resolve.get(alias) ?? [...lex.resolve].find(([k]) => k.toLowerCase() === alias)?.[1];
    if (chosen && claims.some((c) => c.entity.id === chosen)) {
      for (const c of claims) if (c.entity.id !== chosen) removeAlias(c.entity, alias);
      continue;
    }
    const ids = claims.map((c) => c.entity.id).join(', ');
    for (const c of claims) {
      report(c.node, 'ambiguous-alias', `"${alias}" is claimed by ${ids}; add "resolve: { ${JSON.stringify(alias)}: <id> }" to say which it means`);
      removeAlias(c.entity, alias);
    }
  }
  return lex;
}

/** A lexicon id from a name: "Jóhann Jóhannsson" → "johann-johannsson"; empty when nothing is left. */
export function idFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function removeAlias(entity: Entity, alias: string) {
  const fold = entity.kind === 'theme';
  entity.matchForms = entity.matchForms.filter((a) => (fold ? a.toLowerCase() : a) !== alias);
}
