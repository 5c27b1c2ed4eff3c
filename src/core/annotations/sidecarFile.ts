// Reading a sidecar from disk safely: only regular files, never one over the size limit, never a
// torn read of a file being written in place, and with the exact version read (bytes, size,
// mtime, inode) so that a write can replace that version only (compare-and-swap).

import type { ExpectedFile, FileHost, FileStat } from '../host';
import { randomHex, sha256Hex } from '../model/ids';
import { basenameUri } from '../model/uri';
import { refusalFor, replaceFile } from '../files/safeWrite';
import { decodeText, encodeText } from '../text';
import type { Sidecar, SidecarError } from './model';
import { MAX_SIDECAR_BYTES, parseSidecar, type ParsedSidecar, renderSidecar, tooLarge } from './sidecarFormat';

/** Re-reads of a sidecar that changed while it was read. */
const TORN_READ_RETRIES = 5;

/** How long a just-emptied sidecar is given to fill (an editor saving it in place). */
const EMPTY_SETTLE_MS = 1000;

/** A short, growing, random wait before trying again, so two writers stop colliding in step. */
export function pauseBeforeRetry(attempt: number): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(() => resolve(), Math.floor(Math.random() * 5 * (attempt + 1))));
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface DiskSidecar {
  /** sha256 of the bytes; '' when there is no file. */
  hash: string;
  /** What was read, to replace only that version; undefined when there is no file. */
  version?: ExpectedFile;
  stat?: FileStat;
  text?: string;
  parsed?: ParsedSidecar;
  errors: SidecarError[];
}

/**
 * The sidecar on disk: its bytes' hash ('' when missing), the version to compare-and-swap
 * against, its text and parse (when parse is true). Never throws: a folder, a FIFO, a file too
 * large or unreadable is an error naming the file, and nothing is opened that could block.
 */
export async function readSidecarFile(host: FileHost, path: string, parse = true): Promise<DiskSidecar> {
  const fail = (message: string): DiskSidecar => ({ hash: '', errors: [{ file: path, line: 1, column: 1, message }] });
  let stat: FileStat | undefined;
  try {
    stat = await host.stat(path);
  } catch (e) {
    return fail(`cannot read ${basenameUri(path)}: ${messageOf(e)}`);
  }
  if (!stat) return { hash: '', errors: [] };
  if (stat.kind === 'file' && stat.size === 0) stat = await settleEmpty(host, path, stat);
  if (!stat) return { hash: '', errors: [] };
  if (stat.kind === 'directory') return fail(`${basenameUri(path)} is a folder, not a file; Marginalia reads and writes only regular files`);
  if (stat.kind !== 'file') {
    return fail(stat.symlink ? `${basenameUri(path)} is a broken symbolic link` : `${basenameUri(path)} is not a regular file (a FIFO, socket or device); Marginalia reads and writes only regular files`);
  }
  if (stat.size > MAX_SIDECAR_BYTES) return fail(tooLarge(basenameUri(path), stat.size));
  let bytes: Uint8Array;
  try {
    bytes = await host.readFile(path);
    // A file being written in place reads torn: its size or mtime moves under the read. Read
    // again (a few times) until a read agrees with the stat before and after it.
    for (let i = 0; i < TORN_READ_RETRIES; i++) {
      const after = await host.stat(path);
      const consistent = after && after.kind === 'file' && after.size === bytes.length && after.size === stat.size && after.mtime === stat.mtime;
      // Empty now but not before: truncated by an in-place save that has not written yet.
      if (consistent && bytes.length === 0 && Date.now() - after.mtime < EMPTY_SETTLE_MS) {
        stat = (await settleEmpty(host, path, after)) ?? after;
        bytes = await host.readFile(path);
        continue;
      }
      if (consistent) break;
      if (!after || after.kind !== 'file') break; // gone or replaced by something else: the compare-and-swap will see it
      await new Promise<void>((resolve) => setTimeout(() => resolve(), 2 * (i + 1)));
      stat = (await host.stat(path)) ?? stat;
      bytes = await host.readFile(path);
    }
  } catch (e) {
    return fail(`cannot read ${basenameUri(path)}: ${messageOf(e)}`);
  }
  const version: ExpectedFile = { bytes, size: stat.size, mtime: stat.mtime, ...(stat.ino !== undefined ? { ino: stat.ino } : {}) };
  const hash = await sha256Hex(bytes);
  if (!parse) return { hash, version, stat, errors: [] };
  let text: string;
  try {
    text = decodeText(bytes);
  } catch (e) {
    return { hash, version, stat, errors: [{ file: path, line: 1, column: 1, message: messageOf(e) }] };
  }
  const parsed = parseSidecar(text, path);
  return { hash, version, stat, text, parsed, errors: parsed.errors };
}

