import * as vscode from 'vscode';
import type { EntityKind } from '../../../core/mentions/types';
import type { CorpusService } from '../../services/corpusService';
import { toRange } from '../../locations';

const KINDS: EntityKind[] = ['film', 'character', 'person', 'theme'];

/**
 * Subtle underlines of mentions by kind, in theme-aware colours. Names only by default: themes are
 * common words, and underlining them too makes a review look like a spell-check (a setting and a
 * toggle in the Reviews view turn them on). All of it off with a setting.
 */
export class MentionDecorations implements vscode.Disposable {
  private readonly types = new Map<EntityKind, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusService) {
    for (const kind of KINDS) {
      this.types.set(kind, vscode.window.createTextEditorDecorationType({
        // Names get a solid line; themes, which are common words, a quieter dotted one.
        borderStyle: kind === 'theme' ? 'none none dotted none' : 'none none solid none',
        borderWidth: kind === 'theme' ? '0 0 1px 0' : '0 0 2px 0',
        borderColor: new vscode.ThemeColor(`marginalia.${kind}Mention`),
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }));
    }
    this.disposables.push(
      ...this.types.values(),
      vscode.window.onDidChangeVisibleTextEditors(() => this.update()),
      corpus.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('marginalia.decorations')) this.update();
      }),
    );
    this.update();
  }

  private get enabled(): boolean {
    return vscode.workspace.getConfiguration('marginalia').get<boolean>('decorations.enabled', true);
  }

  private get themes(): boolean {
    return vscode.workspace.getConfiguration('marginalia').get<boolean>('decorations.themes', false);
  }

  update(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const review = this.enabled ? this.corpus.reviewFor(editor.document) : undefined;
      const themes = this.themes;
      for (const kind of KINDS) {
        const ranges = review && (kind !== 'theme' || themes) ? review.mentions.filter((m) => m.kind === kind).map((m) => toRange(review.lines(), m.start, m.end)) : [];
        editor.setDecorations(this.types.get(kind)!, ranges);
      }
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
