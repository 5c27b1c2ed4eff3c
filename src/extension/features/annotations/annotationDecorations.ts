import * as vscode from 'vscode';
import type { AnnotationService } from '../../services/annotationService';
import type { CorpusService } from '../../services/corpusService';
import { toPath } from '../../locations';

/** Annotated passages get a soft background and a margin mark, in a theme colour. */
export class AnnotationDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('marginalia.annotationBackground'),
    overviewRulerColor: new vscode.ThemeColor('marginalia.annotationBackground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [this.type];

  constructor(private readonly annotations: AnnotationService, corpus: CorpusService) {
    this.disposables.push(
      annotations.onDidChange(() => this.update()),
      corpus.onDidChange(() => this.update()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.update()),
    );
    this.update();
  }

  update(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const entry = this.annotations.forReview(toPath(editor.document.uri));
      const ranges = (entry?.annotations ?? [])
        .filter((a) => !a.orphan)
        .map((a) => new vscode.Range(editor.document.positionAt(a.start), editor.document.positionAt(a.end)));
      editor.setDecorations(this.type, ranges);
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