/**
 * An empty sidecar is never what Marginalia writes, and it is what a reader sees while an
 * editor saves the file in place (truncated, not yet written): taken at its word, the file
 * would be rewritten with no annotations and the editor's bytes would land in the replaced
 * file. So a recently changed empty file is given until it is EMPTY_SETTLE_MS old to fill.
 */
async function settleEmpty(host: FileHost, path: string, stat: FileStat): Promise<FileStat | undefined> {
  let current: FileStat | undefined = stat;
  while (current && current.kind === 'file' && current.size === 0) {
    const age = Date.now() - current.mtime;
    if (age < 0 || age >= EMPTY_SETTLE_MS) break;
    await new Promise<void>((resolve) => setTimeout(() => resolve(), Math.min(20, EMPTY_SETTLE_MS - age)));
    current = await host.stat(path);
  }
  return current;
}


/**
 * After a rename replaced a file that someone had just saved in place (its bytes handed back by
 * the host): those bytes are kept beside the sidecar, never merged blindly — the save may have
 * been caught half-way, and a truncated file can still parse — and the error says where.
 */
export async function keepDisplaced(host: FileHost, path: string, bytes: Uint8Array): Promise<SidecarError> {
  const kept = `${path}.displaced-${randomHex(6)}`;
  const said = `another program saved ${basenameUri(path)} in place at the moment Marginalia replaced it`;
  try {
    await host.writeFile(kept, bytes);
  } catch (e) {
    return { file: path, line: 1, column: 1, message: `${said}, and its version could not be kept (${messageOf(e)})` };
  }
  return { file: path, line: 1, column: 1, message: `${said}; its version is kept in ${basenameUri(kept)} — merge it into ${basenameUri(path)} by hand, then delete it` };
}

/** Attempts when the file keeps changing between reading and renaming into place. */
const UPDATE_ATTEMPTS = 8;

export interface UpdateResult {
  status: 'written' | 'unchanged' | 'missing' | 'failed';
  errors: SidecarError[];
}

/**
 * Changes a sidecar on disk in place of its model: `change` edits the model and says whether it
 * changed anything. Comments and unknown keys are kept (the Document read from disk is written
 * back), nothing is written over a file that does not parse, and the write is a compare-and-swap
 * against the version read, started over if the file changed meanwhile.
 */
export async function updateSidecarFile(host: FileHost, uri: string, change: (sidecar: Sidecar) => boolean): Promise<UpdateResult> {
  const error = (message: string): UpdateResult => ({ status: 'failed', errors: [{ file: uri, line: 1, column: 1, message }] });
  for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
    const disk = await readSidecarFile(host, uri);
    if (disk.errors.length > 0) return { status: 'failed', errors: disk.errors };
    if (!disk.version || !disk.parsed?.sidecar) return { status: 'missing', errors: [] };
    const refusal = refusalFor(basenameUri(uri), disk.stat);
    if (refusal) return error(`${refusal}; not written`);
    if (!change(disk.parsed.sidecar)) return { status: 'unchanged', errors: [] };
    const rendered = renderSidecar(disk.parsed.sidecar, disk.parsed.document, true);
    try {
      let displaced: Uint8Array | undefined;
      const replaced = await replaceFile(host, uri, encodeText(rendered), { expect: disk.version, onDisplaced: (b) => (displaced = b) });
      if (replaced) return { status: 'written', errors: displaced ? [await keepDisplaced(host, uri, displaced)] : [] };
    } catch (e) {
      return error(`could not replace ${basenameUri(uri)}: ${messageOf(e)}`);
    }
    await pauseBeforeRetry(attempt);
  }
  return error(`${basenameUri(uri)} kept changing on disk while Marginalia was writing it; nothing was written, try again`);
}
