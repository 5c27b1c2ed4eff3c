// Sidecars left behind when their review was renamed or moved outside the editor (`git mv`, a file
// manager): a sidecar with no review of its name beside it. One whose annotations all anchor in
// exactly one review that has no sidecar of its own is that review's, and can be re-attached;
// the others are reported, never guessed at.

import { readTextFile } from '../corpusLoader';
import type { FileHost } from '../host';
import { basenameUri, joinUri, stemOf } from '../model/uri';
import { isReviewPath } from '../review';
import { reanchor } from './anchoring';
import type { SidecarError } from './model';
import { readSidecarFile } from './sidecarFile';
import { SIDECAR_SUFFIX, sidecarUriFor, textHash } from './sidecarFormat';
import { holdsNothingWritten, moveSidecarWithReview, type SidecarMoveReport } from './sidecarMove';

export interface DetachedSidecar {
  sidecar: string;
  /** The review it was written for, which is no longer there (its `review:` field, else its name + .md). */
  review: string;
  annotations: number;
  /** Reviews beside it without a sidecar of their own in which every one of its annotations anchors (or whose text it was written for). */
  fits: string[];
  /** Set when the sidecar itself cannot be read. */
  errors: SidecarError[];
}

/** Every sidecar in the folder `dir` (not below it) whose review is missing, with the reviews it fits. */
export async function findDetachedSidecars(host: FileHost, dir: string): Promise<DetachedSidecar[]> {
  let entries: Array<[string, string]>;
  try {
    entries = await host.readDirectory(dir);
  } catch {
    return [];
  }
  const reviews = entries.filter(([name, kind]) => kind !== 'directory' && isReviewPath(name)).map(([name]) => joinUri(dir, name));
  const reviewSidecars = new Set(reviews.map(sidecarUriFor));
  const orphaned = entries
    .filter(([name, kind]) => kind === 'file' && name.endsWith(SIDECAR_SUFFIX) && !name.startsWith('.'))
    .map(([name]) => joinUri(dir, name))
    .filter((sidecar) => !reviewSidecars.has(sidecar));
  if (orphaned.length === 0) return [];

  // Reviews that could take a sidecar: those without one, or with one holding nothing written.
  const free: Array<{ uri: string; text: string; hash: string }> = [];
  for (const uri of reviews) {
    if ((await host.stat(sidecarUriFor(uri))) && !(await holdsNothingWritten(host, sidecarUriFor(uri)))) continue;
    try {
      const text = await readTextFile(host, uri);
      free.push({ uri, text, hash: await textHash(text) });
    } catch {
      // An unreadable review is reported by whoever reads it; it cannot be matched here.
    }
  }
  const out: DetachedSidecar[] = [];
  for (const sidecar of orphaned.sort()) {
    const disk = await readSidecarFile(host, sidecar);
    const s = disk.parsed?.sidecar;
    const stem = basenameUri(sidecar).slice(0, -SIDECAR_SUFFIX.length);
    const named = s?.review && stemOf(s.review) === stem ? s.review : `${stem}.md`;
    const entry: DetachedSidecar = { sidecar, review: joinUri(dir, named), annotations: s?.annotations.length ?? 0, fits: [], errors: disk.errors };
    if (s) {
      const placed = s.annotations.filter((a) => !a.orphan);
      entry.fits = free
        .filter((r) => (s.textHash !== '' && s.textHash === r.hash) || (placed.length > 0 && placed.every((a) => reanchor(r.text, a.target).kind !== 'orphan')))
        .map((r) => r.uri);
    }
    out.push(entry);
  }
  return out;
}

export interface Reattachment {
  sidecar: string;
  review: string;
  report: SidecarMoveReport;
}

/**
 * Re-attaches every detached sidecar in `dir` that fits exactly one review, which no other
 * detached sidecar fits; returns those re-attached and those left (for the caller to report).
 */
export async function reattachDetachedSidecars(host: FileHost, dir: string, root?: string): Promise<{ reattached: Reattachment[]; left: DetachedSidecar[] }> {
  const detached = await findDetachedSidecars(host, dir);
  const claims = new Map<string, number>();
  for (const d of detached) for (const f of d.fits) claims.set(f, (claims.get(f) ?? 0) + 1);
  const reattached: Reattachment[] = [];
  const left: DetachedSidecar[] = [];
  for (const d of detached) {
    if (d.fits.length !== 1 || claims.get(d.fits[0]) !== 1) {
      left.push(d);
      continue;
    }
    const report = await moveSidecarWithReview(host, d.review, d.fits[0], { replaceGenerated: true, root: root ?? dir });
    if (report.moved.length === 1) reattached.push({ sidecar: d.sidecar, review: d.fits[0], report });
    else left.push({ ...d, errors: [...d.errors, ...report.errors, ...report.refused.map((r) => ({ file: d.sidecar, line: 1, column: 1, message: r.reason }))] });
  }
  return { reattached, left };
}

/** One line about a detached sidecar, for `check` and `annotate` (paths through `display`). */
export function describeDetached(d: DetachedSidecar, display: (uri: string) => string): string {
  const what = `${display(d.sidecar)}: no review named ${basenameUri(d.review)} beside it (renamed, moved or deleted?)`;
  const count = `${d.annotations} annotation${d.annotations === 1 ? '' : 's'}`;
  if (d.errors.length > 0) return `${what}; it cannot be read: ${d.errors[0].message}`;
  if (d.fits.length === 1) return `${what}; its ${count} anchor in ${display(d.fits[0])}, which has no sidecar — \`marginalia annotate\` re-attaches it`;
  if (d.fits.length > 1) return `${what}; its ${count} anchor in ${d.fits.length} reviews (${d.fits.map(display).join(', ')}); rename it to the right review's name by hand`;
  return `${what}; its ${count} anchor in no review beside it without a sidecar; rename it to its review's name, or delete it`;
}
