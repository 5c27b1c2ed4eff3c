// The core reaches files only through this interface, keyed by URI strings (src/core/model/uri.ts),
// so the Node extension and the CLI (node:fs), the web extension (vscode.workspace.fs) and the
// tests (in memory) each plug in their own.

export type FileKind = 'file' | 'directory' | 'other';

export interface FileStat {
  /** 'other' is anything that is neither a regular file nor a folder: a FIFO, a socket, a device. */
  kind: FileKind;
  size: number;
  /** Modification time in ms since the epoch. */
  mtime: number;
  /** The file exists but may not be written (permissions, a read-only file system). */
  readonly?: boolean;
  /** The entry itself is a symbolic link (the rest describes its target). */
  symlink?: boolean;
  /** Permission bits (e.g. 0o664), where the platform has them: a replacement file gets the same. */
  mode?: number;
  /** Owning group, where the platform has one: a replacement file gets the same (shared corpora). */
  gid?: number;
  /** The file's identity (inode number), where the platform has one: a file replaced by rename gets a new one. */
  ino?: number;
}

export interface WriteFileOptions {
  /** Permission bits given to the file exactly (whatever the umask). */
  mode?: number;
  /** Group given to the file. */
  gid?: number;
}

/** Renamed, but the file it replaced had been written to in place after the check: its bytes then. */
export interface Displaced {
  displaced: Uint8Array;
}

/** The version of a file a writer read, to replace it only if it is still that version. */
export interface ExpectedFile {
  bytes: Uint8Array;
  size: number;
  mtime: number;
  ino?: number;
}

/** Cooperative cancellation; VS Code's CancellationToken has this shape. */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export function throwIfCancelled(signal: CancellationSignal | undefined): void {
  if (signal?.isCancellationRequested) throw new CancelledError();
}

export interface FileHostCapabilities {
  /**
   * `rename(from, to, { overwrite: true })` replaces `to` in one step: a reader sees the old or the
   * new file, never neither (POSIX rename). VS Code's workspace.fs deletes the target first, so
   * hosts built on it say false and writers use the verified in-place fallback (safeWrite.ts).
   */
  atomicRename: boolean;
}

export interface FindFilesOptions {
  /** Glob relative to the base folder: `**`, `*`, `?`, `{a,b}`. */
  include: string;
  signal?: CancellationSignal;
}

export interface FileHost {
  readonly capabilities: FileHostCapabilities;
  /** For hosts that combine file systems: what holds at this URI (else `capabilities`). */
  capabilitiesAt?(uri: string): FileHostCapabilities;
  readFile(uri: string, signal?: CancellationSignal): Promise<Uint8Array>;
  /**
   * Creates or truncates the file, creating missing parent folders (as workspace.fs does); hosts
   * that can apply `options` (mode, group) do.
   */
  writeFile(uri: string, data: Uint8Array, options?: WriteFileOptions): Promise<void>;
  rename(from: string, to: string, options: { overwrite: boolean }): Promise<void>;
  /**
   * Compare-and-rename: renames `from` over `to` only if `to` is still `expected` (same bytes, size,
   * mtime and, where known, inode) or, with `expected` undefined, only if nothing is at `to`.
   * Returns false, renaming nothing, when it is not. The check runs as close to the rename as the
   * platform allows (POSIX has no atomic compare-and-rename; docs/sidecar-format.md says what is
   * left). A host that can still see the replaced file after the rename returns Displaced when
   * someone wrote into it in place after the check, so that write can be merged, not lost.
   * Optional: writers fall back to checking with stat/readFile before rename.
   */
  renameIfUnchanged?(from: string, to: string, expected: ExpectedFile | undefined): Promise<boolean | Displaced>;
  /** The URI with every symbolic link in it resolved (realpath). Optional. */
  realUri?(uri: string): Promise<string>;
  delete(uri: string): Promise<void>;
  /** undefined when nothing exists at uri. */
  stat(uri: string): Promise<FileStat | undefined>;
  readDirectory(uri: string): Promise<Array<[name: string, kind: FileKind]>>;
  /**
   * Every file below `base` whose relative path matches the glob, in one round trip; the editor's
   * hosts apply the user's `files.exclude`. Order is unspecified.
   */
  findFiles(base: string, options: FindFilesOptions): Promise<string[]>;
}

export function capabilitiesAt(host: FileHost, uri: string): FileHostCapabilities {
  return host.capabilitiesAt?.(uri) ?? host.capabilities;
}

/** A glob (`**`, `*`, `?`, `{a,b}`) as a RegExp over '/'-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:[^/]*/)*';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += glob.slice(0, i).lastIndexOf('{') > glob.slice(0, i).lastIndexOf('}') ? '|' : ',';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
