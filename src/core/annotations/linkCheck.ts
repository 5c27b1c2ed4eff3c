// Links that lead nowhere: to a review that does not exist, or to an annotation its sidecar does
// not have (deleted by hand, or a sidecar edited in a merge). `check` reports them.

import type { FileHost } from '../host';
import { dirnameUri, resolveUriPath } from '../model/uri';
import type { AnnotationLink, Sidecar } from './model';
import { readSidecarFile } from './sidecarFile';
import { sidecarUriFor } from './sidecarFormat';

export interface BrokenLink {
  /** The annotation holding the link. */
  annotation: string;
  link: AnnotationLink;
  /** The review the link leads to (URI). */
  review: string;
  problem: 'no-review' | 'no-annotation';
}

/** Finds broken links in many sidecars, reading each linked sidecar once. */
export class LinkChecker {
  private readonly ids = new Map<string, Promise<Set<string> | undefined>>();

  constructor(private readonly host: FileHost) {}

  async brokenLinks(reviewUri: string, sidecar: Sidecar): Promise<BrokenLink[]> {
    const out: BrokenLink[] = [];
    for (const a of sidecar.annotations) {
      for (const link of a.links) {
        const review = resolveUriPath(dirnameUri(reviewUri), link.review);
        const stat = await this.host.stat(review).catch(() => undefined);
        if (!stat || stat.kind !== 'file') {
          out.push({ annotation: a.id, link, review, problem: 'no-review' });
          continue;
        }
        const ids = review === reviewUri ? new Set(sidecar.annotations.map((x) => x.id)) : await this.idsIn(review);
        // A linked sidecar that cannot be read is reported on its own; its links are not judged.
        if (ids && !ids.has(link.id)) out.push({ annotation: a.id, link, review, problem: 'no-annotation' });
      }
    }
    return out;
  }

  private idsIn(review: string): Promise<Set<string> | undefined> {
    const uri = sidecarUriFor(review);
    let ids = this.ids.get(uri);
    if (!ids) {
      ids = readSidecarFile(this.host, uri).then((d) => (d.errors.length > 0 ? undefined : new Set(d.parsed?.sidecar?.annotations.map((a) => a.id) ?? [])));
      this.ids.set(uri, ids);
    }
    return ids;
  }
}
