import { rename } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { FileHost, FileKind, FileStat } from '../core/host';
import { toUri } from './locations';

/** FileHost over vscode.workspace.fs, so the core works wherever the workspace lives. */
export class WorkspaceFileHost implements FileHost {
  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(toUri(path));
  }
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await vscode.workspace.fs.writeFile(toUri(path), data);
  }
  /**
   * Replaces `to` in one step. VS Code's rename with overwrite deletes the target first, which
   * leaves a moment with no file at all; sidecar writes rely on an atomic rename, so on a local
   * disk (the extension host is Node) we use the file system's own rename.
   */
  async rename(from: string, to: string): Promise<void> {
    if (typeof process !== 'undefined' && process.versions?.node) {
      await rename(from, to);
      return;
    }
    await vscode.workspace.fs.rename(toUri(from), toUri(to), { overwrite: true });
  }
  async delete(path: string): Promise<void> {
    await vscode.workspace.fs.delete(toUri(path), { useTrash: false });
  }
  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(toUri(path));
      return { kind: s.type & vscode.FileType.Directory ? 'directory' : 'file', size: s.size, mtime: s.mtime };
    } catch {
      return undefined;
    }
  }
  async readDirectory(path: string): Promise<Array<[string, FileKind]>> {
    const entries = await vscode.workspace.fs.readDirectory(toUri(path));
    return entries
      .filter(([, t]) => (t & (vscode.FileType.File | vscode.FileType.Directory)) !== 0)
      .map(([name, t]) => [name, t & vscode.FileType.Directory ? 'directory' : 'file'] as [string, FileKind]);
  }
}
