// "Reviews": film → review → Characters / People / Themes → entity (count) → mention rows.

import * as vscode from 'vscode';
import type { FilmIndex, IndexedReview } from '../../../core/mentionIndex';
import { KIND_LABEL } from '../../../core/lexicon/lexicon';
import type { EntityKind } from '../../../core/mentions/types';
import { basenameUri as basename } from '../../../core/model/uri';
import type { AnnotationService } from '../../services/annotationService';
import type { CorpusChange, CorpusService } from '../../services/corpusService';
import { NodeCache } from './treeNodes';
import { reviewLabel } from '../../../core/review';
import { toUri } from '../../locations';
import { kindIcon, mentionItem } from './treeItems';

export type ReviewsNode =
  | { type: 'film'; dir: string }
  | { type: 'review'; path: string }
  | { type: 'group'; path: string; kind: EntityKind }
  | { type: 'entity'; path: string; entity: string }
  | { type: 'mention'; path: string; entity: string; start: number }
  | { type: 'annotations'; path: string }
  | { type: 'annotation'; path: string; id: string };

const GROUPS: Array<{ kind: EntityKind; label: string }> = [
  { kind: 'character', label: 'Characters' },
  { kind: 'person', label: 'People' },
  { kind: 'theme', label: 'Themes' },
  { kind: 'film', label: 'The Film' },
];

/** Selecting a row (click, Enter) runs this; it opens what the selected row shows. */
export const OPEN_REVIEWS_SELECTION = 'marginalia.reviews.openSelection';

export function reviewsNodeKey(node: ReviewsNode): string {
  switch (node.type) {
    case 'film':
      return `film:${node.dir}`;
    case 'review':
    case 'annotations':
      return `${node.type}:${node.path}`;
    case 'group':
      return `group:${node.path}:${node.kind}`;
    case 'entity':
      return `entity:${node.path}:${node.entity}`;
    case 'mention':
      return `mention:${node.path}:${node.entity}:${node.start}`;
    case 'annotation':
      return `annotation:${node.path}:${node.id}`;
  }
}

export class ReviewsTreeProvider implements vscode.TreeDataProvider<ReviewsNode> {
  private readonly emitter = new vscode.EventEmitter<ReviewsNode | ReviewsNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly nodes = new NodeCache<ReviewsNode>(reviewsNodeKey);
  private shownFilms = '';

  constructor(private readonly corpus: CorpusService, private readonly annotations?: AnnotationService) {}

  /**
   * Refreshes as little as the change needs: the whole tree only when the list of films changed,
   * else the films whose review list changed, else the changed reviews. (A whole-tree refresh
   * makes VS Code forget every row until it has asked for them again.)
   */
  refresh(changes: Array<CorpusChange | { annotationsOf?: string }> = [{}]): void {
    const films = this.corpus.index.allFilms().map((f) => f.dir).join('\n');
    const all = changes.some((c) => !('annotationsOf' in c) && !(c as CorpusChange).reviews) || changes.some((c) => 'annotationsOf' in c && c.annotationsOf === undefined);
    if (all || films !== this.shownFilms) {
      this.shownFilms = films;
      this.nodes.clear();
      this.emitter.fire(undefined);
      return;
    }
    const targets = new Set<ReviewsNode>();
    for (const c of changes) {
      const reviews = 'annotationsOf' in c ? [c.annotationsOf!] : ((c as CorpusChange).reviews ?? []);
      for (const path of reviews) {
        const film = this.corpus.index.filmFor(path);
        if (!film) continue;
        // A review that came or went changes its film's list; otherwise only its own subtree.
        const known = film.reviews.has(path) && !(c as CorpusChange).fromDisk;
        targets.add(this.nodes.canonical(known ? { type: 'review', path } : { type: 'film', dir: film.dir }));
      }
    }
    if (targets.size) this.emitter.fire([...targets]);
  }

  getChildren(node?: ReviewsNode): ReviewsNode[] {
    return this.children(node).map((n) => this.nodes.canonical(n));
  }

