// The reading view of a plain-text review. VS Code's Markdown preview shows Markdown documents
// only, and a preview of a virtual Markdown copy would resolve every source link against the copy
// (a link like `review.txt#L13` would open the copy's scheme, not the review). So a .txt review is
// rendered by the same engine (`markdown.api.render` of its escaped Markdown form, which the
// markdown-it plugin recognises and marks exactly as it marks a .md review) into a webview of ours,
// styled like the preview with reading.css; a click on a mark comes back here as a validated
// message and opens that line of the source.

import * as vscode from 'vscode';
import type { IndexedReview } from '../../../core/mentionIndex';
import { reviewLabel } from '../../../core/review';
import { isReadingPanelMessage, readReadingPanelState } from '../../../webview/reading/protocol';
import { toPath, toUri } from '../../locations';
import type { CorpusChange, CorpusService } from '../../services/corpusService';
import { webviewPage } from '../../webviewPage';
import type { ParsedReviews } from './parsedReviews';

export const READING_PANEL = 'marginalia.reading';

interface OpenPanel {
  panel: vscode.WebviewPanel;
  review: string;
  /** The HTML last rendered (a refresh that changes nothing leaves the page alone). */
  body?: string;
}

export class ReadingPanels implements vscode.Disposable {
  private readonly open = new Map<string, OpenPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly corpus: CorpusService, private readonly parsed: ParsedReviews) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(READING_PANEL, {
        deserializeWebviewPanel: async (panel, state) => {
          const review = readReadingPanelState(state)?.review;
          await corpus.ready;
          if (!review || !corpus.review(review)) {
            panel.dispose(); // the review is gone
            return;
          }
          this.adopt(panel, review);
          await this.render(review);
        },
      }),
    );
  }

  /** Shows the reading panel of a .txt review beside the active editor; resolves with its HTML. */
  async show(review: IndexedReview): Promise<string> {
    const existing = this.open.get(review.path);
    if (existing) {
      existing.panel.reveal(undefined, false);
      await this.render(review.path);
      return existing.panel.webview.html;
    }
    const panel = vscode.window.createWebviewPanel(READING_PANEL, titleOf(review), vscode.ViewColumn.Beside, this.options());
    this.adopt(panel, review.path);
    await this.render(review.path);
    return panel.webview.html;
  }

  /** The review shown in each open panel. */
  shown(): string[] {
    return [...this.open.keys()];
  }

  /** Renders again the panels whose review, annotations or marks changed. */
  refresh(change?: CorpusChange | { annotationsOf?: string }): void {
    for (const review of this.open.keys()) {
      const reviews = change && 'reviews' in change ? change.reviews : change && 'annotationsOf' in change && change.annotationsOf ? [change.annotationsOf] : undefined;
      if (!reviews || reviews.includes(review)) void this.render(review);
    }
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
    };
  }

  private adopt(panel: vscode.WebviewPanel, review: string): void {
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'marginalia.svg');
    const entry: OpenPanel = { panel, review };
    this.open.set(review, entry);
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isReadingPanelMessage(message)) void this.openSource(entry, message.line);
    });
    panel.onDidDispose(() => {
      if (this.open.get(review) === entry) this.open.delete(review);
    });
  }

  private async render(uri: string): Promise<void> {
    const entry = this.open.get(uri);
    const review = this.corpus.review(uri);
    if (!entry) return;
    if (!review) {
      entry.panel.webview.html = webviewPage(entry.panel.webview, { title: 'Review gone', styles: this.styles(), script: this.script(), body: '<p class="marginalia-gone">This review is no longer in the corpus.</p>' });
      return;
    }
    // The plugin recognises this very text as the review and marks it (ParsedReviews).
    const body: string = await vscode.commands.executeCommand('markdown.api.render', this.parsed.formOf(review).src);
    if (this.open.get(uri) !== entry || body === entry.body) return;
    entry.body = body;
    entry.panel.title = titleOf(review);
    entry.panel.webview.html = webviewPage(entry.panel.webview, {
      title: titleOf(review),
      styles: this.styles(),
      script: this.script(),
      body: `<main class="marginalia-reading">\n${body}\n</main>`,
      bodyData: { review: uri },
    });
  }

  private styles(): vscode.Uri[] {
    return [vscode.Uri.joinPath(this.extensionUri, 'media', 'readingPanel.css'), vscode.Uri.joinPath(this.extensionUri, 'media', 'reading.css')];
  }

  private script(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'reading.js');
  }

  /** The source at a line: in the editor already showing it, else in the group beside the panel. */
  private async openSource(entry: OpenPanel, line: number): Promise<void> {
    const uri = toUri(entry.review);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (line >= doc.lineCount) return;
    const visible = vscode.window.visibleTextEditors.find((e) => toPath(e.document.uri) === entry.review);
    const column = visible?.viewColumn ?? (entry.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const at = new vscode.Position(line, 0);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Selection(at, at), preview: true });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    for (const { panel } of this.open.values()) panel.dispose();
    this.open.clear();
    this.disposables.forEach((d) => d.dispose());
  }
}

function titleOf(review: IndexedReview): string {
  return `Read: ${reviewLabel(review.info, review.film.lexicon.film.title)}`;
}
