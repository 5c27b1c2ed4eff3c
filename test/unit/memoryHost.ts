// An in-memory FileHost for unit tests: a Map of URI string (e.g. `memfs:/corpus/her/a.md`) →
// bytes, with directories implied by the files below them. It records every call (tests check, e.g., that a
// write went through a rename) and lets a test step in before any call (to change a file behind
// the caller's back, or make an operation fail). It simulates what the safety rules depend on:
// permission bits and group (kept through writeFile options, carried by rename), an inode number
// (new on create, kept by in-place writes, carried by rename), symbolic links, FIFOs and sockets.

import { type Displaced, type ExpectedFile, type FileHost, type FileHostCapabilities, type FileKind, type FileStat, type FindFilesOptions, globToRegExp, type WriteFileOptions } from '../../src/core/host';

export type HostOp = 'readFile' | 'writeFile' | 'rename' | 'renameIfUnchanged' | 'delete' | 'stat' | 'readDirectory' | 'findFiles' | 'realUri';

export interface HostCall {
  op: HostOp;
  path: string;
  /** The destination of a rename. */
  to?: string;
}

export class FileNotFoundError extends Error {
  readonly code = 'ENOENT';
  constructor(path: string) {
    super(`no such file: ${path}`);
  }
}

interface Meta {
  mtime: number;
  mode: number;
  gid: number;
  ino: number;
}

export const DEFAULT_MODE = 0o644;
export const DEFAULT_GID = 1000;

export class MemoryFileHost implements FileHost {
  readonly files = new Map<string, Uint8Array>();
  private readonly meta = new Map<string, Meta>();
  /** Symbolic links: link URI → target URI (relative targets are not simulated). */
  readonly links = new Map<string, string>();
  /** FIFOs and sockets: they exist, are neither files nor folders, and cannot be read. */
  readonly specials = new Set<string>();
  private clock = 1;
  private inodes = 1;
  /** Every call, in order. */
  readonly calls: HostCall[] = [];
  /** Runs before each call; may throw to make the call fail. */
  beforeCall?: (call: HostCall) => void | Promise<void>;
  /** Group a new file gets when writeFile is given none (the writer's group). */
  defaultGid = DEFAULT_GID;

  /** Like a POSIX file system by default; `atomicRename: false` behaves like vscode.workspace.fs. */
  readonly capabilities: FileHostCapabilities;

  /** Without renameIfUnchanged (set false), like a host that cannot compare-and-rename. */
  constructor(initial: Record<string, string | Uint8Array> = {}, capabilities: FileHostCapabilities = { atomicRename: true }, compareAndRename = true) {
    this.capabilities = capabilities;
    for (const [path, content] of Object.entries(initial)) this.put(path, content);
    if (!compareAndRename) this.renameIfUnchanged = undefined;
  }

  /** Sets a file directly (not recorded), as an editor writing in place would: text is stored as UTF-8, bytes as given. */
  put(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    const old = this.meta.get(path);
    this.meta.set(path, { mode: old?.mode ?? DEFAULT_MODE, gid: old?.gid ?? this.defaultGid, ino: old?.ino ?? this.inodes++, mtime: this.clock++ });
  }

  /** Replaces a file as `git checkout` or an atomic save would: a new inode, mode and group reset. */
  replace(path: string, content: string | Uint8Array): void {
    this.meta.delete(path);
    this.put(path, content);
  }

  /** Sets permission bits and/or group of an existing file. */
  chmod(path: string, mode: number, gid?: number): void {
    const m = this.meta.get(path);
    if (!m) throw new FileNotFoundError(path);
    m.mode = mode;
    if (gid !== undefined) m.gid = gid;
  }

  metaOf(path: string): Readonly<Meta> | undefined {
    return this.meta.get(path);
  }

  /** A file's content as text (UTF-8, BOM kept), or undefined. */
  text(path: string): string | undefined {
    const bytes = this.files.get(path);
    return bytes && new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  }

  /** Calls of one kind, e.g. host.callsOf('rename'). */
  callsOf(op: HostOp): HostCall[] {
    return this.calls.filter((c) => c.op === op);
  }

  async readFile(path: string): Promise<Uint8Array> {
    await this.record({ op: 'readFile', path });
    const real = this.resolve(path);
    if (this.specials.has(real)) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTREG' });
    const bytes = this.files.get(real);
    if (!bytes) throw this.isDirectory(real) ? Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' }) : new FileNotFoundError(path);
    return bytes.slice();
  }

