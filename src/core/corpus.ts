// Finds films (folders with a film.yaml) and their reviews through the FileHost.

import { basename, dirname, joinPath, type FileHost } from './host';
import { isReviewPath } from './review';

export const LEXICON_FILE = 'film.yaml';
/** Folders never worth walking into. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out', 'test-results']);

export interface FilmFolder {
  dir: string;
  lexiconPath: string;
  /** Review paths in corpus order (sorted by path). */
  reviews: string[];
}

/** Every film folder under `root` (root included), each with the reviews that belong to it. */
export async function discoverFilms(host: FileHost, root: string): Promise<FilmFolder[]> {
  const films: FilmFolder[] = [];
  async function walk(dir: string, film: FilmFolder | undefined, depth: number): Promise<void> {
    if (depth > 12) return;
    let entries: Array<[string, 'file' | 'directory']>;
    try {
      entries = await host.readDirectory(dir);
    } catch {
      return;
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (entries.some(([name, kind]) => name === LEXICON_FILE && kind === 'file')) {
      film = { dir, lexiconPath: joinPath(dir, LEXICON_FILE), reviews: [] };
      films.push(film);
    }
    for (const [name, kind] of entries) {
      const path = joinPath(dir, name);
      if (kind === 'file' && film && isReviewPath(path)) film.reviews.push(path);
    }
    for (const [name, kind] of entries) {
      if (kind === 'directory' && !name.startsWith('.') && !SKIPPED_DIRS.has(name)) await walk(joinPath(dir, name), film, depth + 1);
    }
  }
  await walk(root, undefined, 0);
  for (const f of films) f.reviews.sort();
  return films;
}

/** The nearest film.yaml at or above the review's folder, if any. */
export async function findLexiconFor(host: FileHost, reviewPath: string): Promise<string | undefined> {
  let dir = dirname(reviewPath);
  for (;;) {
    const candidate = joinPath(dir, LEXICON_FILE);
    const stat = await host.stat(candidate);
    if (stat?.kind === 'file') return candidate;
    const parent = dirname(dir);
    if (parent === dir || dir === '/' || dir === '.') return undefined;
    dir = parent;
  }
}

export function isLexiconPath(path: string): boolean {
  return basename(path) === LEXICON_FILE;
}
