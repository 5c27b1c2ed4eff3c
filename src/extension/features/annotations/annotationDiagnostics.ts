// Problems panel: orphaned annotations (in their review), conflicts a git merge recorded (on the
// annotation's passage; the sidecar's own keys in the sidecar), and sidecars that do not parse (in
// the sidecar, at the line and column of the problem), with a quick fix to re-anchor an orphan.

import * as vscode from 'vscode';
import { describeConflict } from '../../../core/annotations/conflictText';
import type { AnnotationService } from '../../services/annotationService';
import type { CorpusService } from '../../services/corpusService';
import { toPath, toRange, toUri } from '../../locations';

export const ORPHAN_CODE = 'orphaned-annotation';
export const AMBIGUOUS_CODE = 'ambiguous-annotation';
export const CONFLICT_CODE = 'merge-conflict';

export class AnnotationDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('marginalia-annotations');
  private readonly subscription: vscode.Disposable;

  constructor(private readonly annotations: AnnotationService, private readonly corpus: CorpusService) {
    this.subscription = annotations.onDidChange(() => this.update());
    this.update();
  }

  private update(): void {
    this.collection.clear();
    for (const entry of this.annotations.all()) {
      const sidecarName = entry.sidecar.slice(entry.sidecar.lastIndexOf('/') + 1);
      const inReview: vscode.Diagnostic[] = [];
      for (const a of entry.annotations) {
        for (const c of a.annotation.conflicts ?? []) {
          const d = new vscode.Diagnostic(this.placeOf(entry.review, a.start, a.end), `Annotation ${a.annotation.id}: ${describeConflict(c)} — in ${sidecarName}; keep what is right and delete the entry.`, vscode.DiagnosticSeverity.Warning);
          d.source = 'marginalia';
          d.code = CONFLICT_CODE;
          inReview.push(d);
        }
        if (a.ambiguous?.length) {
          const review = this.corpus.review(entry.review);
          const where = (p: { start: number }) => (review ? `line ${review.lines().positionAt(p.start).line + 1}` : `offset ${p.start}`);
          const d = new vscode.Diagnostic(
            this.placeOf(entry.review, a.start, a.end),
            `Annotation ${a.annotation.id} is placed here, but its passage is also at ${a.ambiguous.map(where).join(' and ')}, right beside it with the same context on one side (a pasted copy?). If the other is the right one, select it and re-anchor the annotation there.`,
            vscode.DiagnosticSeverity.Warning,
          );
          d.source = 'marginalia';
          d.code = AMBIGUOUS_CODE;
          if (review) d.relatedInformation = a.ambiguous.map((p) => new vscode.DiagnosticRelatedInformation(new vscode.Location(toUri(entry.review), toRange(review.lines(), p.start, p.end)), 'the other place'));
          inReview.push(d);
        }
      }
      const orphans = entry.annotations.filter((a) => a.orphan);
      if (orphans.length || inReview.length) {
        this.collection.set(
          toUri(entry.review),
          inReview.concat(orphans.map((a) => {
            const quote = a.annotation.target.quote.replace(/\s+/g, ' ');
            const d = new vscode.Diagnostic(
              this.placeOf(entry.review, a.start, a.end),
              `Annotation ${a.annotation.id} lost its passage “${quote.length > 60 ? quote.slice(0, 59) + '…' : quote}”. It is kept in ${sidecarName}; select the passage and use the quick fix to re-anchor it.`,
              vscode.DiagnosticSeverity.Warning,
            );
            d.source = 'marginalia';
            d.code = ORPHAN_CODE;
            return d;
          })),
        );
      }
      const inSidecar = entry.errors.map((e) => {
        const pos = new vscode.Position(Math.max(0, e.line - 1), Math.max(0, e.column - 1));
        const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), `${e.message} — this sidecar is left untouched until it is fixed.`, vscode.DiagnosticSeverity.Error);
        d.source = 'marginalia';
        d.code = 'invalid-sidecar';
        return d;
      });
      for (const c of entry.conflicts) {
        // The sidecar's own keys have no passage; the top of the file is where they are.
        const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), `Sidecar key ${c.field}: ${describeConflict(c)}; keep what is right and delete the entry.`, vscode.DiagnosticSeverity.Warning);
        d.source = 'marginalia';
        d.code = CONFLICT_CODE;
        inSidecar.push(d);
      }
      if (inSidecar.length) this.collection.set(toUri(entry.sidecar), inSidecar);
    }
  }

  /** An orphan is shown where its passage last was, so the reader can look around it. */
  private placeOf(review: string, start: number, end: number): vscode.Range {
    const indexed = this.corpus.index.review(review);
    return indexed ? toRange(indexed.lines(), start, Math.max(start, end)) : new vscode.Range(0, 0, 0, 0);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

/**
 * "Re-anchor annotation to selection": offered wherever the reader selects text in a review that
 * has orphans (the right passage is rarely where the orphan was last seen), and on the orphan's
 * diagnostic itself.
 */
export class OrphanQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly annotations: AnnotationService) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const orphans = (this.annotations.forReview(toPath(document.uri))?.annotations ?? []).filter((a) => a.orphan);
    return orphans.map((a) => {
      const id = a.annotation.id;
      const action = new vscode.CodeAction(range.isEmpty ? `Re-anchor annotation ${id} to selection (select its passage first)` : `Re-anchor annotation ${id} to selection`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = context.diagnostics.filter((d) => d.code === ORPHAN_CODE && d.message.startsWith(`Annotation ${id} `));
      action.isPreferred = action.diagnostics.length > 0;
      action.disabled = range.isEmpty ? { reason: 'Select the passage the annotation belongs to.' } : undefined;
      action.command = {
        command: 'marginalia.reanchorAnnotation',
        title: 'Re-anchor annotation to selection',
        arguments: [{ review: document.uri.toString(), id, start: document.offsetAt(range.start), end: document.offsetAt(range.end) }],
      };
      return action;
    });
  }
}
