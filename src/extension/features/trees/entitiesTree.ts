// "Cast & Themes": kind → entity (total mentions, reviews) → review → mentions.
// Sortable by count or name; filterable by a substring of the name or an alias.

import * as vscode from 'vscode';
import { KIND_ORDER } from '../../../core/lexicon/lexicon';
import type { Entity } from '../../../core/lexicon/lexicon';
import type { EntityKind } from '../../../core/mentions/types';
import type { CorpusService } from '../../services/corpusService';
import { NodeCache } from './treeNodes';
import { basenameUri } from '../../../core/model/uri';
import { reviewLabel } from '../../../core/review';
import { entityTooltip } from './reviewsTree';
import { kindIcon, mentionItem } from './treeItems';
import { toUri } from '../../locations';

export type EntitiesNode =
  | { type: 'kind'; film: string; kind: EntityKind }
  | { type: 'entity'; film: string; entity: string }
  /** The kind's entities nobody mentions, folded away under one row. */
  | { type: 'unmentioned'; film: string; kind: EntityKind }
  | { type: 'review'; film: string; entity: string; path: string }
  | { type: 'mention'; film: string; entity: string; path: string; start: number };

const KIND_GROUP: Record<EntityKind, string> = { film: 'Film', character: 'Characters', person: 'Cast & Crew', theme: 'Themes' };

export type EntitySort = 'count' | 'name';

export const OPEN_ENTITIES_SELECTION = 'marginalia.entities.openSelection';

function entitiesNodeKey(node: EntitiesNode): string {
  switch (node.type) {
    case 'kind':
      return `kind:${node.film}:${node.kind}`;
    case 'unmentioned':
      return `unmentioned:${node.film}:${node.kind}`;
    case 'entity':
      return `entity:${node.film}:${node.entity}`;
    case 'review':
      return `review:${node.entity}:${node.path}`;
    case 'mention':
      return `mention:${node.entity}:${node.path}:${node.start}`;
  }
}

/** Up to this many films, each film's characters and themes start expanded. */
export const EXPAND_GROUPS_UP_TO_FILMS = 3;

