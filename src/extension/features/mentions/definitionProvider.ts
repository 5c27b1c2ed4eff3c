import * as vscode from 'vscode';
import type { AnnotationService } from '../../services/annotationService';
import type { CorpusService } from '../../services/corpusService';
import { definitionOf, entityAt } from '../../services/entityLookup';
import { toPath } from '../../locations';
import { annotationLocation } from './referenceProvider';

/** Go to Definition: on a mention, the entity's entry in film.yaml; on an annotated passage, the annotations it links to. */
export class MentionDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly corpus: CorpusService, private readonly annotations?: AnnotationService) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] | undefined {
    const out: vscode.LocationLink[] = [];
    const hit = entityAt(this.corpus, document, position);
    const def = hit && definitionOf(hit.film, hit.entity);
    if (hit && def) out.push({ ...def, originSelectionRange: hit.range });
    // A passage annotated and linked: the linked passages are its definitions too (Peek shows all).
    for (const a of this.annotations?.at(toPath(document.uri), document.offsetAt(position)) ?? []) {
      for (const link of a.annotation.links) {
        const target = this.annotations!.resolveLink(a.review, link);
        const loc = target && annotationLocation(this.corpus, target);
        if (loc) out.push({ targetUri: loc.uri, targetRange: loc.range, originSelectionRange: new vscode.Range(document.positionAt(a.start), document.positionAt(a.end)) });
      }
    }
    return out.length ? out : undefined;
  }
}