  private children(node?: ReviewsNode): ReviewsNode[] {
    const index = this.corpus.index;
    if (!node) {
      const films = index.allFilms();
      // A single film: its reviews at the top would hide the film's name, so keep the film row.
      return films.map((f) => ({ type: 'film', dir: f.dir }));
    }
    switch (node.type) {
      case 'film':
        return (index.film(node.dir)?.orderedReviews() ?? []).map((r) => ({ type: 'review', path: r.path }));
      case 'review': {
        const review = index.review(node.path);
        if (!review) return [];
        const groups: ReviewsNode[] = GROUPS.filter((g) => [...review.counts.keys()].some((id) => review.film.entity(id)?.kind === g.kind)).map((g) => ({ type: 'group', path: node.path, kind: g.kind }));
        const entry = this.annotations?.forReview(node.path);
        if (entry && (entry.annotations.length > 0 || entry.errors.length > 0)) groups.unshift({ type: 'annotations', path: node.path });
        return groups;
      }
      case 'group': {
        const review = index.review(node.path);
        if (!review) return [];
        const ids = [...review.counts.entries()]
          .filter(([id]) => review.film.entity(id)?.kind === node.kind)
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        return ids.map(([id]) => ({ type: 'entity', path: node.path, entity: id }));
      }
      case 'entity': {
        const review = index.review(node.path);
        if (!review) return [];
        return review.mentionsOf(node.entity).map((m) => ({ type: 'mention', path: node.path, entity: node.entity, start: m.start }));
      }
      case 'annotations':
        return [...(this.annotations?.forReview(node.path)?.annotations ?? [])]
          .sort((a, b) => a.start - b.start)
          .map((a) => ({ type: 'annotation', path: node.path, id: a.annotation.id }));
      case 'mention':
      case 'annotation':
        return [];
    }
  }

  getParent(node: ReviewsNode): ReviewsNode | undefined {
    const parent = this.parent(node);
    return parent && this.nodes.canonical(parent);
  }

  private parent(node: ReviewsNode): ReviewsNode | undefined {
    switch (node.type) {
      case 'film':
        return undefined;
      case 'review': {
        const film = this.corpus.index.filmFor(node.path);
        return film ? { type: 'film', dir: film.dir } : undefined;
      }
      case 'group':
      case 'annotations':
        return { type: 'review', path: node.path };
      case 'annotation':
        return { type: 'annotations', path: node.path };
      case 'entity': {
        const kind = this.corpus.index.review(node.path)?.film.entity(node.entity)?.kind ?? 'character';
        return { type: 'group', path: node.path, kind };
      }
      case 'mention':
        return { type: 'entity', path: node.path, entity: node.entity };
    }
  }

  /** Reviews in every film, counting those a load under way has yet to read. */
  private reviewsInAllFilms(): number {
    let n = 0;
    for (const film of this.corpus.index.allFilms()) n += film.reviews.size;
    return Math.max(n, this.corpus.expectedReviewsInAllFilms());
  }

  resolveTreeItem(item: vscode.TreeItem, node: ReviewsNode): vscode.TreeItem {
    if (node.type === 'review' && item.tooltip === undefined) item.tooltip = reviewTooltip(this.corpus.index.review(node.path), node.path);
    return item;
  }

