import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { FileHost, FileKind, FileStat } from '../core/host';
import { toUri } from './locations';

/**
 * FileHost for the extension. The corpus is indexed only in `file:` workspace folders, and the
 * extension host that indexes them is Node, next to the files (locally, or on the remote side):
 * node:fs there is several times faster per file than vscode.workspace.fs (3.4 s against 0.43 s
 * for 1,000 reviews in code-server), and its rename replaces the target in one atomic step, which
 * sidecar writes rely on (VS Code's rename with overwrite deletes the target first).
 * vscode.workspace.fs remains the fallback where there is no Node.
 */
const hasNode = typeof process !== 'undefined' && !!process.versions?.node;

export class WorkspaceFileHost implements FileHost {
  async readFile(path: string): Promise<Uint8Array> {
    return hasNode ? fs.readFile(path) : vscode.workspace.fs.readFile(toUri(path));
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    if (hasNode) await fs.writeFile(path, data);
    else await vscode.workspace.fs.writeFile(toUri(path), data);
  }

  async rename(from: string, to: string): Promise<void> {
    if (hasNode) await fs.rename(from, to);
    else await vscode.workspace.fs.rename(toUri(from), toUri(to), { overwrite: true });
  }

  async delete(path: string): Promise<void> {
    if (hasNode) await fs.rm(path, { force: true });
    else await vscode.workspace.fs.delete(toUri(path), { useTrash: false });
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      if (hasNode) {
        const s = await fs.stat(path);
        return { kind: s.isDirectory() ? 'directory' : 'file', size: s.size, mtime: s.mtimeMs };
      }
      const s = await vscode.workspace.fs.stat(toUri(path));
      return { kind: s.type & vscode.FileType.Directory ? 'directory' : 'file', size: s.size, mtime: s.mtime };
    } catch {
      return undefined;
    }
  }

  async readDirectory(path: string): Promise<Array<[string, FileKind]>> {
    if (hasNode) {
      const entries = await fs.readdir(path, { withFileTypes: true });
      return entries.filter((e) => e.isFile() || e.isDirectory()).map((e) => [e.name, e.isDirectory() ? 'directory' : 'file'] as [string, FileKind]);
    }
    const entries = await vscode.workspace.fs.readDirectory(toUri(path));
    return entries
      .filter(([, t]) => (t & (vscode.FileType.File | vscode.FileType.Directory)) !== 0)
      .map(([name, t]) => [name, t & vscode.FileType.Directory ? 'directory' : 'file'] as [string, FileKind]);
  }
}
