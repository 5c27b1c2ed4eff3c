import * as vscode from 'vscode';
import { describeConflict } from '../../../core/annotations/conflictText';
import type { AnnotationService, LiveAnnotation } from '../../services/annotationService';
import type { CorpusService } from '../../services/corpusService';
import { toPath } from '../../locations';
import { commandLink, escapeMarkdown } from '../../markdownText';
import { labelOfPath } from '../../../core/review';

export const ANNOTATION_HOVER_COMMANDS = ['marginalia.revealAnnotation', 'marginalia.editAnnotation', 'marginalia.deleteAnnotation', 'marginalia.linkAnnotation'];

/** Hovering an annotated passage shows its note, tags, links and merge conflicts (the entity card comes from the mention hover). */
export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly annotations: AnnotationService, private readonly corpus: CorpusService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const review = toPath(document.uri);
    const hits = this.annotations.at(review, document.offsetAt(position));
    if (hits.length === 0) return undefined;
    const cards = hits.map((a) => this.card(a));
    const first = hits[0];
    return new vscode.Hover(cards, new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)));
  }

  private card(a: LiveAnnotation): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ANNOTATION_HOVER_COMMANDS };
    md.supportHtml = false;
    md.appendMarkdown(`$(note) **Annotation** \`${escapeMarkdown(a.annotation.id)}\`\n\n`);
    if (a.annotation.note) md.appendMarkdown(`${escapeMarkdown(a.annotation.note)}\n\n`);
    if (a.annotation.tags.length) {
      const film = this.corpus.index.filmFor(a.review);
      const tags = a.annotation.tags.map((t) => {
        const e = film?.entity(t);
        return e ? `**${escapeMarkdown(e.name)}**` : `#${escapeMarkdown(t)}`;
      });
      md.appendMarkdown(`Tags: ${tags.join(', ')}\n\n`);
    }
    for (const link of a.annotation.links) {
      const target = this.annotations.resolveLink(a.review, link);
      const label = target ? `${this.reviewLabel(target.review)}: “${escapeMarkdown(shorten(target.annotation.target.quote))}”` : `${escapeMarkdown(link.review)} \`${escapeMarkdown(link.id)}\` (not found)`;
      md.appendMarkdown(target ? `$(link) [${label}](${commandLink('marginalia.revealAnnotation', [target.review, target.annotation.id])})\n\n` : `$(link) ${label}\n\n`);
    }
    // A conflict a git merge recorded: the other version is shown, as data, until someone resolves it.
    for (const c of a.annotation.conflicts ?? []) md.appendMarkdown(`$(warning) **Merge conflict:** ${escapeMarkdown(describeConflict(c))}\n\n`);
    const args = [{ review: a.review, id: a.annotation.id }];
    md.appendMarkdown(`[Edit](${commandLink('marginalia.editAnnotation', args)}) · [Link to…](${commandLink('marginalia.linkAnnotation', args)}) · [Delete](${commandLink('marginalia.deleteAnnotation', args)})`);
    return md;
  }

  private reviewLabel(path: string): string {
    return escapeMarkdown(labelOfPath(this.corpus.index, path));
  }
}

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1) + '…';
}
