// The Marginalia views: Reviews (film → review → kinds → entities → mentions, annotations) and
// Cast & Themes (kind → entity → review → mentions), with their commands.

import * as vscode from 'vscode';
import type { FilmIndex } from '../../../core/mentionIndex';
import { asUri, revealRange } from '../../commands';
import { mentionLocation, toUri } from '../../locations';
import type { CorpusChange } from '../../services/corpusService';
import { definitionOf } from '../../services/entityLookup';
import type { FeatureContext } from '../context';
import { type EntitiesNode, EntitiesTreeProvider, OPEN_ENTITIES_SELECTION } from './entitiesTree';
import { OPEN_REVIEWS_SELECTION, type ReviewsNode, ReviewsTreeProvider } from './reviewsTree';
import { selectionCommand } from './treeSelectionCommand';

type EntityNode = Extract<ReviewsNode, { type: 'entity' }> | Extract<EntitiesNode, { type: 'entity' }>;

export interface Trees {
  reviews: ReviewsTreeProvider;
  entities: EntitiesTreeProvider;
  reviewsView: vscode.TreeView<ReviewsNode>;
  entitiesView: vscode.TreeView<EntitiesNode>;
}

export function register(ctx: FeatureContext): vscode.Disposable & { trees: Trees } {
  const { corpus, annotations } = ctx;
  const reviews = new ReviewsTreeProvider(corpus, annotations);
  const entities = new EntitiesTreeProvider(corpus);
  const reviewsView = vscode.window.createTreeView('marginalia.reviews', { treeDataProvider: reviews, showCollapseAll: true });
  const entitiesView = vscode.window.createTreeView('marginalia.entities', { treeDataProvider: entities, showCollapseAll: true });
  void vscode.commands.executeCommand('setContext', 'marginalia.entitySort', entities.sort);

  // Trees refresh at most every 150 ms while a review is being typed in; one timer for both trees
  // and every source of change, so no change can cancel another's refresh.
  let pending: ReturnType<typeof setTimeout> | undefined;
  let changes: Array<CorpusChange | { annotationsOf?: string }> = [];
  const schedule = (change: CorpusChange | { annotationsOf?: string }) => {
    changes.push(change);
    clearTimeout(pending);
    pending = setTimeout(() => {
      const batch = changes;
      changes = [];
      reviews.refresh(batch);
      entities.refresh();
      entitiesView.description = entities.filter ? `filter: ${entities.filter}` : undefined;
    }, 150);
  };

  const filmOf = (node: EntityNode): FilmIndex | undefined => ('film' in node ? corpus.index.film(node.film) : corpus.index.filmFor(node.path));
  const reveal = (path: string, start: number, end: number) => revealRange(toUri(path), start, end);

  const commands = ctx.commands.register(
    selectionCommand(OPEN_REVIEWS_SELECTION, () => reviewsView, (node: ReviewsNode) => {
      switch (node.type) {
        case 'review':
          return vscode.window.showTextDocument(toUri(node.path), { preview: true });
        case 'mention': {
          const m = corpus.review(node.path)?.mentionAt(node.start);
          return m && reveal(node.path, m.start, m.end);
        }
        case 'annotation':
          return vscode.commands.executeCommand('marginalia.revealAnnotation', { review: node.path, id: node.id });
        default:
          return undefined;
      }
    }),
    selectionCommand(OPEN_ENTITIES_SELECTION, () => entitiesView, (node: EntitiesNode) => {
      if (node.type === 'review') return vscode.window.showTextDocument(toUri(node.path), { preview: true });
      if (node.type === 'mention') {
        const m = corpus.review(node.path)?.mentionAt(node.start);
        return m && reveal(node.path, m.start, m.end);
      }
      return undefined;
    }),
    {
      id: 'marginalia.openReview',
      execute: (uri: unknown) => {
        const target = asUri(uri);
        return target ? vscode.window.showTextDocument(target, { preview: true }) : undefined;
      },
    },
    {
      id: 'marginalia.revealMention',
      execute: (uri: unknown, rangeOrStart?: vscode.Range | number, end?: number) => {
        const target = asUri(uri);
        return target ? revealRange(target, rangeOrStart, end) : undefined;
      },
    },
    {
      id: 'marginalia.goToDefinition',
      execute: async (node: EntityNode) => {
        const film = filmOf(node);
        const entity = film?.entity(node.entity);
        const def = film && entity ? definitionOf(film, entity) : undefined;
        if (def) await revealRange(def.targetUri, def.targetSelectionRange ?? def.targetRange);
      },
    },
    {
      id: 'marginalia.findReferences',
      execute: async (node: EntityNode) => {
        const film = filmOf(node);
        const entity = film?.entity(node.entity);
        const def = film && entity ? definitionOf(film, entity) : undefined;
        if (!film || !def) return undefined;
        const locations = film.mentionsOf(node.entity).map(({ review, mention }) => mentionLocation(review, mention.start, mention.end));
        const editor = await revealRange(def.targetUri, def.targetSelectionRange ?? def.targetRange);
        await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.start, locations);
        return locations;
      },
    },
    {
      id: 'marginalia.revealInExplorer',
      execute: (node: { path?: string; dir?: string }) => {
        const path = node?.path ?? node?.dir;
        return path ? vscode.commands.executeCommand('revealInExplorer', toUri(path)) : undefined;
      },
    },
    { id: 'marginalia.refresh', execute: () => corpus.reload() },
    { id: 'marginalia.sortEntitiesByName', execute: () => entities.setSort('name') },
    { id: 'marginalia.sortEntitiesByCount', execute: () => entities.setSort('count') },
    {
      id: 'marginalia.filterEntities',
      execute: async (value?: string) => {
        const filter =
          typeof value === 'string' ? value : await vscode.window.showInputBox({ prompt: 'Show only entities whose name or alias contains…', value: entities.filter, placeHolder: 'e.g. Amy, lonel, Phoenix' });
        if (filter !== undefined) entities.setFilter(filter);
      },
    },
    { id: 'marginalia.clearEntityFilter', execute: () => entities.setFilter('') },
  );

  const disposable = vscode.Disposable.from(
    reviewsView,
    entitiesView,
    commands,
    corpus.onDidChange(schedule),
    corpus.onDidProgress(() => schedule({})),
    annotations.onDidChange((review) => schedule({ annotationsOf: review })),
    { dispose: () => clearTimeout(pending) },
  );
  return Object.assign(disposable, { trees: { reviews, entities, reviewsView, entitiesView } });
}
