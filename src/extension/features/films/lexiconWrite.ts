// Writes edits into a film.yaml. When VS Code holds the file as a document (open in an editor,
// possibly with unsaved changes), the edits go through a WorkspaceEdit: they land on what the reader
// sees, undo takes them back, and unsaved changes are kept. Otherwise the file is replaced on disk
// through the host (a temp file renamed into place), and only if it did not change meanwhile.

import * as vscode from 'vscode';
import { replaceFile } from '../../../core/files/safeWrite';
import type { FileHost } from '../../../core/host';
import { applyLexiconEdits, type LexiconEdit } from '../../../core/lexicon/propose/mergeProposals';
import { decodeText, encodeText } from '../../../core/text';
import { toPath, toUri } from '../../locations';

export interface LexiconWrite {
  before: string;
  after: string;
  /** Through the open document (left unsaved if it had unsaved changes) or the file on disk. */
  via: 'document' | 'file' | 'nothing';
  /** The document still has unsaved changes after the write. */
  unsaved: boolean;
}

export function openDocument(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => toPath(d.uri) === uri);
}

/** The text of a film.yaml as the reader sees it: the open document's, else the file's. */
export async function currentText(host: FileHost, uri: string): Promise<string> {
  return openDocument(uri)?.getText() ?? decodeText(await host.readFile(uri));
}

/**
 * Applies `editsFor(text)` to the film.yaml at `uri`, computed from its current text at the moment
 * of writing. `editsFor` may throw (a file that does not parse): nothing is written then.
 */
export async function writeLexiconEdits(host: FileHost, uri: string, editsFor: (text: string) => LexiconEdit[]): Promise<LexiconWrite> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const doc = openDocument(uri);
    if (doc) {
      const before = doc.getText();
      const edits = editsFor(before);
      if (edits.length === 0) return { before, after: before, via: 'nothing', unsaved: doc.isDirty };
      const wasDirty = doc.isDirty;
      const edit = new vscode.WorkspaceEdit();
      for (const e of edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.at), doc.positionAt(e.at + e.remove)), e.text);
      if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) throw new Error(`VS Code refused the edit to ${vscode.workspace.asRelativePath(doc.uri)}`);
      // As a refactoring does (files.refactoring.autoSave): a file that had no unsaved changes is
      // saved; one with unsaved changes stays unsaved, for the reader to save with the rest.
      if (!wasDirty && doc.isDirty && vscode.workspace.getConfiguration('files', doc.uri).get<boolean>('refactoring.autoSave', true)) await doc.save();
      return { before, after: doc.getText(), via: 'document', unsaved: doc.isDirty };
    }
    const stat = await host.stat(uri);
    const bytes = await host.readFile(uri);
    const before = decodeText(bytes);
    const edits = editsFor(before);
    if (edits.length === 0) return { before, after: before, via: 'nothing', unsaved: false };
    const after = applyLexiconEdits(before, edits);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    if (!stat || openDocument(uri)) continue; // opened meanwhile: go through the document instead
    // Replaced only if film.yaml is still the version read (bytes, size, mtime), else read again.
    const expect = { bytes, size: stat.size, mtime: stat.mtime, ...(stat.ino !== undefined ? { ino: stat.ino } : {}) };
    if (await replaceFile(host, uri, encodeText(after, bom), { expect })) return { before, after, via: 'file', unsaved: false };
  }
  throw new Error(`${vscode.workspace.asRelativePath(toUri(uri))} kept changing while Marginalia wrote to it; nothing was written`);
}

