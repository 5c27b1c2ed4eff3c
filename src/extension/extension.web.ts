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

// The Node host's bundle (dist/extension.js, extension.node.ts) runs on top of this one: it loads
// dist/extension.web.js and adds node:fs, git and the HTML reader, so the .vsix carries the
// extension's code once. So does the git merge driver (dist/mergeDriver.js, a plain Node program):
// esbuild.mjs adds an export, `__coreForNode`, with the modules of src/core it uses (see
// src/cli/webBundle.ts).
export { activateShared } from './activateShared';
export { SchemeRoutingHost } from './platform/schemeRoutingHost';
export { WorkspaceFileHost } from './platform/workspaceFileHost';
export { useSyncSha256 } from '../core/model/ids';
