// Composes Marginalia for either extension host: the services, then each feature's register(ctx).
// Everything registered is a disposable owned by the extension context.

import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { CommandManager } from './commands';
import { register as registerAnnotations } from './features/annotations';
import { register as registerCompare } from './features/compare';
import { register as registerFilms } from './features/films';
import type { FeatureContext } from './features/context';
import { register as registerInterchange } from './features/interchange';
import { register as registerLexicon } from './features/lexicon';
import { register as registerMentions } from './features/mentions';
import { register as registerReadingView } from './features/readingView';
import { register as registerSample } from './features/sample';
import { register as registerTrees, type Trees } from './features/trees';
import type { Platform } from './platform';
import { AnnotationService } from './services/annotationService';
import { CorpusService } from './services/corpusService';

export interface MarginaliaApi {
  platform: Platform['kind'];
  corpus: CorpusService;
  annotations: AnnotationService;
  trees: Trees;
  /** Resolves when the latest index of the workspace and its annotations are loaded. */
  readonly ready: Promise<void>;
  /** VS Code's Markdown extension hands its markdown-it here (contributes.markdown.markdownItPlugins). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function activateShared(context: vscode.ExtensionContext, platform: Platform): MarginaliaApi {
  try {
    const corpus = new CorpusService(platform.host);
    const annotations = new AnnotationService(corpus);
    const commands = new CommandManager();
    const output = vscode.window.createOutputChannel('Marginalia');
    context.subscriptions.push(corpus, annotations, commands, output);
    const ctx: FeatureContext = { extension: context, platform, corpus, annotations, commands, output };
    const trees = registerTrees(ctx);
    const reading = registerReadingView(ctx);
    context.subscriptions.push(trees, reading, registerMentions(ctx), registerAnnotations(ctx), registerLexicon(ctx), registerSample(ctx), registerFilms(ctx), registerInterchange(ctx), registerCompare(ctx));
    // The first time a workspace with a corpus opens, show the reader where Marginalia is; not
    // when a review is already open by then (revealing the view would take the keyboard from it).
    void corpus.ready.then(async () => {
      if (corpus.index.allFilms().length === 0 || context.workspaceState.get('marginalia.viewRevealed')) return;
      if (vscode.window.activeTextEditor) return;
      await context.workspaceState.update('marginalia.viewRevealed', true);
      await vscode.commands.executeCommand('workbench.view.extension.marginalia');
    });
    corpus.ready.catch((e) => void vscode.window.showErrorMessage(`Marginalia could not read the corpus: ${e instanceof Error ? e.message : String(e)}`));
    return {
      platform: platform.kind,
      corpus,
      annotations,
      trees: trees.trees,
      get ready() {
        return annotations.ready;
      },
      extendMarkdownIt: (md) => reading.extendMarkdownIt(md),
    };
  } catch (e) {
    void vscode.window.showErrorMessage(`Marginalia failed to start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}
