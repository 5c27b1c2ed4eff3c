import * as vscode from 'vscode';
import type { AnnotationService, LiveAnnotation } from '../../services/annotationService';
import type { CorpusService } from '../../services/corpusService';
import { definitionOf, entityAt } from '../../services/entityLookup';
import { mentionLocation, toPath, toRange, toUri } from '../../locations';

/**
 * Find All References / Peek: on a mention, every mention of the entity across the film's reviews
 * plus the annotations tagged with it; on an annotated passage, the annotations it links to.
 */
export class MentionReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly corpus: CorpusService, private readonly annotations?: AnnotationService) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] | undefined {
    const hit = entityAt(this.corpus, document, position);
    if (!hit) return this.linkedAnnotations(document, position, context.includeDeclaration);
    const out = hit.film.mentionsOf(hit.entity.id).map(({ review, mention }) => mentionLocation(review, mention.start, mention.end));
    for (const a of this.annotations?.taggedWith(hit.entity.id) ?? []) {
      const loc = annotationLocation(this.corpus, a);
      if (loc) out.push(loc);
    }
    if (context.includeDeclaration) {
      const def = definitionOf(hit.film, hit.entity);
      if (def) out.unshift(new vscode.Location(def.targetUri, def.targetSelectionRange ?? def.targetRange));
    }
    return out;
  }

  private linkedAnnotations(document: vscode.TextDocument, position: vscode.Position, includeSelf: boolean): vscode.Location[] | undefined {
    if (!this.annotations) return undefined;
    const here = this.annotations.at(toPath(document.uri), document.offsetAt(position));
    if (here.length === 0) return undefined;
    const out: vscode.Location[] = [];
    for (const a of here) {
      if (includeSelf) out.push(new vscode.Location(document.uri, new vscode.Range(document.positionAt(a.start), document.positionAt(a.end))));
      for (const link of a.annotation.links) {
        const target = this.annotations.resolveLink(a.review, link);
        const loc = target && annotationLocation(this.corpus, target);
        if (loc) out.push(loc);
      }
    }
    return out;
  }
}

export function annotationLocation(corpus: CorpusService, a: LiveAnnotation): vscode.Location | undefined {
  const review = corpus.index.review(a.review);
  if (!review || a.orphan) return undefined;
  return new vscode.Location(toUri(a.review), toRange(review.lines(), a.start, a.end));
}
