// An in-memory FileHost for unit tests: a Map of URI string (e.g. `memfs:/corpus/her/a.md`) →
// bytes, with directories implied by the files below them. It records every call (tests check, e.g., that a
// write went through a rename) and lets a test step in before any call (to change a file behind
// the caller's back, or make an operation fail).

import { type FileHost, type FileHostCapabilities, type FileKind, type FileStat, type FindFilesOptions, globToRegExp } from '../../src/core/host';

export type HostOp = 'readFile' | 'writeFile' | 'rename' | 'delete' | 'stat' | 'readDirectory' | 'findFiles';

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

export class MemoryFileHost implements FileHost {
  readonly files = new Map<string, Uint8Array>();
  private readonly mtimes = new Map<string, number>();
  private clock = 1;
  /** Every call, in order. */
  readonly calls: HostCall[] = [];
  /** Runs before each call; may throw to make the call fail. */
  beforeCall?: (call: HostCall) => void | Promise<void>;

  /** Like a POSIX file system by default; `atomicRename: false` behaves like vscode.workspace.fs. */
  readonly capabilities: FileHostCapabilities;

  constructor(initial: Record<string, string | Uint8Array> = {}, capabilities: FileHostCapabilities = { atomicRename: true }) {
    this.capabilities = capabilities;
    for (const [path, content] of Object.entries(initial)) this.put(path, content);
  }

  /** Sets a file directly (not recorded): text is stored as UTF-8, bytes as given. */
  put(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    this.mtimes.set(path, this.clock++);
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
    const bytes = this.files.get(path);
    if (!bytes) throw new FileNotFoundError(path);
    return bytes.slice();
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await this.record({ op: 'writeFile', path });
    this.put(path, data.slice());
  }

  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    await this.record({ op: 'rename', path: from, to });
    const bytes = this.files.get(from);
    if (!bytes) throw new FileNotFoundError(from);
    if (this.files.has(to)) {
      if (!options.overwrite) throw new Error(`${to} already exists`);
      // vscode.workspace.fs deletes the target first: a crash here leaves neither file.
      if (!this.capabilities.atomicRename) this.files.delete(to);
    }
    this.files.delete(from);
    this.put(to, bytes); // replaces `to`, as rename does on POSIX and vscode.workspace.fs with overwrite
  }

  async delete(path: string): Promise<void> {
    await this.record({ op: 'delete', path });
    const under = [...this.files.keys()].filter((p) => p === path || p.startsWith(path + '/'));
    if (under.length === 0) throw new FileNotFoundError(path);
    for (const p of under) this.files.delete(p);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    await this.record({ op: 'stat', path });
    const bytes = this.files.get(path);
    if (bytes) return { kind: 'file', size: bytes.length, mtime: this.mtimes.get(path) ?? 0 };
    return this.isDirectory(path) ? { kind: 'directory', size: 0, mtime: 0 } : undefined;
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
    return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async findFiles(base: string, options: FindFilesOptions): Promise<string[]> {
    await this.record({ op: 'findFiles', path: base });
    const prefix = base.endsWith('/') ? base : base + '/';
    const re = globToRegExp(options.include);
    return [...this.files.keys()].filter((p) => p.startsWith(prefix) && re.test(decodeURIComponent(p.slice(prefix.length))));
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
