// Mentions of characters, people, the film and themes in reviews: hover cards, Go to Definition,
// references, highlights, symbols (Ctrl+T and the Outline), underlines, and Next/Previous Mention.

import * as vscode from 'vscode';
import type { FeatureContext } from '../context';
import { LEXICON_SELECTOR, REVIEW_SELECTOR } from '../context';
import { MentionDecorations } from './decorations';
import { MentionDefinitionProvider } from './definitionProvider';
import { MentionHighlightProvider } from './highlightProvider';
import { MentionHoverProvider } from './hoverProvider';
import { stepMention, trackReviewContext } from './mentionNavigation';
import { ReviewOutlineProvider } from './outlineProvider';
import { MentionReferenceProvider } from './referenceProvider';
import { EntitySymbolProvider } from './workspaceSymbolProvider';

/** Theme underlines on or off, for this workspace (the setting's default is off). */
async function setThemes(on: boolean): Promise<void> {
  await vscode.workspace.getConfiguration('marginalia').update('decorations.themes', on, vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}

function syncThemesContext(): void {
  void vscode.commands.executeCommand('setContext', 'marginalia.themeUnderlines', vscode.workspace.getConfiguration('marginalia').get<boolean>('decorations.themes', false));
}

export function register(ctx: FeatureContext): vscode.Disposable {
  syncThemesContext();
  const { corpus, annotations } = ctx;
  const reviewsAndLexicons = [...REVIEW_SELECTOR, ...LEXICON_SELECTOR];
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(reviewsAndLexicons, new MentionHoverProvider(corpus)),
    vscode.languages.registerDefinitionProvider(REVIEW_SELECTOR, new MentionDefinitionProvider(corpus, annotations)),
    vscode.languages.registerReferenceProvider(reviewsAndLexicons, new MentionReferenceProvider(corpus, annotations)),
    vscode.languages.registerDocumentHighlightProvider(REVIEW_SELECTOR, new MentionHighlightProvider(corpus)),
    vscode.languages.registerWorkspaceSymbolProvider(new EntitySymbolProvider(corpus)),
    vscode.languages.registerDocumentSymbolProvider(REVIEW_SELECTOR, new ReviewOutlineProvider(corpus), { label: 'Marginalia' }),
    new MentionDecorations(corpus),
    trackReviewContext(corpus),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('marginalia.decorations.themes') && syncThemesContext()),
    ctx.commands.register(
      { id: 'marginalia.nextMention', execute: () => stepMention(corpus, 1) },
      { id: 'marginalia.previousMention', execute: () => stepMention(corpus, -1) },
      { id: 'marginalia.showThemeUnderlines', execute: () => setThemes(true) },
      { id: 'marginalia.hideThemeUnderlines', execute: () => setThemes(false) },
      {
        id: 'marginalia.toggleDecorations',
        execute: async () => {
          const config = vscode.workspace.getConfiguration('marginalia');
          await config.update('decorations.enabled', !config.get<boolean>('decorations.enabled', true), vscode.ConfigurationTarget.Global);
        },
      },
    ),
  );
}
