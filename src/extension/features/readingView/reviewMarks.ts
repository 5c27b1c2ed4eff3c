// The marks of one review for the reading view: its mentions from the index, its annotations from
// the AnnotationService (orphans left out: their passage is gone), each moved into the text
// markdown-it parses, and a link back to the source line for every mark.

import * as vscode from 'vscode';
import { basenameUri } from '../../../core/model/uri';
import type { ReadingAnnotation, ReadingMention, ReviewMarks } from '../../../core/reading';
import type { AnnotationService } from '../../services/annotationService';
import type { ParsedReview } from './parsedReviews';

/** Themes are marked in the reading view when they are underlined in the editor (one toggle for both). */
export function showThemes(): boolean {
  return vscode.workspace.getConfiguration('marginalia').get<boolean>('decorations.themes', false);
}

/**
 * `review.md#L13`: relative to the document the preview shows, with a 1-based line, which the
 * Markdown language service reads as a position. (The reading panel for .txt reviews reads the same
 * fragment.)
 */
export function sourceLinkFor(reviewUri: string): (line: number) => string {
  const name = encodeURIComponent(basenameUri(reviewUri));
  return (line) => `${name}#L${line + 1}`;
}

export function reviewMarks(parsed: ParsedReview, annotations: AnnotationService, themes: boolean): ReviewMarks {
  const { review, toParsed } = parsed;
  const film = review.film;
  const mentions: ReadingMention[] = review.mentions.map((m) => ({
    entity: m.entity,
    kind: m.kind,
    name: film.entity(m.entity)?.name ?? m.entity,
    start: toParsed(m.start),
    end: toParsed(m.end),
  }));
  const live = annotations.forReview(review.path)?.annotations ?? [];
  const notes: ReadingAnnotation[] = live
    .filter((a) => !a.orphan && a.end > a.start && a.end <= review.text.length)
    .map((a) => ({
      id: a.annotation.id,
      start: toParsed(a.start),
      end: toParsed(a.end),
      note: a.annotation.note,
      // Tags read as the entities' names, as in the tree and the hover.
      tags: a.annotation.tags.map((t) => film.entity(t)?.name ?? `#${t}`),
    }));
  return { mentions, annotations: notes, showThemes: themes, sourceLink: sourceLinkFor(review.path) };
}
