import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import {
  type CancellationSignal,
  type Displaced,
  type ExpectedFile,
  type FileHost,
  type FileHostCapabilities,
  type FileKind,
  type FileStat,
  type FindFilesOptions,
  globToRegExp,
  throwIfCancelled,
  type WriteFileOptions,
} from '../../core/host';
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

function notRegular(p: string, s: fs.Stats): Error {
  const what = s.isDirectory() ? 'is a folder, not a file' : 'is not a regular file (a FIFO, socket or device)';
  return Object.assign(new Error(`${p} ${what}`), { code: s.isDirectory() ? 'EISDIR' : 'ENOTREG' });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** All of a file through its descriptor, from offset 0 whatever was read before (pread). */
function readFromStart(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(65536, fs.fstatSync(fd).size - position));
    const n = fs.readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    position += n;
  }
  return Buffer.concat(chunks);
}

/** The file at fd is `expected`: same size, mtime, inode and bytes. */
function matches(fd: number, s: fs.Stats, expected: ExpectedFile): boolean {
  if (!s.isFile() || s.size !== expected.size || s.mtimeMs !== expected.mtime) return false;
  if (expected.ino !== undefined && s.ino !== expected.ino) return false;
  return sameBytes(readFromStart(fd), expected.bytes);
}

/**
 * FileHost over node:fs for `file:` URIs: the CLI, the tests, the benchmarks and the Node
 * extension host. rename() is POSIX rename, atomic over an existing file. With `blocking` (the CLI,
 * which does nothing else meanwhile) it uses synchronous calls behind the async interface: per-file
 * promise round trips cost more than the reads themselves on thousands of small reviews. The
 * extension host must stay responsive, so there it is non-blocking — except renameIfUnchanged,
 * which is synchronous on purpose (see there).
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
        const want = this.scratch.length - n;
        const got = fs.readSync(fd, this.scratch, n, want, null);
        n += got;
        // A regular file's read comes back short only at its end: no second call to hear "0".
        if (got < want) break;
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

  /** Reads only regular files: a FIFO would block until someone writes to it, a device forever. */
  async readFile(uri: string, signal?: CancellationSignal): Promise<Uint8Array> {
    throwIfCancelled(signal);
    const p = uriToFsPath(uri);
    if (this.syncReads) {
      const fd = fs.openSync(p, READ_FLAGS);
      try {
        const s = fs.fstatSync(fd);
        if (!s.isFile()) throw notRegular(p, s);
        return fs.readFileSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
    const handle = await fsp.open(p, READ_FLAGS);
    try {
      const s = await handle.stat();
      if (!s.isFile()) throw notRegular(p, s);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  /** Creates missing parent folders, as workspace.fs.writeFile does (an export into a new folder). */
  async writeFile(uri: string, data: Uint8Array, options: WriteFileOptions = {}): Promise<void> {
    const p = uriToFsPath(uri);
    const parent = p.slice(0, p.lastIndexOf('/')) || '/';
    const mode = options.mode === undefined ? undefined : { mode: options.mode };
    if (this.options.blocking) {
      if (!fs.existsSync(parent)) fs.mkdirSync(parent, { recursive: true });
      fs.writeFileSync(p, data, mode);
    } else {
      try {
        await fsp.writeFile(p, data, mode);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        await fsp.mkdir(parent, { recursive: true });
        await fsp.writeFile(p, data, mode);
      }
    }
    // The mode given at creation is cut by the umask, and a new file takes the creator's group.
    if (options.mode !== undefined) fs.chmodSync(p, options.mode);
    if (options.gid !== undefined && fs.statSync(p).gid !== options.gid) fs.chownSync(p, -1, options.gid);
  }

  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    const [a, b] = [uriToFsPath(from), uriToFsPath(to)];
    if (!options.overwrite) {
      if (!this.createByLink(a, b)) throw Object.assign(new Error(`${b} already exists`), { code: 'EEXIST' });
      return;
    }
    if (this.options.blocking) fs.renameSync(a, b);
    else await fsp.rename(a, b);
  }

  /**
   * Synchronous from the last check to rename(2) on purpose: no other JavaScript (and no await)
   * runs in between, so the window in which another process could replace the file unseen is a
   * few system calls long. A file being created is created with link(2), which fails if anything
   * appeared meanwhile — a true compare-and-swap.
   */
  async renameIfUnchanged(from: string, to: string, expected: ExpectedFile | undefined): Promise<boolean | Displaced> {
    const [a, b] = [uriToFsPath(from), uriToFsPath(to)];
    if (!expected) return this.createByLink(a, b);
    let fd: number;
    try {
      fd = fs.openSync(b, READ_FLAGS);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
    try {
      const s = fs.fstatSync(fd);
      if (!matches(fd, s, expected)) return false;
      // The name still leads to the file just compared (not to one renamed over it meanwhile).
      const now = fs.lstatSync(b);
      if (now.ino !== s.ino || now.mtimeMs !== s.mtimeMs || now.size !== s.size) return false;
      fs.renameSync(a, b);
      // An editor saving in place between the check and the rename wrote into the file just
      // replaced: still readable through fd. Hand its bytes back to be merged.
      const after = readFromStart(fd);
      return sameBytes(after, expected.bytes) ? true : { displaced: after };
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Puts `a` at `b` only if nothing is at `b`: link(2) fails with EEXIST otherwise. */
  private createByLink(a: string, b: string): boolean {
    try {
      fs.linkSync(a, b);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
      // A file system without hard links: check, then rename (a short window, as for replacing).
      if (fs.existsSync(b) || isLink(b)) return false;
      fs.renameSync(a, b);
      return true;
    }
    fs.rmSync(a, { force: true });
    return true;
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
    const stat: FileStat = { kind: kindOf(s), size: s.size, mtime: s.mtimeMs, mode: s.mode & 0o7777, gid: s.gid, ino: s.ino };
    if ((s.mode & 0o222) === 0 || (s.isFile() && !writable(p))) stat.readonly = true;
    if (link.isSymbolicLink()) stat.symlink = true;
    return stat;
  }

  async realUri(uri: string): Promise<string> {
    return fileUri(fs.realpathSync(uriToFsPath(uri)));
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

/** access(2) W_OK: false for a file this process may not write (another owner, a read-only mount). */
function writable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
