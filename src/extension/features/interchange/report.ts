// Small helpers the interchange commands share for telling the person what happened.

import * as vscode from 'vscode';
import { toUri } from '../../locations';

/** A URI as the person knows it: relative to the workspace when inside it. */
export function display(uri: string): string {
  return vscode.workspace.asRelativePath(toUri(uri));
}

export function workspaceRoot(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** A dated heading in the output channel, as Write Annotation Sidecars writes one. */
export function logHeader(output: vscode.OutputChannel, title: string): void {
  output.appendLine(`[${new Date().toISOString()}] ${title}`);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
