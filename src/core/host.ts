// The core reaches files only through this interface, so the extension (vscode.workspace.fs),
// the CLI (node:fs) and the tests (in-memory or node:fs) each plug in their own.
// Paths are absolute, with '/' separators.

export type FileKind = 'file' | 'directory';

export interface FileStat {
  kind: FileKind;
  size: number;
  /** Modification time in ms since the epoch. */
  mtime: number;
}

export interface FileHost {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  delete(path: string): Promise<void>;
  /** undefined when nothing exists at path. */
  stat(path: string): Promise<FileStat | undefined>;
  readDirectory(path: string): Promise<Array<[name: string, kind: FileKind]>>;
}

export function joinPath(...parts: string[]): string {
  const joined = parts.filter((p) => p.length > 0).join('/');
  return normalizePath(joined);
}

export function normalizePath(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i <= 0) return i === 0 ? '/' : '.';
  return path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** File name without its last extension: `a/b/review.md` → `review`. */
export function stem(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function relativePath(from: string, to: string): string {
  const a = normalizePath(from).split('/').filter(Boolean);
  const b = normalizePath(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}
