// VS Code for the Web: the extension in a web worker, on whatever file system the workspace is
// (vscode-vfs://, memfs:, vscode-remote://), through vscode.workspace.fs.

import type * as vscode from 'vscode';
import { activateShared, type MarginaliaApi } from './activateShared';
import { WorkspaceFileHost } from './platform/workspaceFileHost';

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  return activateShared(context, { kind: 'web', host: new WorkspaceFileHost() });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
