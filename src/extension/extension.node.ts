// The Node extension host (desktop, remote, code-server): file: URIs are read and written with
// node:fs beside the files (several times faster per file than workspace.fs, and its rename
// replaces a sidecar in one atomic step); every other scheme goes through workspace.fs. Only this
// host runs git, so only it sets up the merge driver (the web bundle never imports child_process).
// Everything else is the web bundle's (dist/extension.web.js, loaded at run time, see esbuild.mjs):
// one copy of the extension's code in the .vsix.

import * as path from 'node:path';
import type * as vscode from 'vscode';
import { uriToFsPath } from '../core/model/uri';
import { requireWithCodeCache } from '../platform/node/codeCache';
import { nodeSha256 } from '../platform/node/hashing';
import { installMergeDriver } from '../platform/node/mergeDriverSetup';
import { loadHtmlDomReader } from '../platform/node/htmlReader';
import { NodeFileHost } from '../platform/node/nodeFileHost';
import type { MarginaliaApi } from './activateShared';
import type * as WebBundle from './extension.web';

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  // The web bundle, compiled from V8's code cache when there is one (see codeCache.ts).
  const storage = context.globalStorageUri;
  const cacheDir = storage.scheme === 'file' ? path.join(storage.fsPath, 'code-cache') : undefined;
  const { exports: shared } = requireWithCodeCache<typeof WebBundle>(path.join(__dirname, 'extension.web.js'), require, cacheDir);
  shared.useSyncSha256(nodeSha256);
  // Reads are synchronous (a few µs each; per-file promise round trips cost more than the reads):
  // the corpus loads in time slices that yield to the event loop (CorpusService), writes stay async.
  const host = new shared.SchemeRoutingHost(new shared.WorkspaceFileHost(), { file: new NodeFileHost({ blockingReads: true }) });
  // git runs the driver with the Node (or, in VS Code desktop, the Electron run as Node) that runs
  // this extension, and the merge driver bundled beside it (`marginalia merge-driver` alone: the
  // .vsix does not carry the whole CLI).
  const runtime = { executable: process.execPath, cli: context.asAbsolutePath('dist/mergeDriver.js'), electron: !!process.versions.electron };
  const git = { installMergeDriver: (folder: string) => installMergeDriver(uriToFsPath(folder), runtime) };
  return shared.activateShared(context, { kind: 'node', host, loadHtmlDomReader: async () => loadHtmlDomReader(), git });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
