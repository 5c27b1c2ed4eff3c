// Lists the reviews in a folder tree, saying why anything named like a review is not one of them:
// a FIFO, socket or device (never opened: reading a FIFO blocks), a broken link, or a symbolic link
// that leads outside the corpus. Links that stay inside the corpus are followed (the review is
// read through the link, under the link's name).

import type { FileHost } from '../host';
import { isUriUnder, joinUri, uriPath } from '../model/uri';
import { isReviewPath } from '../review';

export interface SkippedFile {
  uri: string;
  /** Why, in a few words after the file name ("is not a regular file …"). */
  reason: string;
}

export interface ReviewListing {
  /** Review URIs, sorted, folders walked depth first. */
  reviews: string[];
  skipped: SkippedFile[];
}

const SKIPPED_DIRS = new Set(['node_modules']);

/**
 * Every review at or below `dir`. `root` is the corpus the links must stay in (default `dir`);
 * hosts without realUri cannot tell where a link leads, and their links are followed.
 */
export async function listReviewFiles(host: FileHost, dir: string, root = dir): Promise<ReviewListing> {
  const listing: ReviewListing = { reviews: [], skipped: [] };
  const realRoot = host.realUri ? await host.realUri(root).catch(() => root) : root;
  await walk(host, dir, realRoot, listing);
  return listing;
}

async function walk(host: FileHost, dir: string, realRoot: string, out: ReviewListing): Promise<void> {
  let entries: Array<[string, string]>;
  try {
    entries = (await host.readDirectory(dir)).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  } catch (e) {
    out.skipped.push({ uri: dir, reason: `cannot be read: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  for (const [name, kind] of entries) {
    const uri = joinUri(dir, name);
    if (kind === 'directory') {
      if (!name.startsWith('.') && !SKIPPED_DIRS.has(name)) await walk(host, uri, realRoot, out);
      continue;
    }
    if (!isReviewPath(uri)) continue;
    if (kind === 'file') {
      out.reviews.push(uri);
      continue;
    }
    const reason = await whyNotReview(host, uri, realRoot);
    if (reason) out.skipped.push({ uri, reason });
    else out.reviews.push(uri);
  }
}

/** For an entry that is neither a file nor a folder: undefined when it is a link to follow. */
async function whyNotReview(host: FileHost, uri: string, realRoot: string): Promise<string | undefined> {
  const stat = await host.stat(uri).catch(() => undefined);
  if (!stat) return 'vanished while its folder was read';
  if (!stat.symlink) return 'is not a regular file (a FIFO, socket or device); skipped';
  if (host.realUri) {
    const real = await host.realUri(uri).catch(() => undefined);
    if (!real) return 'is a broken symbolic link; skipped';
    if (!isUriUnder(real, realRoot)) return `is a symbolic link to ${uriPath(real)}, outside the corpus (${uriPath(realRoot)}); not followed`;
  }
  if (stat.kind !== 'file') return 'is a symbolic link to something that is not a regular file; skipped';
  return undefined;
}
