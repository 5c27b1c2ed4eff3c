// Every command, registered in one place. Commands take plain arguments (paths, offsets) so
// hovers, tree rows, tests and other extensions can call them without the UI.

import * as vscode from 'vscode';
import type { FilmIndex } from '../core/mentionIndex';
import type { CorpusService } from './corpusService';
import type { EntitiesNode, EntitiesTreeProvider } from './entitiesTree';
import { definitionOf } from './entityLookup';
import { mentionLocation, toUri } from './locations';
import { stepMention } from './mentionNavigation';
import type { ReviewsNode } from './reviewsTree';

type EntityNode = Extract<ReviewsNode, { type: 'entity' }> | Extract<EntitiesNode, { type: 'entity' }>;

function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string') return value.startsWith('/') ? vscode.Uri.file(value) : vscode.Uri.parse(value);
  if (value && typeof value === 'object' && 'path' in value && 'scheme' in value) return vscode.Uri.from(value as vscode.Uri);
  return undefined;
}

export async function revealRange(uri: vscode.Uri, rangeOrStart: vscode.Range | number | undefined, end?: number): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  let range: vscode.Range | undefined;
  if (rangeOrStart instanceof vscode.Range) range = rangeOrStart;
  else if (typeof rangeOrStart === 'number') range = new vscode.Range(doc.positionAt(rangeOrStart), doc.positionAt(end ?? rangeOrStart));
  else if (rangeOrStart && typeof rangeOrStart === 'object') {
    const r = rangeOrStart as { start: vscode.Position; end: vscode.Position };
    range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  }
  const editor = await vscode.window.showTextDocument(doc, { selection: range, preview: true });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return editor;
}

export function registerCommands(context: vscode.ExtensionContext, corpus: CorpusService, entities: EntitiesTreeProvider): void {
  const filmOf = (node: EntityNode): FilmIndex | undefined => ('film' in node ? corpus.index.film(node.film) : corpus.index.filmFor(node.path));

  const commands: Record<string, (...args: any[]) => unknown> = {
    'marginalia.openReview': (uri: unknown) => {
      const target = asUri(uri);
      return target ? vscode.window.showTextDocument(target, { preview: true }) : undefined;
    },
    'marginalia.revealMention': (uri: unknown, rangeOrStart?: vscode.Range | number, end?: number) => {
      const target = asUri(uri);
      return target ? revealRange(target, rangeOrStart, end) : undefined;
    },
    'marginalia.nextMention': () => stepMention(corpus, 1),
    'marginalia.previousMention': () => stepMention(corpus, -1),
    'marginalia.goToDefinition': async (node: EntityNode) => {
      const film = filmOf(node);
      const entity = film?.entity(node.entity);
      const def = film && entity ? definitionOf(film, entity) : undefined;
      if (def) await revealRange(def.targetUri, def.targetSelectionRange ?? def.targetRange);
    },
    'marginalia.findReferences': async (node: EntityNode) => {
      const film = filmOf(node);
      const entity = film?.entity(node.entity);
      const def = film && entity ? definitionOf(film, entity) : undefined;
      if (!film || !def) return;
      const locations = film.mentionsOf(node.entity).map(({ review, mention }) => mentionLocation(review, mention.start, mention.end));
      const editor = await revealRange(def.targetUri, def.targetSelectionRange ?? def.targetRange);
      await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.start, locations);
      return locations;
    },
    'marginalia.revealInExplorer': (node: { path?: string; dir?: string }) => {
      const path = node?.path ?? node?.dir;
      if (path) return vscode.commands.executeCommand('revealInExplorer', toUri(path));
    },
    'marginalia.refresh': async () => {
      await corpus.reload();
    },
    'marginalia.sortEntitiesByName': () => entities.setSort('name'),
    'marginalia.sortEntitiesByCount': () => entities.setSort('count'),
    'marginalia.filterEntities': async (value?: string) => {
      const filter = typeof value === 'string' ? value : await vscode.window.showInputBox({ prompt: 'Show only entities whose name or alias contains…', value: entities.filter, placeHolder: 'e.g. Amy, lonel, Phoenix' });
      if (filter !== undefined) entities.setFilter(filter);
    },
    'marginalia.clearEntityFilter': () => entities.setFilter(''),
    'marginalia.toggleDecorations': async () => {
      const config = vscode.workspace.getConfiguration('marginalia');
      await config.update('decorations.enabled', !config.get<boolean>('decorations.enabled', true), vscode.ConfigurationTarget.Global);
    },
    'marginalia.openSample': (options?: { open?: boolean }) => openSampleCorpus(context, options?.open ?? true),
  };
  for (const [id, handler] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, handler));
}

/**
 * Copies the bundled Her corpus somewhere writable (annotations are written beside it), once, and
 * opens it. With `open: false` it only prepares the copy and returns where it is.
 */
async function openSampleCorpus(context: vscode.ExtensionContext, open: boolean): Promise<vscode.Uri> {
  const source = vscode.Uri.joinPath(context.extensionUri, 'corpus');
  const target = vscode.Uri.joinPath(context.globalStorageUri, 'sample-corpus');
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    await vscode.workspace.fs.createDirectory(context.globalStorageUri);
    await vscode.workspace.fs.copy(source, target, { overwrite: false });
  }
  if (open) await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: false });
  return target;
}
