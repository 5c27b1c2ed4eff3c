import * as vscode from 'vscode';
import type { CorpusService } from '../../services/corpusService';
import { entityAt } from '../../services/entityLookup';
import { toRange } from '../../locations';

/** The other mentions of the same entity in the open review. */
export class MentionHighlightProvider implements vscode.DocumentHighlightProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideDocumentHighlights(document: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] | undefined {
    const hit = entityAt(this.corpus, document, position);
    if (!hit?.review) return undefined;
    const review = hit.review;
    return review
      .mentionsOf(hit.entity.id)
      .map((m) => new vscode.DocumentHighlight(toRange(review.lines(), m.start, m.end), m.start === hit.mention?.start ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read));
  }
}
