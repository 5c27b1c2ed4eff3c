// Moving sidecars with their reviews when reviews are renamed or moved (the Explorer, `git mv`, a
// folder rename): the sidecar takes the review's new name without ever overwriting another
// sidecar, its `review:` field and its links are rewritten for the new place, and links held by
// other sidecars that point at the old name are rewritten to the new one.

import type { FileHost } from '../host';
import { basenameUri, dirnameUri, isUriUnder, relativeUriPath, resolveUriPath } from '../model/uri';
import type { Sidecar, SidecarError } from './model';
import { messageOf, readSidecarFile, updateSidecarFile } from './sidecarFile';
import { renderSidecar, SIDECAR_SUFFIX, sidecarUriFor } from './sidecarFormat';

/** A review that was renamed or moved: URIs before and after. */
export interface ReviewMove {
  from: string;
  to: string;
}

export interface MoveOptions {
  /**
   * Folder whose sidecars are searched for links to the moved reviews (the workspace folder in
   * the editor, the film in the CLI). Default: the deepest folder holding every old and new place.
   */
  root?: string;
  /**
   * A sidecar already at the new name may be replaced when it holds nothing a person wrote: no
   * annotations, no comments, no keys of their own — exactly what `annotate` regenerates.
   * Default false: an existing sidecar is never replaced.
   */
  replaceGenerated?: boolean;
}

export interface SidecarMoveReport {
  /** Sidecars that now sit beside their review's new name (moved here, or found already moved with a folder). */
  moved: ReviewMove[];
  /** Moves not made, with why (a sidecar already at the new name). Sidecar URIs. */
  refused: Array<ReviewMove & { reason: string }>;
  /** Other sidecars whose links were rewritten to the new names. */
  relinked: string[];
  /** Files that could not be read or written; the move itself may still have happened. */
  errors: SidecarError[];
}

/**
 * Moves the sidecar of one renamed review. Call it after the review itself was renamed
 * (VS Code's onDidRenameFiles). Never overwrites an existing sidecar (unless `replaceGenerated`).
 */
export function moveSidecarWithReview(host: FileHost, oldReviewUri: string, newReviewUri: string, options: MoveOptions = {}): Promise<SidecarMoveReport> {
  return moveSidecarsWithReviews(host, [{ from: oldReviewUri, to: newReviewUri }], options);
}

/**
 * Several moves at once (a folder renamed: every review in it), so that links between moved
 * reviews are rewritten with both ends at their new places. A sidecar that is already at its new
 * place (it moved with its folder) only has its links and `review:` field brought up to date.
 */
export async function moveSidecarsWithReviews(host: FileHost, moves: ReviewMove[], options: MoveOptions = {}): Promise<SidecarMoveReport> {
  const report: SidecarMoveReport = { moved: [], refused: [], relinked: [], errors: [] };
  const done: ReviewMove[] = [];
  for (const move of moves) {
    const from = sidecarUriFor(move.from);
    const to = sidecarUriFor(move.to);
    try {
      const outcome = await placeSidecar(host, from, to, options);
      if (outcome === 'placed') {
        report.moved.push({ from, to });
        done.push(move);
      } else if (outcome !== 'absent') report.refused.push({ from, to, reason: outcome });
    } catch (e) {
      report.errors.push({ file: from, line: 1, column: 1, message: `could not move ${basenameUri(from)} to ${basenameUri(to)}: ${messageOf(e)}` });
    }
  }
  // Links are rewritten only for reviews whose sidecar did follow them.
  const bySidecar = new Map(done.map((m) => [sidecarUriFor(m.from), m.to]));
  /** Where a review is now: a moved one's new URI (whatever its extension), any other unchanged. */
  const now = (review: string) => bySidecar.get(sidecarUriFor(review)) ?? review;
  for (const move of done) {
    // Its own links are relative to its review's folder, which may have changed.
    const fixed = await updateSidecarFile(host, sidecarUriFor(move.to), (s) => {
      let changed = false;
      const name = basenameUri(move.to);
      if (s.review !== name) (s.review = name), (changed = true);
      return relink(s, dirnameUri(move.from), dirnameUri(move.to), now) || changed;
    });
    report.errors.push(...fixed.errors);
  }
  if (done.length === 0) return report;

  const placed = new Set(report.moved.map((m) => m.to));
  const root = options.root ?? commonFolder(moves.flatMap((m) => [dirnameUri(m.from), dirnameUri(m.to)]));
  let others: string[] = [];
  try {
    others = (await host.findFiles(root, { include: `**/*${SIDECAR_SUFFIX}` })).filter((u) => !placed.has(u)).sort();
  } catch (e) {
    report.errors.push({ file: root, line: 1, column: 1, message: `could not look for sidecars linking to the moved reviews: ${messageOf(e)}` });
  }
  for (const other of others) {
    const dir = dirnameUri(other);
    const result = await updateSidecarFile(host, other, (s) => relink(s, dir, dir, now));
    if (result.status === 'written') report.relinked.push(other);
    for (const e of result.errors) report.errors.push({ ...e, message: `its links to the moved review${moves.length > 1 ? 's' : ''} could not be checked: ${e.message}` });
  }
  return report;
}

type Placement = 'placed' | 'absent' | string;

/** Puts the sidecar at `to`: renamed there, or found there already. A string is why it was not. */
async function placeSidecar(host: FileHost, from: string, to: string, options: MoveOptions): Promise<Placement> {
  const source = await host.stat(from);
  if (from === to) return source ? 'placed' : 'absent';
  const target = await host.stat(to);
  if (!source) return target?.kind === 'file' ? 'placed' : 'absent'; // moved with its folder, or never had one
  if (target) {
    if (!options.replaceGenerated || !(await holdsNothingWritten(host, to))) {
      return `${basenameUri(to)} already exists; ${basenameUri(from)} was not moved onto it (merge the two by hand, then delete one)`;
    }
    await host.delete(to);
  }
  try {
    await host.rename(from, to, { overwrite: false }); // fails, rather than overwrites, if a file appeared at `to`
  } catch (e) {
    if ((await host.stat(to)) && (await host.stat(from))) return `${basenameUri(to)} appeared while ${basenameUri(from)} was being moved; not moved`;
    throw e;
  }
  return 'placed';
}

/** A sidecar with no annotations, comments or keys of a person's own: what `annotate` would write. */
export async function holdsNothingWritten(host: FileHost, uri: string): Promise<boolean> {
  const disk = await readSidecarFile(host, uri);
  const sidecar = disk.parsed?.sidecar;
  if (disk.errors.length > 0 || !sidecar || disk.text === undefined) return false;
  return sidecar.annotations.length === 0 && renderSidecar(sidecar) === disk.text;
}

/**
 * Rewrites the links of a sidecar whose review was in `oldDir` and is in `newDir`, pointing
 * each at where its target review is now. Returns whether anything changed.
 */
function relink(s: Sidecar, oldDir: string, newDir: string, now: (review: string) => string): boolean {
  let changed = false;
  for (const a of s.annotations) {
    for (const link of a.links) {
      const target = now(resolveUriPath(oldDir, link.review));
      const written = relativeUriPath(newDir, target);
      if (written !== link.review) {
        link.review = written;
        changed = true;
      }
    }
  }
  return changed;
}

/** The deepest folder that holds every folder given (the folder itself when there is one). */
function commonFolder(dirs: string[]): string {
  let common = dirs[0];
  for (const d of dirs.slice(1)) {
    while (common !== d && !isUriUnder(d, common) && dirnameUri(common) !== common) common = dirnameUri(common);
  }
  return common;
}
