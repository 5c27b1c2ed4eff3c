// Finds films (folders with a film.yaml) and their reviews through the FileHost: one findFiles
// round trip per root (the editor's hosts apply the user's excludes), grouped here.

import { type CancellationSignal, type FileHost, throwIfCancelled } from './host';
import { basenameUri, dirnameUri, isUriUnder, joinUri } from './model/uri';
import { isReviewPath } from './review';

export const LEXICON_FILE = 'film.yaml';
/** Folders never worth looking into, whatever the host's excludes say. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out', 'test-results']);
export const CORPUS_GLOB = '**/{film.yaml,*.md,*.markdown,*.txt}';

export interface FilmFolder {
  /** URI of the film's folder. */
  dir: string;
  lexiconPath: string;
  /** Review URIs in corpus order (sorted). */
  reviews: string[];
}

function skipped(uri: string, root: string): boolean {
  const rel = uri.slice(root.length).split('/');
  return rel.slice(0, -1).some((seg) => SKIPPED_DIRS.has(seg) || seg.startsWith('.'));
}

/** Every film folder at or below `root`, each with the reviews that belong to it (the deepest film above). */
export async function discoverFilms(host: FileHost, root: string, signal?: CancellationSignal): Promise<FilmFolder[]> {
  const base = root.endsWith('/') ? root.slice(0, -1) : root;
  const files = (await host.findFiles(base, { include: CORPUS_GLOB, signal })).filter((u) => !skipped(u, base)).sort();
  throwIfCancelled(signal);
  const films = files
    .filter((u) => basenameUri(u) === LEXICON_FILE)
    .map((lexiconPath): FilmFolder => ({ dir: dirnameUri(lexiconPath), lexiconPath, reviews: [] }))
    // Deepest first, so a review finds its nearest film.
    .sort((a, b) => b.dir.length - a.dir.length);
  // A review belongs to the nearest film folder above it: its folders, nearest first, are looked up
  // (with a hundred films, comparing every review with every film cost more than reading the list).
  const byDir = new Map(films.map((f) => [f.dir, f]));
  for (const uri of files) {
    if (!isReviewPath(uri)) continue;
    for (let dir = dirnameUri(uri), up = dirnameUri(dir); ; dir = up, up = dirnameUri(dir)) {
      const film = byDir.get(dir);
      if (film && isUriUnder(uri, film.dir)) {
        film.reviews.push(uri);
        break;
      }
      if (up === dir) {
        // Not found by its folders (a URI spelt differently from the film's): compare with each.
        films.find((f) => isUriUnder(uri, f.dir))?.reviews.push(uri);
        break;
      }
    }
  }
  return films.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/** The nearest film.yaml at or above the review's folder, if any. */
export async function findLexiconFor(host: FileHost, reviewUri: string): Promise<string | undefined> {
  let dir = dirnameUri(reviewUri);
  for (;;) {
    const candidate = joinUri(dir, LEXICON_FILE);
    const stat = await host.stat(candidate);
    if (stat?.kind === 'file') return candidate;
    const parent = dirnameUri(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function isLexiconPath(uri: string): boolean {
  return basenameUri(uri) === LEXICON_FILE;
}
