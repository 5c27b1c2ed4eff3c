// Replacing a file's contents without ever leaving it half-written or missing, and without
// clobbering a version someone else wrote meanwhile. Where the host renames atomically, a temp
// file beside the target is renamed over it — only if the target is still the version the writer
// read (compare-and-rename, host.renameIfUnchanged, or a check with stat/readFile right before the
// rename). Where it cannot (VS Code's workspace.fs deletes the target first), the temp copy is
// written and verified, then the target is overwritten in place and verified, and only then is
// the temp copy removed: a crash at any point leaves either the old file or a complete copy of the
// new one beside it. Nothing is deleted first. A read-only target is refused, never replaced;
// the replacement keeps the target's permission bits and group.

import { capabilitiesAt, type ExpectedFile, type FileHost, type FileStat, type WriteFileOptions } from '../host';
import { basenameUri, dirnameUri, joinUri } from '../model/uri';
import { randomHex } from '../model/ids';

/** Hidden temp name beside the target: `.<name>.<hex>.tmp`. */
export function tempUriFor(target: string): string {
  return joinUri(dirnameUri(target), `.${basenameUri(target)}.${randomHex(8)}.tmp`);
}

export const TEMP_FILE = /^\.(.+)\.[0-9a-f]{8}\.tmp$/;

/** A target this module will not replace (read-only, a link, not a regular file); nothing was written. */
export class FileRefusedError extends Error {}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface ReplaceOptions {
  /**
   * Replace only if the target is still this version (bytes, size, mtime, inode), or with
   * 'absent' only if there is still no file; otherwise nothing is written and replaceFile returns
   * false. Without it the target is replaced whatever it is now.
   */
  expect?: ExpectedFile | 'absent';
  /**
   * Called when the target was replaced but had been written to in place after the check (an
   * editor saving it meanwhile): with the bytes that write left in the replaced file, which is
   * gone from its name now. The caller merges them (or they are lost).
   */
  onDisplaced?: (bytes: Uint8Array) => void;
}

/** Why a target may not be replaced, or undefined when it may. */
export function refusalFor(name: string, stat: FileStat | undefined): string | undefined {
  if (!stat) return undefined;
  if (stat.symlink) return `${name} is a symbolic link; Marginalia does not replace a link with a file (write to the file it points to, or replace the link by that file)`;
  if (stat.kind === 'directory') return `${name} is a folder, not a file`;
  if (stat.kind !== 'file') return `${name} is not a regular file (a FIFO, socket or device)`;
  if (stat.readonly) {
    const mode = stat.mode === undefined ? '' : ` (mode ${stat.mode.toString(8).padStart(4, '0')})`;
    return `${name} is read-only${mode}; Marginalia does not replace read-only files — make it writable (chmod u+w) to let Marginalia update it`;
  }
  return undefined;
}

/** Returns false when `expect` no longer held (nothing was replaced); throws on I/O failure or refusal. */
export async function replaceFile(host: FileHost, target: string, bytes: Uint8Array, options: ReplaceOptions = {}): Promise<boolean> {
  const atomic = capabilitiesAt(host, target).atomicRename;
  const current = await host.stat(target);
  const refusal = refusalFor(basenameUri(target), current);
  if (refusal) throw new FileRefusedError(refusal);
  if (options.expect === 'absent' && current) return false;
  if (options.expect && options.expect !== 'absent' && !current) return false;
  const keep: WriteFileOptions = {};
  if (current?.mode !== undefined) keep.mode = current.mode;
  if (current?.gid !== undefined) keep.gid = current.gid;

  const temp = tempUriFor(target);
  try {
    await host.writeFile(temp, bytes, keep);
  } catch (e) {
    // A disk that filled up mid-write leaves part of a temp file: never the good copy of anything.
    await host.delete(temp).catch(() => undefined);
    throw e;
  }
  try {
    if (!atomic && !sameBytes(await host.readFile(temp), bytes)) {
      throw new Error(`could not write a verified copy beside ${basenameUri(target)}`);
    }
    if (atomic) {
      if (options.expect && host.renameIfUnchanged) {
        const done = await host.renameIfUnchanged(temp, target, options.expect === 'absent' ? undefined : options.expect);
        if (!done) await host.delete(temp).catch(() => undefined);
        if (typeof done === 'object') options.onDisplaced?.(done.displaced);
        return done !== false;
      }
      if (options.expect && !(await stillExpected(host, target, options.expect))) {
        await host.delete(temp).catch(() => undefined);
        return false;
      }
      await host.rename(temp, target, { overwrite: true });
      return true;
    }
    if (options.expect && !(await stillExpected(host, target, options.expect))) {
      await host.delete(temp).catch(() => undefined);
      return false;
    }
    await host.writeFile(target, bytes);
    if (!sameBytes(await host.readFile(target), bytes)) {
      throw new Error(`${basenameUri(target)} did not read back as written; the new version is kept in ${basenameUri(temp)}`);
    }
  } catch (e) {
    // On the atomic path the temp file is only a leftover; on the fallback it may be the one good copy.
    if (atomic) await host.delete(temp).catch(() => undefined);
    throw e;
  }
  await host.delete(temp).catch(() => undefined);
  return true;
}

/** The check hosts without renameIfUnchanged get: stat, then the bytes, as late as possible. */
async function stillExpected(host: FileHost, target: string, expect: ExpectedFile | 'absent'): Promise<boolean> {
  const stat = await host.stat(target);
  if (expect === 'absent') return !stat;
  if (!stat || stat.kind !== 'file' || stat.size !== expect.size || stat.mtime !== expect.mtime) return false;
  if (expect.ino !== undefined && stat.ino !== undefined && stat.ino !== expect.ino) return false;
  return sameBytes(await host.readFile(target), expect.bytes);
}
