import * as vscode from 'vscode';
import type { EntityKind } from '../../../core/mentions/types';
import { KIND_LABEL } from '../../../core/lexicon/lexicon';
import type { CorpusService } from '../../services/corpusService';
import { definitionOf } from '../../services/entityLookup';

const SYMBOL_KIND: Record<EntityKind, vscode.SymbolKind> = {
  film: vscode.SymbolKind.File,
  character: vscode.SymbolKind.Class,
  person: vscode.SymbolKind.Constructor,
  theme: vscode.SymbolKind.Key,
};

/** Ctrl+T: entities by name and by alias, each pointing at its film.yaml entry. */
export class EntitySymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const q = query.toLowerCase();
    const out: vscode.SymbolInformation[] = [];
    for (const film of this.corpus.index.allFilms()) {
      for (const entity of film.lexicon.entities) {
        const def = definitionOf(film, entity);
        if (!def) continue;
        const location = new vscode.Location(def.targetUri, def.targetSelectionRange ?? def.targetRange);
        const container = `${KIND_LABEL[entity.kind]} · ${film.lexicon.film.title}`;
        // The name, plus each alias a reader could type that the name would not match.
        for (const name of [entity.name, ...entity.aliases]) {
          if (name !== entity.name && entity.name.toLowerCase().includes(name.toLowerCase())) continue;
          if (q && !fuzzyContains(name.toLowerCase(), q)) continue;
          const label = name === entity.name ? name : `${name} (${entity.name})`;
          out.push(new vscode.SymbolInformation(label, SYMBOL_KIND[entity.kind], container, location));
        }
      }
    }
    return out;
  }
}

/** The query's characters appear in order (how Ctrl+T matches). */
function fuzzyContains(text: string, query: string): boolean {
  let i = 0;
  for (const ch of text) if (ch === query[i]) i++;
  return i >= query.length;
}
