// Composes Marginalia's features. Every registration is a disposable pushed to the context.

import * as vscode from 'vscode';
import { registerAnnotationCommands } from './annotationCommands';
import { AnnotationDecorations } from './annotationDecorations';
import { AnnotationDiagnostics, OrphanQuickFixes } from './annotationDiagnostics';
import { AnnotationHoverProvider } from './annotationHoverProvider';
import { AnnotationService } from './annotationService';
import { registerCommands } from './commands';
import { CorpusService } from './corpusService';
import { MentionDecorations } from './decorations';
import { MentionDefinitionProvider } from './definitionProvider';
import { EntitiesTreeProvider } from './entitiesTree';
import { MentionHighlightProvider } from './highlightProvider';
import { MentionHoverProvider } from './hoverProvider';
import { LexiconDiagnostics } from './lexiconDiagnostics';
import { trackReviewContext } from './mentionNavigation';
import { ReviewOutlineProvider } from './outlineProvider';
import { MentionReferenceProvider } from './referenceProvider';
import { ReviewsTreeProvider } from './reviewsTree';
import { EntitySymbolProvider } from './workspaceSymbolProvider';

/** Reviews are Markdown or plain text; the lexicon is YAML. Providers check membership in a film. */
export const REVIEW_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'plaintext' },
];
const LEXICON_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file', pattern: '**/film.yaml' }];

export interface MarginaliaApi {
  corpus: CorpusService;
  annotations: AnnotationService;
  reviewsTree: ReviewsTreeProvider;
  entitiesTree: EntitiesTreeProvider;
  /** Resolves when the first index of the workspace is built. */
  ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  try {
    const corpus = new CorpusService();
    context.subscriptions.push(corpus);

    const annotations = new AnnotationService(corpus);
    context.subscriptions.push(annotations);
    const output = vscode.window.createOutputChannel('Marginalia');
    context.subscriptions.push(output);

    const reviewsTree = new ReviewsTreeProvider(corpus, annotations);
    const entitiesTree = new EntitiesTreeProvider(corpus);
    const reviewsView = vscode.window.createTreeView('marginalia.reviews', { treeDataProvider: reviewsTree, showCollapseAll: true });
    const entitiesView = vscode.window.createTreeView('marginalia.entities', { treeDataProvider: entitiesTree, showCollapseAll: true });
    context.subscriptions.push(reviewsView, entitiesView);
    void vscode.commands.executeCommand('setContext', 'marginalia.entitySort', entitiesTree.sort);

    // Trees refresh at most every 150 ms while a review is being typed in; one timer for both
    // trees and every source of change, so no change can cancel another's refresh.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const scheduleRefresh = () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        reviewsTree.refresh();
        entitiesTree.refresh();
        entitiesView.description = entitiesTree.filter ? `filter: ${entitiesTree.filter}` : undefined;
      }, 150);
    };
    context.subscriptions.push(annotations.onDidChange(scheduleRefresh), corpus.onDidChange(scheduleRefresh), { dispose: () => clearTimeout(pending) });

    const both = [...(REVIEW_SELECTOR as vscode.DocumentFilter[]), ...(LEXICON_SELECTOR as vscode.DocumentFilter[])];
    context.subscriptions.push(
      vscode.languages.registerHoverProvider(both, new MentionHoverProvider(corpus)),
      vscode.languages.registerHoverProvider(REVIEW_SELECTOR, new AnnotationHoverProvider(annotations, corpus)),
      vscode.languages.registerDefinitionProvider(REVIEW_SELECTOR, new MentionDefinitionProvider(corpus, annotations)),
      vscode.languages.registerReferenceProvider(both, new MentionReferenceProvider(corpus, annotations)),
      vscode.languages.registerCodeActionsProvider(REVIEW_SELECTOR, new OrphanQuickFixes(), { providedCodeActionKinds: OrphanQuickFixes.kinds }),
      new AnnotationDecorations(annotations, corpus),
      new AnnotationDiagnostics(annotations, corpus),
      vscode.languages.registerDocumentHighlightProvider(REVIEW_SELECTOR, new MentionHighlightProvider(corpus)),
      vscode.languages.registerWorkspaceSymbolProvider(new EntitySymbolProvider(corpus)),
      vscode.languages.registerDocumentSymbolProvider(REVIEW_SELECTOR, new ReviewOutlineProvider(corpus), { label: 'Marginalia' }),
      new MentionDecorations(corpus),
      new LexiconDiagnostics(corpus),
      trackReviewContext(corpus),
    );
    registerCommands(context, corpus, entitiesTree);
    registerAnnotationCommands(context, corpus, annotations, output);

    corpus.ready.catch((e) => void vscode.window.showErrorMessage(`Marginalia could not read the corpus: ${e instanceof Error ? e.message : String(e)}`));
    return { corpus, annotations, reviewsTree, entitiesTree, ready: Promise.all([corpus.ready, annotations.ready]).then(() => undefined) };
  } catch (e) {
    void vscode.window.showErrorMessage(`Marginalia failed to start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
