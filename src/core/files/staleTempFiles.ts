// Temp files left by a write that was interrupted (kill -9, a crash, a full disk): the hidden
// `.<name>.annotations.yaml.<8 hex>.tmp` beside a sidecar (safeWrite.ts). A later run removes
// them — only names of exactly that pattern, only regular files, only ones old enough that no
// live writer can still own them. Where the host renames atomically a temp file is never the only
// copy of anything (the target is untouched until the rename); on the in-place fallback it may
// be, so there one is kept while its target is missing or unreadable.

import type { FileHost } from '../host';
import { joinUri } from '../model/uri';
import { TEMP_FILE } from './safeWrite';

/** A write takes milliseconds; a temp file older than this belongs to no live writer. */
export const STALE_TEMP_AGE_MS = 60_000;

export interface StaleTempFile {
  uri: string;
  ageMs: number;
}

export interface TempCleanup {
  removed: StaleTempFile[];
  /** Left in place, with why (the sidecar it was for cannot be read: it may be the only copy). */
  kept: Array<StaleTempFile & { reason: string }>;
}

/**
 * Removes stale temp files of the files `isTargetName` accepts, in the folder `dir` (not below).
 * `targetReadable(uri)` says whether the file a temp was for reads as a whole (asked only on
 * hosts without atomic rename: when it does not, the temp is kept and reported).
 */
export async function removeStaleTempFiles(
  host: FileHost,
  dir: string,
  isTargetName: (name: string) => boolean,
  targetReadable: (uri: string) => Promise<boolean>,
  now = Date.now(),
): Promise<TempCleanup> {
  const out: TempCleanup = { removed: [], kept: [] };
  let entries: Array<[string, string]>;
  try {
    entries = await host.readDirectory(dir);
  } catch {
    return out;
  }
  for (const [name, kind] of entries) {
    const m = TEMP_FILE.exec(name);
    if (kind !== 'file' || !m || !isTargetName(m[1])) continue;
    const uri = joinUri(dir, name);
    const stat = await host.stat(uri);
    if (!stat || stat.kind !== 'file' || stat.symlink) continue;
    const ageMs = now - stat.mtime;
    if (ageMs < STALE_TEMP_AGE_MS) continue;
    if (!host.capabilities.atomicRename && !(await targetReadable(joinUri(dir, m[1])))) {
      out.kept.push({ uri, ageMs, reason: `${m[1]} is missing or does not read as a whole, so this may be its only good copy; check it and rename it to ${m[1]}, or delete it` });
      continue;
    }
    try {
      await host.delete(uri);
      out.removed.push({ uri, ageMs });
    } catch (e) {
      out.kept.push({ uri, ageMs, reason: `could not be removed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return out;
}