export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntitiesNode> {
  private readonly emitter = new vscode.EventEmitter<EntitiesNode | EntitiesNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly nodes = new NodeCache<EntitiesNode>(entitiesNodeKey);
  private shownGroups = '';
  sort: EntitySort = 'count';
  filter = '';

  constructor(private readonly corpus: CorpusService) {}

  /** The whole tree only when its groups changed; else the groups, whose counts may have moved. */
  refresh(): void {
    const groups = this.children().map(entitiesNodeKey).join('\n');
    if (groups !== this.shownGroups) {
      this.shownGroups = groups;
      this.nodes.clear();
      this.emitter.fire(undefined);
    } else {
      this.emitter.fire(this.getChildren());
    }
  }

  setSort(sort: EntitySort) {
    this.sort = sort;
    void vscode.commands.executeCommand('setContext', 'marginalia.entitySort', sort);
    this.refresh();
  }

  setFilter(filter: string) {
    this.filter = filter.trim();
    void vscode.commands.executeCommand('setContext', 'marginalia.entityFilter', this.filter.length > 0);
    this.refresh();
  }

  private matchesFilter(e: Entity): boolean {
    if (!this.filter) return true;
    const f = this.filter.toLowerCase();
    return [e.name, e.id, ...e.aliases].some((s) => s.toLowerCase().includes(f));
  }

  private entitiesOf(filmDir: string, kind: EntityKind): Entity[] {
    const film = this.corpus.index.film(filmDir);
    if (!film) return [];
    const list = film.lexicon.entities.filter((e) => e.kind === kind && this.matchesFilter(e));
    const total = (e: Entity) => film.totalMentions(e.id).mentions;
    return list.sort((a, b) => (this.sort === 'count' ? total(b) - total(a) : 0) || a.name.localeCompare(b.name));
  }

  getChildren(node?: EntitiesNode): EntitiesNode[] {
    return this.children(node).map((n) => this.nodes.canonical(n));
  }

  private children(node?: EntitiesNode): EntitiesNode[] {
    const index = this.corpus.index;
    if (!node) {
      const out: EntitiesNode[] = [];
      for (const film of index.allFilms()) {
        for (const kind of KIND_ORDER) if (this.entitiesOf(film.dir, kind).length > 0) out.push({ type: 'kind', film: film.dir, kind });
      }
      return out;
    }
    const film = index.film(node.film);
    if (!film) return [];
    switch (node.type) {
      case 'kind': {
        const all = this.entitiesOf(node.film, node.kind);
        const mentioned = all.filter((e) => film.totalMentions(e.id).mentions > 0);
        const rows: EntitiesNode[] = mentioned.map((e) => ({ type: 'entity', film: node.film, entity: e.id }));
        if (mentioned.length < all.length) rows.push({ type: 'unmentioned', film: node.film, kind: node.kind });
        return rows;
      }
      case 'unmentioned':
        return this.entitiesOf(node.film, node.kind)
          .filter((e) => film.totalMentions(e.id).mentions === 0)
          .map((e) => ({ type: 'entity', film: node.film, entity: e.id }));
      case 'entity': {
        const paths = film.reviewsMentioning(node.entity);
        return paths.map((path) => ({ type: 'review', film: node.film, entity: node.entity, path }));
      }
      case 'review': {
        const review = film.reviews.get(node.path);
        return (review?.mentionsOf(node.entity) ?? []).map((m) => ({ ...node, type: 'mention', start: m.start }));
      }
      case 'mention':
        return [];
    }
  }

  getParent(node: EntitiesNode): EntitiesNode | undefined {
    const parent = this.parent(node);
    return parent && this.nodes.canonical(parent);
  }

  private parent(node: EntitiesNode): EntitiesNode | undefined {
    switch (node.type) {
      case 'kind':
        return undefined;
      case 'unmentioned':
        return { type: 'kind', film: node.film, kind: node.kind };
      case 'entity': {
        const film = this.corpus.index.film(node.film);
        const kind = film?.entity(node.entity)?.kind ?? 'character';
        if (film && film.totalMentions(node.entity).mentions === 0) return { type: 'unmentioned', film: node.film, kind };
        return { type: 'kind', film: node.film, kind };
      }
      case 'review':
        return { type: 'entity', film: node.film, entity: node.entity };
      case 'mention':
        return { type: 'review', film: node.film, entity: node.entity, path: node.path };
    }
  }

  getTreeItem(node: EntitiesNode): vscode.TreeItem {
    const film = this.corpus.index.film(node.film);
    const multipleFilms = this.corpus.index.filmCount > 1;
    switch (node.type) {
      case 'kind': {
        const n = this.entitiesOf(node.film, node.kind).length;
        const label = KIND_GROUP[node.kind] + (multipleFilms && film ? ` — ${film.lexicon.film.title}` : '');
        // Characters and themes open at first, for a few films; past that every group starts closed
        // (decided on the films a load under way has found: the workbench keeps a row's first state).
        const fewFilms = Math.max(this.corpus.index.filmCount, this.corpus.expectedFilms()) <= EXPAND_GROUPS_UP_TO_FILMS;
        const open = fewFilms && (node.kind === 'theme' || node.kind === 'character');
        const item = new vscode.TreeItem(label, open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `kind:${node.film}:${node.kind}`;
        item.description = `${n}`;
        item.iconPath = kindIcon(node.kind);
        return item;
      }
      case 'unmentioned': {
        const n = film ? this.entitiesOf(node.film, node.kind).filter((e) => film.totalMentions(e.id).mentions === 0).length : 0;
        const item = new vscode.TreeItem(`Not mentioned (${n})`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `unmentioned:${node.film}:${node.kind}`;
        item.tooltip = 'In the lexicon, but no review mentions them (yet).';
        item.iconPath = new vscode.ThemeIcon('circle-slash');
        return item;
      }
      case 'entity': {
        const entity = film?.entity(node.entity);
        const total = film?.totalMentions(node.entity) ?? { mentions: 0, reviews: 0 };
        const item = new vscode.TreeItem(entity?.name ?? node.entity, total.mentions > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `entity:${node.film}:${node.entity}`;
        item.description = total.mentions === 0 ? 'not mentioned' : `${total.mentions} in ${total.reviews} review${total.reviews === 1 ? '' : 's'}`;
        item.tooltip = entityTooltip(film, node.entity);
        item.iconPath = kindIcon(entity?.kind ?? 'character');
        item.contextValue = `entity-${entity?.kind ?? 'unknown'}`;
        return item;
      }
      case 'review': {
        const review = film?.reviews.get(node.path);
        const item = new vscode.TreeItem(review ? reviewLabel(review.info, review.film.lexicon.film.title) : basenameUri(node.path), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `entity-review:${node.entity}:${node.path}`;
        item.description = `${review?.counts.get(node.entity) ?? 0}`;
        item.iconPath = new vscode.ThemeIcon('note');
        item.resourceUri = toUri(node.path);
        item.contextValue = 'review';
        item.command = { command: OPEN_ENTITIES_SELECTION, title: 'Open Review' };
        return item;
      }
      case 'mention': {
        const review = film?.reviews.get(node.path);
        const mention = review?.mentionAt(node.start);
        if (!review || !mention) return new vscode.TreeItem('(gone)');
        const item = mentionItem(review, mention, OPEN_ENTITIES_SELECTION);
        item.id = `entity-mention:${node.entity}:${node.path}:${node.start}`;
        return item;
      }
    }
  }
}
