// Annotations on passages: highlights, hover cards, Problems (orphans, broken sidecars) with a
// quick fix, and the commands to annotate, edit, link, delete, re-anchor and write sidecars.

import * as vscode from 'vscode';
import type { FeatureContext } from '../context';
import { REVIEW_SELECTOR } from '../context';
import { annotationCommands } from './annotationCommands';
import { AnnotationDecorations } from './annotationDecorations';
import { AnnotationDiagnostics, OrphanQuickFixes } from './annotationDiagnostics';
import { AnnotationHoverProvider } from './annotationHoverProvider';
import { followRenames } from './followRenames';

export function register(ctx: FeatureContext): vscode.Disposable {
  const { corpus, annotations } = ctx;
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(REVIEW_SELECTOR, new AnnotationHoverProvider(annotations, corpus)),
    vscode.languages.registerCodeActionsProvider(REVIEW_SELECTOR, new OrphanQuickFixes(annotations), { providedCodeActionKinds: OrphanQuickFixes.kinds }),
    new AnnotationDecorations(annotations, corpus),
    new AnnotationDiagnostics(annotations, corpus),
    followRenames(ctx.platform.host, annotations, ctx.output),
    ctx.commands.register(...annotationCommands(corpus, annotations, ctx.output)),
  );
}
