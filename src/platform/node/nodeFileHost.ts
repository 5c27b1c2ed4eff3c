import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { type CancellationSignal, type FileHost, type FileHostCapabilities, type FileKind, type FileStat, type FindFilesOptions, globToRegExp, throwIfCancelled } from '../../core/host';
import { fileUri, uriToFsPath } from '../../core/model/uri';

/** Folders findFiles never walks into (the editor's hosts apply files.exclude instead). */
const SKIPPED = (name: string) => name === 'node_modules' || name.startsWith('.');

function kindOf(s: fs.Stats): FileKind {
  return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}

/** Opening with O_NONBLOCK never waits for a FIFO's writer; on a regular file it changes nothing. */
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

function toFileStat(s: fs.Stats): FileStat {
  const stat: FileStat = { kind: kindOf(s), size: s.size, mtime: s.mtimeMs };
  if ((s.mode & 0o222) === 0) stat.readonly = true;
  return stat;
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
  /** Reused by readText for every file (the text is decoded before the next read). */
  private scratch = Buffer.allocUnsafe(64 * 1024);

  /**
   * `blockingReads`: only reads are synchronous (readText, readFile, stat, listings), for the
   * extension host, which loads the corpus in time slices that yield to the event loop between
   * them (loadCorpus's sliceMs); writes stay asynchronous.
   */
  constructor(private readonly options: { blocking?: boolean; blockingReads?: boolean } = {}) {}

  private get syncReads(): boolean {
    return !!(this.options.blocking || this.options.blockingReads);
  }

  async readText(uri: string, maxBytes: number, decode: (bytes: Uint8Array) => string): Promise<{ stat: FileStat; text?: string } | undefined> {
    if (!this.syncReads) return this.readTextAsync(uri, maxBytes, decode);
    const p = uriToFsPath(uri);
    let fd: number;
    try {
      fd = fs.openSync(p, READ_FLAGS);
    } catch (e) {
      // Nothing there, or a dangling link: stat() says which, as without this fast path.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return this.statOnly(uri);
      throw e;
    }
    try {
      const s = fs.fstatSync(fd);
      const stat = toFileStat(s);
      if (!s.isFile() || s.size > maxBytes) return { stat };
      // Read to the end (the file may have grown since fstat), never past maxBytes + 1.
      let n = 0;
      for (;;) {
        if (n === this.scratch.length) {
          if (n > maxBytes) return { stat: { ...stat, size: n } };
          const bigger = Buffer.allocUnsafe(Math.min(this.scratch.length * 2, maxBytes + 1));
          this.scratch.copy(bigger, 0, 0, n);
          this.scratch = bigger;
        }
        const got = fs.readSync(fd, this.scratch, n, this.scratch.length - n, null);
        if (got === 0) break;
        n += got;
      }
      if (n > maxBytes) return { stat: { ...stat, size: n } };
      return { stat, text: decode(this.scratch.subarray(0, n)) };
    } finally {
      fs.closeSync(fd);
    }
  }

  private async statOnly(uri: string): Promise<{ stat: FileStat } | undefined> {
    const stat = await this.stat(uri);
    return stat && { stat };
  }

  private async readTextAsync(uri: string, maxBytes: number, decode: (bytes: Uint8Array) => string): Promise<{ stat: FileStat; text?: string } | undefined> {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(uriToFsPath(uri), READ_FLAGS);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return this.statOnly(uri);
      throw e;
    }
    try {
      const s = await handle.stat();
      const stat = toFileStat(s);
      if (!s.isFile() || s.size > maxBytes) return { stat };
      const bytes = await handle.readFile();
      if (bytes.length > maxBytes) return { stat: { ...stat, size: bytes.length } };
      return { stat, text: decode(bytes) };
    } finally {
      await handle.close();
    }
  }

  async readFile(uri: string, signal?: CancellationSignal): Promise<Uint8Array> {
    throwIfCancelled(signal);
    const p = uriToFsPath(uri);
    return this.syncReads ? fs.readFileSync(p) : fsp.readFile(p);
  }

  /** Creates missing parent folders, as workspace.fs.writeFile does (an export into a new folder). */
  async writeFile(uri: string, data: Uint8Array): Promise<void> {
    const p = uriToFsPath(uri);
    const parent = p.slice(0, p.lastIndexOf('/')) || '/';
    if (this.options.blocking) {
      if (!fs.existsSync(parent)) fs.mkdirSync(parent, { recursive: true });
      fs.writeFileSync(p, data);
    } else {
      try {
        await fsp.writeFile(p, data);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        await fsp.mkdir(parent, { recursive: true });
        await fsp.writeFile(p, data);
      }
    }
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
      link = this.syncReads ? fs.lstatSync(p) : await fsp.lstat(p);
      s = link.isSymbolicLink() ? (this.syncReads ? fs.statSync(p) : await fsp.stat(p)) : link;
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
    const entries = this.syncReads ? fs.readdirSync(p, { withFileTypes: true }) : await fsp.readdir(p, { withFileTypes: true });
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
        entries = this.syncReads ? fs.readdirSync(dir, { withFileTypes: true }) : await fsp.readdir(dir, { withFileTypes: true });
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
