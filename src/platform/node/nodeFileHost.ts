import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { type CancellationSignal, type FileHost, type FileHostCapabilities, type FileKind, type FileStat, type FindFilesOptions, globToRegExp, throwIfCancelled } from '../../core/host';
import { fileUri, uriToFsPath } from '../../core/model/uri';

/** Folders findFiles never walks into (the editor's hosts apply files.exclude instead). */
const SKIPPED = (name: string) => name === 'node_modules' || name.startsWith('.');

function kindOf(s: fs.Stats): FileKind {
  return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}

/**
 * FileHost over node:fs for `file:` URIs: the CLI, the tests, the benchmarks and the Node
 * extension host. rename() is POSIX rename, atomic over an existing file. With `blocking` (the CLI,
 * which does nothing else meanwhile) it uses synchronous calls behind the async interface: per-file
 * promise round trips cost more than the reads themselves on thousands of small reviews. The
 * extension host must stay responsive, so there it is non-blocking.
 */
export class NodeFileHost implements FileHost {
  readonly capabilities: FileHostCapabilities = { atomicRename: true };

  constructor(private readonly options: { blocking?: boolean } = {}) {}

  async readFile(uri: string, signal?: CancellationSignal): Promise<Uint8Array> {
    throwIfCancelled(signal);
    const p = uriToFsPath(uri);
    return this.options.blocking ? fs.readFileSync(p) : fsp.readFile(p);
  }

  async writeFile(uri: string, data: Uint8Array): Promise<void> {
    const p = uriToFsPath(uri);
    if (this.options.blocking) fs.writeFileSync(p, data);
    else await fsp.writeFile(p, data);
  }

  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    const [a, b] = [uriToFsPath(from), uriToFsPath(to)];
    if (!options.overwrite && fs.existsSync(b)) throw new Error(`${b} already exists`);
    if (this.options.blocking) fs.renameSync(a, b);
    else await fsp.rename(a, b);
  }

  async delete(uri: string): Promise<void> {
    const p = uriToFsPath(uri);
    if (this.options.blocking) fs.rmSync(p, { force: true });
    else await fsp.rm(p, { force: true });
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const p = uriToFsPath(uri);
    let link: fs.Stats | undefined;
    let s: fs.Stats | undefined;
    try {
      link = this.options.blocking ? fs.lstatSync(p) : await fsp.lstat(p);
      s = link.isSymbolicLink() ? (this.options.blocking ? fs.statSync(p) : await fsp.stat(p)) : link;
    } catch {
      if (!link) return undefined;
      return { kind: 'other', size: 0, mtime: link.mtimeMs, symlink: true }; // a dangling link
    }
    const stat: FileStat = { kind: kindOf(s), size: s.size, mtime: s.mtimeMs };
    if ((s.mode & 0o222) === 0) stat.readonly = true;
    if (link.isSymbolicLink()) stat.symlink = true;
    return stat;
  }

  async readDirectory(uri: string): Promise<Array<[string, FileKind]>> {
    const p = uriToFsPath(uri);
    const entries = this.options.blocking ? fs.readdirSync(p, { withFileTypes: true }) : await fsp.readdir(p, { withFileTypes: true });
    return entries.map((e) => [e.name, e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other'] as [string, FileKind]);
  }

  async findFiles(base: string, options: FindFilesOptions): Promise<string[]> {
    const re = globToRegExp(options.include);
    const root = uriToFsPath(base).replace(/\/$/, '');
    const out: string[] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      throwIfCancelled(options.signal);
      let entries: fs.Dirent[];
      try {
        entries = this.options.blocking ? fs.readdirSync(dir, { withFileTypes: true }) : await fsp.readdir(dir, { withFileTypes: true });
      } catch {
        return; // unreadable folder: nothing to find there
      }
      for (const e of entries) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (!SKIPPED(e.name)) await walk(`${dir}/${e.name}`, r);
        } else if ((e.isFile() || e.isSymbolicLink()) && re.test(r)) {
          out.push(fileUri(`${dir}/${e.name}`));
        }
      }
    };
    await walk(root, '');
    return out;
  }
}
