import * as assert from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'marginalia.marginalia';

export async function api(): Promise<MarginaliaApi> {
  const ext = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID);
  assert.ok(ext, 'extension not found');
  const exports = await ext.activate();
  await exports.ready;
  return exports;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host has no workspace folder');
  return folder.uri.fsPath;
}

export function herDir(): string {
  return path.join(workspaceRoot(), 'her');
}

export function reviewUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(herDir(), name));
}

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
    assert.ok(at >= 0, `"${needle}" (occurrence ${occurrence}) not found in ${doc.uri.fsPath}`);
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
