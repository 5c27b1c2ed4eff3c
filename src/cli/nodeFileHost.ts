import { promises as fs } from 'node:fs';
import type { FileHost, FileKind, FileStat } from '../core/host';

/** FileHost over node:fs, for the CLI, tests and benchmarks. */
export class NodeFileHost implements FileHost {
  async readFile(path: string): Promise<Uint8Array> {
    return fs.readFile(path);
  }
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await fs.writeFile(path, data);
  }
  async rename(from: string, to: string): Promise<void> {
    await fs.rename(from, to);
  }
  async delete(path: string): Promise<void> {
    await fs.rm(path, { force: true });
  }
  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await fs.stat(path);
      return { kind: s.isDirectory() ? 'directory' : 'file', size: s.size, mtime: s.mtimeMs };
    } catch {
      return undefined;
    }
  }
  async readDirectory(path: string): Promise<Array<[string, FileKind]>> {
    const entries = await fs.readdir(path, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() || e.isDirectory())
      .map((e) => [e.name, e.isDirectory() ? 'directory' : 'file'] as [string, FileKind]);
  }
}
