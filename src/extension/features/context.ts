// What every feature's register(ctx) receives: the services (the one source of truth each for the
// corpus index with live text, and for annotations), the command manager and the platform.

import type * as vscode from 'vscode';
import type { CommandManager } from '../commands';
import type { Platform } from '../platform';
import type { AnnotationService } from '../services/annotationService';
import type { CorpusService } from '../services/corpusService';

export interface FeatureContext {
  extension: vscode.ExtensionContext;
  platform: Platform;
  corpus: CorpusService;
  annotations: AnnotationService;
  commands: CommandManager;
  output: vscode.OutputChannel;
}

/** Reviews are Markdown or plain text on any scheme; providers check membership in a film. */
export const REVIEW_SELECTOR: vscode.DocumentFilter[] = [{ language: 'markdown' }, { language: 'plaintext' }];
export const LEXICON_SELECTOR: vscode.DocumentFilter[] = [{ pattern: '**/film.yaml' }];
