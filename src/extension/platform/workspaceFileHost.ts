import * as vscode from 'vscode';
import type { FileHost, FileHostCapabilities, FileKind, FileStat, FindFilesOptions } from '../../core/host';
import { toUri } from '../locations';

/** FileHost over vscode.workspace.fs: any scheme the editor can open, in the Node or the web host. */
export class WorkspaceFileHost implements FileHost {
  /** workspace.fs's rename with overwrite deletes the target first. */
  readonly capabilities: FileHostCapabilities = { atomicRename: false };

  async readFile(uri: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(toUri(uri));
  }

  async writeFile(uri: string, data: Uint8Array): Promise<void> {
    await vscode.workspace.fs.writeFile(toUri(uri), data);
  }

  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    await vscode.workspace.fs.rename(toUri(from), toUri(to), options);
  }

  async delete(uri: string): Promise<void> {
    await vscode.workspace.fs.delete(toUri(uri), { useTrash: false });
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(toUri(uri));
      const kind: FileKind = s.type & vscode.FileType.File ? 'file' : s.type & vscode.FileType.Directory ? 'directory' : 'other';
      const stat: FileStat = { kind, size: s.size, mtime: s.mtime };
      if (s.permissions && s.permissions & vscode.FilePermission.Readonly) stat.readonly = true;
      if (s.type & vscode.FileType.SymbolicLink) stat.symlink = true;
      return stat;
    } catch {
      return undefined;
    }
  }

  async readDirectory(uri: string): Promise<Array<[string, FileKind]>> {
    const entries = await vscode.workspace.fs.readDirectory(toUri(uri));
    return entries.map(([name, t]) => [name, t & vscode.FileType.File ? 'file' : t & vscode.FileType.Directory ? 'directory' : 'other'] as [string, FileKind]);
  }

  async findFiles(base: string, options: FindFilesOptions): Promise<string[]> {
    const token = options.signal as vscode.CancellationToken | undefined;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(toUri(base), options.include), undefined, undefined, token);
    return found.map((u) => u.toString());
  }
}
