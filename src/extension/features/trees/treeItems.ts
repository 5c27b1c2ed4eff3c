import * as vscode from 'vscode';
import type { IndexedReview } from '../../../core/mentionIndex';
import type { EntityKind, Mention } from '../../../core/mentions/types';
import { snippetAround } from '../../../core/snippet';

const ICONS: Record<EntityKind, string> = {
  film: 'device-camera-video',
  character: 'person',
  person: 'account',
  theme: 'tag',
};

const ICON_COLORS: Record<EntityKind, string> = {
  film: 'marginalia.filmMention',
  character: 'marginalia.characterMention',
  person: 'marginalia.personMention',
  theme: 'marginalia.themeMention',
};

export function kindIcon(kind: EntityKind): vscode.ThemeIcon {
  return new vscode.ThemeIcon(ICONS[kind], new vscode.ThemeColor(ICON_COLORS[kind]));
}

/** A row showing a mention in its sentence; selecting it opens the review with the mention selected. */
export function mentionItem(review: IndexedReview, mention: Mention, openCommand: string): vscode.TreeItem {
  const snip = snippetAround(review.text, mention.start, mention.end, review.info.bodyStart);
  const item = new vscode.TreeItem({ label: snip.text, highlights: [snip.highlight] }, vscode.TreeItemCollapsibleState.None);
  const line = review.lines().positionAt(mention.start).line + 1;
  item.description = `line ${line}`;
  item.tooltip = new vscode.MarkdownString().appendText(snip.text);
  item.iconPath = new vscode.ThemeIcon('quote');
  item.contextValue = 'mention';
  // No arguments: see treeSelectionCommand.ts.
  item.command = { command: openCommand, title: 'Reveal Mention' };
  return item;
}
