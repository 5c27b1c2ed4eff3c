// The one adapter between core positions (paths, UTF-16 offsets) and VS Code's Uri/Range/Location.

import * as vscode from 'vscode';
import type { IndexedReview } from '../core/mentionIndex';
import type { LineMap } from '../core/text';

/** The editor's Uri for a core key (a URI string). */
export function toUri(key: string): vscode.Uri {
  return vscode.Uri.parse(key, true);
}

/** The core key of an editor Uri: its canonical string form. */
export function toPath(uri: vscode.Uri): string {
  return uri.toString();
}

export function toPosition(lines: LineMap, offset: number): vscode.Position {
  const p = lines.positionAt(offset);
  return new vscode.Position(p.line, p.character);
}

export function toRange(lines: LineMap, start: number, end: number): vscode.Range {
  return new vscode.Range(toPosition(lines, start), toPosition(lines, end));
}

/** One Uri per indexed review (References on a name builds a Location for each of its 100,000 mentions). */
const reviewUris = new WeakMap<IndexedReview, vscode.Uri>();

export function mentionLocation(review: IndexedReview, start: number, end: number): vscode.Location {
  let uri = reviewUris.get(review);
  if (!uri) reviewUris.set(review, (uri = toUri(review.path)));
  return new vscode.Location(uri, toRange(review.lines(), start, end));
}
