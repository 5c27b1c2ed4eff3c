// One command manager: every command is an object with an id, registered in one place, disposed
// with the extension. Commands take plain arguments (URI strings, offsets, objects) so hovers, tree
// rows, tests and other extensions can call them without the UI.

import * as vscode from 'vscode';

export interface Command {
  readonly id: string;
  execute(...args: any[]): unknown;
}

export class CommandManager implements vscode.Disposable {
  private readonly registered = new Map<string, vscode.Disposable>();

  register(...commands: Command[]): vscode.Disposable {
    for (const c of commands) {
      if (this.registered.has(c.id)) throw new Error(`command ${c.id} registered twice`);
      this.registered.set(c.id, vscode.commands.registerCommand(c.id, (...args: unknown[]) => c.execute(...args)));
    }
    return new vscode.Disposable(() => {
      for (const c of commands) {
        this.registered.get(c.id)?.dispose();
        this.registered.delete(c.id);
      }
    });
  }

  dispose(): void {
    for (const d of this.registered.values()) d.dispose();
    this.registered.clear();
  }
}

/** A command argument naming a resource: a vscode.Uri, a URI string, an absolute path, or a Uri-like object. */
export function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string') return value.startsWith('/') ? vscode.Uri.file(value) : vscode.Uri.parse(value, true);
  if (value && typeof value === 'object' && 'path' in value && 'scheme' in value) return vscode.Uri.from(value as vscode.Uri);
  return undefined;
}

/** Opens a document and selects a range (a vscode.Range, a {start,end} of Positions, or offsets). */
export async function revealRange(uri: vscode.Uri, rangeOrStart: vscode.Range | number | undefined, end?: number): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  let range: vscode.Range | undefined;
  if (rangeOrStart instanceof vscode.Range) range = rangeOrStart;
  else if (typeof rangeOrStart === 'number') range = new vscode.Range(doc.positionAt(rangeOrStart), doc.positionAt(end ?? rangeOrStart));
  else if (rangeOrStart && typeof rangeOrStart === 'object') {
    const r = rangeOrStart as { start: vscode.Position; end: vscode.Position };
    range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  }
  const editor = await vscode.window.showTextDocument(doc, { selection: range, preview: true });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return editor;
}
