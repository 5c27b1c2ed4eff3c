import * as vscode from 'vscode';
import type { CorpusService } from '../../services/corpusService';
import { entityAt } from '../../services/entityLookup';
import { entityCard } from './hoverCard';

/** Hover cards over mentions in reviews and over entries in film.yaml, built from the index. */
export class MentionHoverProvider implements vscode.HoverProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hit = entityAt(this.corpus, document, position);
    if (!hit) return undefined;
    return new vscode.Hover(entityCard(hit.film, hit.entity, hit.mention), hit.range);
  }
}
