// Helpers for the integration suite. Only the vscode API (workspace.fs for files), so the same
// tests run in the Node extension host and in the web worker one.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/extension/activateShared';

export const EXTENSION_ID = 'marginalia.marginalia';

export async function api(): Promise<MarginaliaApi> {
  const ext = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID);
  assert.ok(ext, 'extension not found');
  const exports = await ext.activate();
  await exports.ready;
  return exports;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host has no workspace folder');
  return folder.uri;
}

export function herDir(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'her');
}

export function reviewUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(herDir(), name);
}

/** The core's key for a file of the Her folder (what the index and annotations are keyed by). */
export function herKey(name: string): string {
  return reviewUri(name).toString();
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function remove(uri: vscode.Uri): Promise<void> {
  if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
}

export async function listNames(dir: vscode.Uri): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name).sort();
}

/** True inside VS Code for the Web's extension host (a web worker). */
export const inWebWorker = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';

export async function openReview(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(reviewUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Position inside the n-th occurrence (0-based) of `needle`, `into` characters from its start. */
export function positionOf(doc: vscode.TextDocument, needle: string, occurrence = 0, into = 1): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${occurrence}) not found in ${doc.uri.toString()}`);
  }
  return doc.positionAt(at + into);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Polls until `check` returns a value (file watchers and debounced refreshes are asynchronous). */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10000): Promise<T> {
  const start = Date.now();
  for (;;) {
    let value: T | undefined | false = undefined;
    try {
      value = await check();
    } catch {
      // not there yet (a file being written, say)
    }
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The sidecar of a Her review, by the review's file name. */
export function sidecarOf(review: string): vscode.Uri {
  return reviewUri(review.replace(/\.(md|txt)$/, '.annotations.yaml'));
}

/** Deletes every sidecar of the Her folder and waits until the annotations service holds none. */
export async function removeSidecars(): Promise<void> {
  const { annotations } = await api();
  for (const f of await listNames(herDir())) {
    if (!f.endsWith('.annotations.yaml')) continue;
    await remove(reviewUri(f));
    // Not left to the file watcher, whose events may come late: the next test starts clean.
    await annotations.load(herKey(f.replace(/\.annotations\.yaml$/, '.md')));
  }
  await waitFor(`no annotations left (${annotations.all().map((r) => r.review).join(', ')})`, () => annotations.all().length === 0);
}
