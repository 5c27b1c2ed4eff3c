// One comparison view: a film, its filters and sort, the matrix it last showed, and what the
// webview asked for. Every message from the webview is validated (isWebviewMessage) and every URI
// in one must name a review of this film before anything is opened or computed.

import * as vscode from 'vscode';
import { buildCompareMatrix, matrixToCsv, passagesFor, type CompareFilters, type CompareMatrix, type CompareSort } from '../../../core/compare';
import { compareInput } from '../../../core/compare/input';
import type { FilmIndex } from '../../../core/mentionIndex';
import { isWebviewMessage, type ExtensionToWebview, type Selection, type WebviewToExtension } from '../../../webview/compare/protocol';
import { toPath, toUri } from '../../locations';
import type { CorpusService } from '../../services/corpusService';

export class CompareSession {
  filters: CompareFilters;
  sort: CompareSort;
  private matrix?: CompareMatrix;
  /** The passages the view shows, asked for again when the corpus changes. */
  private selection?: Selection;

  constructor(
    readonly film: string,
    private readonly corpus: CorpusService,
    private readonly post: (message: ExtensionToWebview) => void,
    initial: { filters?: CompareFilters; sort?: CompareSort; selection?: Selection } = {},
  ) {
    this.filters = initial.filters ?? { kinds: [] };
    this.sort = initial.sort ?? 'count';
    this.selection = initial.selection;
  }

  private filmIndex(): FilmIndex | undefined {
    return this.corpus.index.film(this.film);
  }

  /** The matrix for the current filters and sort (computed now, from the index). */
  current(): CompareMatrix {
    const film = this.filmIndex();
    if (!film) return { critics: [], entities: [], counts: [] };
    const { reviews, entities } = compareInput(film);
    return (this.matrix = buildCompareMatrix(reviews, entities, { filters: this.filters, sort: this.sort }));
  }

  /** Sends the matrix again (and the passages shown, which may have moved). */
  update(): void {
    const film = this.filmIndex();
    this.post({ type: 'matrix', matrix: this.current(), filters: this.filters, sort: this.sort, film: film?.lexicon.film.title, filmUri: this.film });
    if (this.selection) this.postPassages(this.selection);
  }

  async receive(message: unknown): Promise<void> {
    if (!isWebviewMessage(message)) return; // not ours, or malformed: dropped
    await this.handle(message);
  }

  private async handle(message: WebviewToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.update();
        return;
      case 'setFilter':
        this.filters = { kinds: [...message.kinds] };
        this.update();
        return;
      case 'setSort':
        this.sort = message.sort;
        this.update();
        return;
      case 'selectCell':
        if (!this.isReview(message.reviewUri)) return;
        this.postPassages({ kind: 'cell', reviewUri: message.reviewUri, entityId: message.entityId });
        return;
      case 'selectEntity':
        this.postPassages({ kind: 'entity', entityId: message.entityId });
        return;
      case 'open':
        await this.open(message.uri, message.start, message.end);
        return;
      case 'copyCsv': {
        const matrix = this.matrix ?? this.current();
        await vscode.env.clipboard.writeText(matrixToCsv(matrix));
        vscode.window.setStatusBarMessage(`Marginalia: copied the matrix as CSV (${matrix.critics.length} reviews × ${matrix.entities.length} entities)`, 4000);
        return;
      }
    }
  }

  private isReview(uri: string): boolean {
    return !!this.filmIndex()?.reviews.has(uri);
  }

  private postPassages(selection: Selection): void {
    const film = this.filmIndex();
    if (!film || !film.entity(selection.entityId)) return;
    this.selection = selection;
    // Side by side in the order of the matrix's rows, so a column sits where its row does.
    const rows = new Map((this.matrix?.critics ?? []).map((c, i) => [c.uri, i]));
    const reviews = compareInput(film).reviews.sort((a, b) => (rows.get(a.uri) ?? rows.size) - (rows.get(b.uri) ?? rows.size));
    const reviewUri = selection.kind === 'cell' ? selection.reviewUri : undefined;
    this.post({ type: 'passages', entityId: selection.entityId, reviewUri, columns: passagesFor(reviews, selection.entityId, reviewUri) });
  }

  /** Opens a passage of one of the film's reviews beside the view; anything else is refused. */
  private async open(uri: string, start: number, end: number): Promise<void> {
    const review = this.filmIndex()?.reviews.get(uri);
    if (!review) return;
    const length = review.text.length;
    const doc = await vscode.workspace.openTextDocument(toUri(uri));
    const visible = vscode.window.visibleTextEditors.find((e) => toPath(e.document.uri) === uri);
    const range = new vscode.Range(doc.positionAt(Math.min(start, length)), doc.positionAt(Math.min(end, length)));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside, selection: range, preview: true });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  }
}
