import * as vscode from 'vscode';
import type { CorpusService } from '../../services/corpusService';
import { toRange } from '../../locations';

/**
 * Outline: the review's headings (for plain-text reviews; Markdown's own provider lists them for
 * .md) and a "Most mentioned" group with the entities the review discusses most.
 */
export class ReviewOutlineProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    const review = this.corpus.reviewFor(document);
    if (!review) return undefined;
    const out: vscode.DocumentSymbol[] = [];
    const lines = review.lines();
    const whole = toRange(lines, review.info.bodyStart, review.text.length);
    if (document.languageId !== 'markdown') {
      const heading = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/gm;
      heading.lastIndex = review.info.bodyStart;
      for (let m = heading.exec(review.text); m; m = heading.exec(review.text)) {
        const r = toRange(lines, m.index, m.index + m[0].length);
        out.push(new vscode.DocumentSymbol(m[2], '', vscode.SymbolKind.String, r, r));
      }
    }
    const top = vscode.workspace.getConfiguration('marginalia').get<number>('outline.topEntities', 8);
    // Names and themes ranked apart: themes' common words would otherwise crowd out the people.
    const groups: Array<[string, (kind: string) => boolean]> = [
      ['Most mentioned', (kind) => kind !== 'theme'],
      ['Themes', (kind) => kind === 'theme'],
    ];
    for (const [label, accepts] of groups) {
      const ranked = [...review.counts.entries()]
        .filter(([id]) => accepts(review.film.entity(id)?.kind ?? ''))
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, top);
      if (ranked.length === 0) continue;
      const group = new vscode.DocumentSymbol(label, `${ranked.length}`, vscode.SymbolKind.Namespace, whole, toRange(lines, review.info.bodyStart, review.info.bodyStart));
      for (const [id, count] of ranked) {
        const entity = review.film.entity(id);
        const first = review.firstMentionOf(id);
        if (!entity || !first) continue;
        const r = toRange(lines, first.start, first.end);
        group.children.push(new vscode.DocumentSymbol(entity.name, `${count} × ${entity.kind}`, entity.kind === 'theme' ? vscode.SymbolKind.Key : vscode.SymbolKind.Class, r, r));
      }
      out.push(group);
    }
    return out;
  }
}
