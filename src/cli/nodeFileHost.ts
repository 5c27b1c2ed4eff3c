import * as fs from 'node:fs';
import type { FileHost, FileKind, FileStat } from '../core/host';

/**
 * FileHost over node:fs, for the CLI, tests and benchmarks. It uses synchronous calls behind the
 * async interface: these processes do nothing else meanwhile, and per-file promise round trips
 * cost more than the reads themselves on a corpus of thousands of small reviews.
 */
export class NodeFileHost implements FileHost {
  async readFile(path: string): Promise<Uint8Array> {
    return fs.readFileSync(path);
  }
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    fs.writeFileSync(path, data);
  }
  async rename(from: string, to: string): Promise<void> {
    fs.renameSync(from, to);
  }
  async delete(path: string): Promise<void> {
    fs.rmSync(path, { force: true });
  }
  async stat(path: string): Promise<FileStat | undefined> {
    const s = fs.statSync(path, { throwIfNoEntry: false });
    if (!s) return undefined;
    return { kind: s.isDirectory() ? 'directory' : 'file', size: s.size, mtime: s.mtimeMs };
  }
  async readDirectory(path: string): Promise<Array<[string, FileKind]>> {
    return fs
      .readdirSync(path, { withFileTypes: true })
      .filter((e) => e.isFile() || e.isDirectory())
      .map((e) => [e.name, e.isDirectory() ? 'directory' : 'file'] as [string, FileKind]);
  }
}
