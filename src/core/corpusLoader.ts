// Reads a corpus through the FileHost into a MentionIndex, collecting per-file problems
// instead of stopping at the first.

import { discoverFilms } from './corpus';
import { type CancellationSignal, type FileHost, type FileStat, throwIfCancelled } from './host';
import type { Diagnostic } from './lexicon/lexicon';
import { parseLexicon } from './lexicon/parseLexicon';
import { MentionIndex } from './mentionIndex';
import { BinaryFileError, decodeText } from './text';

/** Reviews above this size are refused (a review is a few KB; this catches stray dumps). */
export const MAX_REVIEW_BYTES = 2 * 1024 * 1024;

const READ_CONCURRENCY = 16;

async function forEachConcurrently<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export class FileProblem extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

/** Reads a review or lexicon as text, refusing binary, non-UTF-8 and oversized files. */
export async function readTextFile(host: FileHost, path: string, maxBytes = MAX_REVIEW_BYTES): Promise<string> {
  try {
    if (host.readText) {
      const read = await host.readText(path, maxBytes, decodeText);
      checkReadable(path, read?.stat, maxBytes);
      if (read?.text !== undefined) return read.text;
    }
    checkReadable(path, await host.stat(path), maxBytes);
    return decodeText(await host.readFile(path));
  } catch (e) {
    if (e instanceof BinaryFileError) throw new FileProblem(path, `cannot read: ${e.message}`);
    throw e;
  }
}

function checkReadable(path: string, stat: FileStat | undefined, maxBytes: number): void {
  if (!stat) throw new FileProblem(path, 'no such file');
  if (stat.kind === 'directory') throw new FileProblem(path, 'is a folder, not a file');
  if (stat.kind !== 'file') throw new FileProblem(path, 'is not a regular file (a FIFO, socket or device); skipped');
  if (stat.size > maxBytes) {
    throw new FileProblem(path, `file is ${(stat.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit for a review`);
  }
}

export interface LoadResult {
  index: MentionIndex;
  lexiconDiagnostics: Diagnostic[];
  problems: FileProblem[];
  reviewCount: number;
}

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
  /** Every film found and how many reviews it has, before any review is read. */
  onDiscovered?: (films: ReadonlyArray<{ dir: string; reviews: number }>) => void;
  signal?: CancellationSignal;
  /**
   * Longest stretch, in ms, of reading and matching before yielding to the event loop (a
   * setTimeout), so an editor stays responsive while a large corpus loads through a host that
   * reads synchronously. Without it the load yields only where the host's reads do.
   */
  sliceMs?: number;
}

/** Lets every reader through until the time slice is spent, then all of them wait for one macrotask. */
function timeSlices(sliceMs: number | undefined): () => Promise<void> | undefined {
  if (sliceMs === undefined) return () => undefined;
  let sliceStart = Date.now();
  let pause: Promise<void> | undefined;
  return () => {
    if (!pause && Date.now() - sliceStart >= sliceMs) {
      pause = new Promise<void>((resolve) =>
        setTimeout(() => {
          pause = undefined;
          sliceStart = Date.now();
          resolve();
        }, 0),
      );
    }
    return pause;
  };
}

export async function loadCorpus(host: FileHost, root: string, index = new MentionIndex(), options: LoadOptions = {}): Promise<LoadResult> {
  const { onProgress, signal } = options;
  const breathe = timeSlices(options.sliceMs);
  const films = await discoverFilms(host, root, signal);
  const lexiconDiagnostics: Diagnostic[] = [];
  const problems: FileProblem[] = [];
  const total = films.reduce((n, f) => n + f.reviews.length, 0);
  options.onDiscovered?.(films.map((f) => ({ dir: f.dir, reviews: f.reviews.length })));
  let done = 0;
  for (const film of films) {
    const pause = breathe();
    if (pause) await pause;
    let lexText = '';
    try {
      lexText = await readTextFile(host, film.lexiconPath);
    } catch (e) {
      problems.push(e instanceof FileProblem ? e : new FileProblem(film.lexiconPath, String(e)));
    }
    const lexicon = parseLexicon(film.lexiconPath, lexText);
    lexiconDiagnostics.push(...lexicon.diagnostics);
    const filmIndex = index.setLexicon(lexicon);
    // Reads overlap (hosts with real I/O latency gain most); matching stays in corpus order.
    await forEachConcurrently(film.reviews, READ_CONCURRENCY, async (path) => {
      const pause = breathe();
      if (pause) await pause;
      throwIfCancelled(signal);
      try {
        filmIndex.setReview(path, await readTextFile(host, path));
      } catch (e) {
        problems.push(e instanceof FileProblem ? e : new FileProblem(path, String(e)));
      }
      done++;
      onProgress?.(done, total);
    });
  }
  return { index, lexiconDiagnostics, problems, reviewCount: done };
}
