import * as vscode from 'vscode';
import type { CorpusService } from './corpusService';
import { definitionOf, entityAt } from './entityLookup';

/** Go to Definition on a mention opens the entity's entry in film.yaml. */
export class MentionDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] | undefined {
    const hit = entityAt(this.corpus, document, position);
    if (!hit) return undefined;
    const def = definitionOf(hit.film, hit.entity);
    return def ? [{ ...def, originSelectionRange: hit.range }] : undefined;
  }
}
