// Next / Previous Mention of the entity under the cursor, across reviews in corpus order.

import * as vscode from 'vscode';
import type { MentionLocation } from '../../../core/mentionIndex';
import type { CorpusService } from '../../services/corpusService';
import { entityAt } from '../../services/entityLookup';
import { reviewLabel } from '../../../core/review';
import { toRange, toUri } from '../../locations';

export interface MentionStep {
  path: string;
  start: number;
  end: number;
  entity: string;
  /** 1-based position in the entity's mentions, and their count. */
  index: number;
  total: number;
  wrapped: boolean;
}

export async function stepMention(corpus: CorpusService, direction: 1 | -1): Promise<MentionStep | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const hit = entityAt(corpus, editor.document, editor.selection.active);
  if (!hit?.review || !hit.mention) {
    void vscode.window.showInformationMessage('Marginalia: place the cursor on a mention of a character, person, the film or a theme to step through its mentions.');
    return undefined;
  }
  const all: MentionLocation[] = hit.film.mentionsOf(hit.entity.id);
  const here = all.findIndex((l) => l.review.path === hit.review!.path && l.mention.start === hit.mention!.start);
  let next = here + direction;
  let wrapped = false;
  if (next >= all.length) {
    next = 0;
    wrapped = true;
  } else if (next < 0) {
    next = all.length - 1;
    wrapped = true;
  }
  const target = all[next];
  const range = toRange(target.review.lines(), target.mention.start, target.mention.end);
  const doc = await vscode.workspace.openTextDocument(toUri(target.review.path));
  const shown = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
  shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const who = reviewLabel(target.review.info, target.review.film.lexicon.film.title);
  const where = `${hit.entity.name}: mention ${next + 1} of ${all.length} (${who})`;
  if (wrapped) {
    void vscode.window.showInformationMessage(direction > 0 ? `Marginalia: reached the last mention of ${hit.entity.name}; continuing from the first.` : `Marginalia: reached the first mention of ${hit.entity.name}; continuing from the last.`);
  }
  vscode.window.setStatusBarMessage(where, 4000);
  return { path: target.review.path, start: target.mention.start, end: target.mention.end, entity: hit.entity.id, index: next + 1, total: all.length, wrapped };
}

/** Keeps `marginalia.inReview` true while the active editor shows an indexed review. */
export function trackReviewContext(corpus: CorpusService): vscode.Disposable {
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'marginalia.inReview', !!doc && !!corpus.reviewFor(doc));
  };
  update();
  return vscode.Disposable.from(vscode.window.onDidChangeActiveTextEditor(update), corpus.onDidChange(update));
}