  getTreeItem(node: ReviewsNode): vscode.TreeItem {
    const index = this.corpus.index;
    switch (node.type) {
      case 'film':
        return filmItem(index.film(node.dir), this.corpus.expectedReviews(node.dir), this.reviewsInAllFilms());
      case 'review':
        return reviewItem(index.review(node.path), node.path);
      case 'group': {
        const review = index.review(node.path);
        const label = GROUPS.find((g) => g.kind === node.kind)?.label ?? node.kind;
        const entities = review ? [...review.counts.keys()].filter((id) => review.film.entity(id)?.kind === node.kind).length : 0;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `group:${node.path}:${node.kind}`;
        item.description = `${entities}`;
        item.iconPath = kindIcon(node.kind);
        item.contextValue = 'group';
        return item;
      }
      case 'entity': {
        const review = index.review(node.path);
        const entity = review?.film.entity(node.entity);
        const count = review?.counts.get(node.entity) ?? 0;
        const item = new vscode.TreeItem(entity?.name ?? node.entity, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `entity:${node.path}:${node.entity}`;
        item.description = `${count}`;
        item.tooltip = entityTooltip(review?.film, node.entity);
        item.iconPath = kindIcon(entity?.kind ?? 'character');
        item.contextValue = `entity-${entity?.kind ?? 'unknown'}`;
        return item;
      }
      case 'annotations': {
        const entry = this.annotations?.forReview(node.path);
        const orphans = entry?.annotations.filter((a) => a.orphan).length ?? 0;
        const item = new vscode.TreeItem('Annotations', vscode.TreeItemCollapsibleState.Expanded);
        item.id = `annotations:${node.path}`;
        item.description = `${entry?.annotations.length ?? 0}${orphans ? ` · ${orphans} orphaned` : ''}${entry?.errors.length ? ' · sidecar has errors' : ''}`;
        item.iconPath = new vscode.ThemeIcon('note', new vscode.ThemeColor('marginalia.annotationForeground'));
        item.contextValue = 'annotations';
        return item;
      }
      case 'annotation': {
        const a = this.annotations?.find(node.path, node.id);
        if (!a) return new vscode.TreeItem('(gone)');
        const quote = a.annotation.target.quote.replace(/\s+/g, ' ');
        const item = new vscode.TreeItem(a.annotation.note || `“${quote}”`, vscode.TreeItemCollapsibleState.None);
        item.id = `annotation:${node.path}:${node.id}`;
        const film = index.filmFor(node.path);
        item.description = [a.orphan ? 'orphaned' : '', a.annotation.tags.map((t) => film?.entity(t)?.name ?? `#${t}`).join(', ')].filter(Boolean).join(' · ');
        const tip = new vscode.MarkdownString();
        tip.appendText(`“${quote}”`);
        if (a.annotation.note) tip.appendMarkdown('\n\n').appendText(a.annotation.note);
        item.tooltip = tip;
        item.iconPath = new vscode.ThemeIcon(a.orphan ? 'warning' : 'comment');
        item.contextValue = a.orphan ? 'annotation-orphan' : 'annotation';
        item.command = { command: OPEN_REVIEWS_SELECTION, title: 'Reveal Annotation' };
        return item;
      }
      case 'mention': {
        const review = index.review(node.path);
        const mention = review?.mentionAt(node.start);
        if (!review || !mention) return new vscode.TreeItem('(gone)');
        const item = mentionItem(review, mention, OPEN_REVIEWS_SELECTION);
        item.id = `mention:${node.path}:${node.start}`;
        return item;
      }
    }
  }
}

/**
 * Films start expanded while the whole corpus has no more reviews than this; past it they start
 * collapsed (the workbench would fetch every row of every expanded film at once, and a hundred
 * open films are no overview).
 */
export const EXPAND_FILMS_UP_TO = 1000;

function filmItem(film: FilmIndex | undefined, expected: number | undefined, inAllFilms: number): vscode.TreeItem {
  const title = film?.lexicon.film.title || (film ? basename(film.dir) : 'Film');
  const n = film?.reviews.size ?? 0;
  // Decided on the numbers there will be: the workbench keeps a row's first state.
  const expanded = Math.max(n, expected ?? 0, inAllFilms) <= EXPAND_FILMS_UP_TO;
  const item = new vscode.TreeItem(title, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `film:${film?.dir}`;
  const year = film?.lexicon.film.year;
  const count = expected !== undefined && n < expected ? `reading reviews… ${n.toLocaleString('en')} of ${expected.toLocaleString('en')}` : `${n} review${n === 1 ? '' : 's'}`;
  item.description = `${year ? year + ' · ' : ''}${count}`;
  item.iconPath = new vscode.ThemeIcon('device-camera-video');
  item.resourceUri = film ? toUri(film.dir) : undefined;
  item.tooltip = film ? new vscode.MarkdownString().appendText(`${title}${year ? ` (${year})` : ''}\n${film.dir}`) : undefined;
  item.contextValue = 'film';
  return item;
}

function reviewItem(review: IndexedReview | undefined, path: string): vscode.TreeItem {
  const info = review?.info;
  // "Critic — Title" (never a rating, a date or a tag line), the rating beside it. The tooltip is
  // made when the row is hovered (resolveTreeItem): a film of 10,000 reviews sends every row at once.
  const item = new vscode.TreeItem(info ? reviewLabel(info, review.film.lexicon.film.title) : basename(path), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `review:${path}`;
  item.description = info?.rating ?? '';
  item.iconPath = new vscode.ThemeIcon('note');
  item.resourceUri = toUri(path);
  item.command = { command: OPEN_REVIEWS_SELECTION, title: 'Open Review' };
  item.contextValue = 'review';
  return item;
}

function reviewTooltip(review: IndexedReview | undefined, path: string): vscode.MarkdownString {
  const info = review?.info;
  const tip = new vscode.MarkdownString();
  tip.appendMarkdown('**').appendText(info?.title ?? basename(path)).appendMarkdown('**  \n');
  if (info?.critic) tip.appendText(`by ${info.critic}`).appendMarkdown('  \n');
  const where = [info?.publication, info?.date].filter(Boolean).join(', ');
  if (where) tip.appendText(where).appendMarkdown('  \n');
  if (info?.rating) tip.appendText(`Rating: ${info.rating}`).appendMarkdown('  \n');
  tip.appendText(`${review?.mentionCount ?? 0} mentions · ${basename(path)}`);
  return tip;
}

export function entityTooltip(film: FilmIndex | undefined, id: string): vscode.MarkdownString | undefined {
  const entity = film?.entity(id);
  if (!entity || !film) return undefined;
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(entity.name).appendMarkdown('** — ').appendText(KIND_LABEL[entity.kind].toLowerCase());
  if (entity.description) md.appendMarkdown('\n\n').appendText(entity.description);
  return md;
}