  async writeFile(path: string, data: Uint8Array, options: WriteFileOptions = {}): Promise<void> {
    await this.record({ op: 'writeFile', path });
    const real = this.resolve(path);
    this.put(real, data.slice());
    const m = this.meta.get(real)!;
    if (options.mode !== undefined) m.mode = options.mode;
    if (options.gid !== undefined) m.gid = options.gid;
  }

  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    await this.record({ op: 'rename', path: from, to });
    this.renameNow(from, to, options.overwrite);
  }

  /**
   * Simulates an editor saving in place between the check and the rename on the next
   * renameIfUnchanged: the rename happens, and these bytes come back as what the replaced file held.
   */
  displaceNext?: Uint8Array;

  /** Atomic here: the compare and the rename happen in one step (but see displaceNext). */
  async renameIfUnchanged?(from: string, to: string, expected: ExpectedFile | undefined): Promise<boolean | Displaced> {
    await this.record({ op: 'renameIfUnchanged', path: from, to });
    const bytes = this.files.get(to);
    if (!expected) {
      if (bytes || this.links.has(to) || this.specials.has(to) || this.isDirectory(to)) return false;
    } else {
      const m = this.meta.get(to);
      if (!bytes || !m || m.mtime !== expected.mtime || bytes.length !== expected.size || !sameBytes(bytes, expected.bytes)) return false;
      if (expected.ino !== undefined && m.ino !== expected.ino) return false;
    }
    this.renameNow(from, to, true);
    const displaced = this.displaceNext;
    this.displaceNext = undefined;
    return displaced ? { displaced } : true;
  }

  private renameNow(from: string, to: string, overwrite: boolean): void {
    const bytes = this.files.get(from);
    const meta = this.meta.get(from);
    if (!bytes || !meta) throw new FileNotFoundError(from);
    if (this.files.has(to) || this.links.has(to)) {
      if (!overwrite) throw Object.assign(new Error(`${to} already exists`), { code: 'EEXIST' });
      // vscode.workspace.fs deletes the target first: a crash here leaves neither file.
      if (!this.capabilities.atomicRename) this.files.delete(to);
    }
    this.files.delete(from);
    this.meta.delete(from);
    this.links.delete(to); // rename replaces a link itself, not what it points to
    this.files.set(to, bytes);
    this.meta.set(to, { ...meta, mtime: this.clock++ });
  }

  async delete(path: string): Promise<void> {
    await this.record({ op: 'delete', path });
    if (this.links.delete(path) || this.specials.delete(path)) return;
    const under = [...this.files.keys()].filter((p) => p === path || p.startsWith(path + '/'));
    if (under.length === 0) throw new FileNotFoundError(path);
    for (const p of under) {
      this.files.delete(p);
      this.meta.delete(p);
    }
  }

  async stat(path: string): Promise<FileStat | undefined> {
    await this.record({ op: 'stat', path });
    const symlink = this.links.has(path);
    const real = this.resolve(path);
    const link = symlink ? { symlink: true } : {};
    if (this.specials.has(real)) return { kind: 'other', size: 0, mtime: 0, ...link };
    const bytes = this.files.get(real);
    if (bytes) {
      const m = this.meta.get(real)!;
      const stat: FileStat = { kind: 'file', size: bytes.length, mtime: m.mtime, mode: m.mode, gid: m.gid, ino: m.ino, ...link };
      if ((m.mode & 0o222) === 0) stat.readonly = true;
      return stat;
    }
    if (this.isDirectory(real)) return { kind: 'directory', size: 0, mtime: 0, ...link };
    return symlink ? { kind: 'other', size: 0, mtime: 0, symlink: true } : undefined; // a dangling link
  }

  async realUri(path: string): Promise<string> {
    await this.record({ op: 'realUri', path });
    return this.resolve(path);
  }

  async readDirectory(path: string): Promise<Array<[name: string, kind: FileKind]>> {
    await this.record({ op: 'readDirectory', path });
    if (!this.isDirectory(path)) throw new FileNotFoundError(path);
    const prefix = path.endsWith('/') ? path : path + '/';
    const entries = new Map<string, FileKind>();
    for (const p of this.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.set(slash === -1 ? rest : rest.slice(0, slash), slash === -1 ? 'file' : 'directory');
    }
    // As node:fs's Dirent: a link or a FIFO is neither a file nor a folder.
    for (const p of [...this.links.keys(), ...this.specials]) {
      if (p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) entries.set(p.slice(prefix.length), 'other');
    }
    return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async findFiles(base: string, options: FindFilesOptions): Promise<string[]> {
    await this.record({ op: 'findFiles', path: base });
    const prefix = base.endsWith('/') ? base : base + '/';
    const re = globToRegExp(options.include);
    return [...this.files.keys(), ...this.links.keys()].filter((p) => p.startsWith(prefix) && re.test(decodeURIComponent(p.slice(prefix.length))));
  }

  /** Follows links (a few levels; a loop resolves to itself). */
  private resolve(path: string): string {
    let p = path;
    for (let i = 0; i < 8 && this.links.has(p); i++) p = this.links.get(p)!;
    return p;
  }

  private isDirectory(path: string): boolean {
    const prefix = path.endsWith('/') ? path : path + '/';
    return [...this.files.keys()].some((p) => p.startsWith(prefix));
  }

  private async record(call: HostCall): Promise<void> {
    this.calls.push(call);
    await this.beforeCall?.(call);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
