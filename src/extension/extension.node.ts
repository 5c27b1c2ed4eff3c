// The Node extension host (desktop, remote, code-server): file: URIs are read and written with
// node:fs beside the files (several times faster per file than workspace.fs, and its rename
// replaces a sidecar in one atomic step); every other scheme goes through workspace.fs.

import type * as vscode from 'vscode';
import { loadHtmlReader } from '../platform/node/htmlReader';
import { NodeFileHost } from '../platform/node/nodeFileHost';
import { activateShared, type MarginaliaApi } from './activateShared';
import { SchemeRoutingHost } from './platform/schemeRoutingHost';
import { WorkspaceFileHost } from './platform/workspaceFileHost';

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  const host = new SchemeRoutingHost(new WorkspaceFileHost(), { file: new NodeFileHost() });
  return activateShared(context, { kind: 'node', host, loadHtmlReader: async () => loadHtmlReader() });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
