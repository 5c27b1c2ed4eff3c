import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';
import { definitionOf, entityAt } from './entityLookup';
import { mentionLocation } from './locations';

/** Find All References / Peek: every mention of the entity across the film's reviews. */
export class MentionReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const hit = entityAt(this.corpus, document, position);
    if (!hit) return undefined;
    const out = hit.film.mentionsOf(hit.entity.id).map(({ review, mention }) => mentionLocation(review, mention.start, mention.end));
    if (context.includeDeclaration) {
      const def = definitionOf(hit.film, hit.entity);
      if (def) out.unshift(new vscode.Location(def.targetUri, def.targetSelectionRange ?? def.targetRange));
    }
    return out;
  }
}
