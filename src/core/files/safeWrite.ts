// Replacing a file's contents without ever leaving it half-written or missing. Where the host
// renames atomically, a temp file beside the target is renamed over it. Where it cannot (VS Code's
// workspace.fs deletes the target first), the temp copy is written and verified, then the target is
// overwritten in place and verified, and only then is the temp copy removed: a crash at any point
// leaves either the old file or a complete copy of the new one beside it. Nothing is deleted first.

import { capabilitiesAt, type FileHost } from '../host';
import { basenameUri, dirnameUri, joinUri } from '../model/uri';
import { randomHex } from '../model/ids';

/** Hidden temp name beside the target: `.<name>.<hex>.tmp`. */
export function tempUriFor(target: string): string {
  return joinUri(dirnameUri(target), `.${basenameUri(target)}.${randomHex(8)}.tmp`);
}

export const TEMP_FILE = /^\.(.+)\.[0-9a-f]{8}\.tmp$/;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface ReplaceOptions {
  /**
   * Called after the new bytes are safely beside the target and just before the target is
   * replaced; returning false abandons the write (the target changed since it was read).
   */
  stillCurrent?: () => Promise<boolean>;
}

/** Returns false when `stillCurrent` said no (nothing was replaced); throws on I/O failure. */
export async function replaceFile(host: FileHost, target: string, bytes: Uint8Array, options: ReplaceOptions = {}): Promise<boolean> {
  const temp = tempUriFor(target);
  const atomic = capabilitiesAt(host, target).atomicRename;
  await host.writeFile(temp, bytes);
  try {
    if (!atomic && !sameBytes(await host.readFile(temp), bytes)) {
      throw new Error(`could not write a verified copy beside ${basenameUri(target)}`);
    }
    if (options.stillCurrent && !(await options.stillCurrent())) {
      await host.delete(temp).catch(() => undefined);
      return false;
    }
    if (atomic) {
      await host.rename(temp, target, { overwrite: true });
      return true;
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
