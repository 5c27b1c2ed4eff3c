// Reads what an export needs for one review through the FileHost: its text, front matter, the
// annotations in its sidecar, and (fresh from the engine, when a matcher is given) its mentions.
// Shared by the CLI and the editor; the exporters themselves stay pure.

import { parseSidecar, sidecarUriFor } from '../annotations/sidecarFormat';
import type { SidecarError, SidecarMention } from '../annotations/model';
import { readTextFile } from '../corpusLoader';
import { parseFrontMatter } from '../frontMatter';
import type { FileHost } from '../host';
import type { Lexicon } from '../lexicon/lexicon';
import type { MentionMatcher } from '../mentions/mentionMatcher';
import { basenameUri, dirnameUri, relativeUriPath } from '../model/uri';
import { readReviewInfo } from '../review';
import type { ExportEntity, ReviewForExport } from './types';

/**
 * The folder relative names are counted from for a film: the folder above the film's folder, so
 * a review is named `her/movie-review-her.md` whichever PATH was exported (docs/interchange.md).
 */
export function exportRootFor(lexicon: Lexicon): string {
  return dirnameUri(dirnameUri(lexicon.path));
}

/** A review's path relative to the root; its file name alone if it is not below the root. */
export function relativeNameOf(root: string, reviewUri: string): string {
  const rel = relativeUriPath(root, reviewUri);
  return rel.startsWith('..') || /^[a-zA-Z][\w+.-]*:/.test(rel) ? basenameUri(reviewUri) : rel;
}

/** The source URL in front matter (`source:`, or `url:`), if it is a web address. */
export function sourceUrlOf(data: Record<string, unknown>): string | undefined {
  for (const key of ['source', 'url']) {
    const v = data[key];
    if (typeof v === 'string' && /^https?:\/\//i.test(v.trim())) return v.trim();
  }
  return undefined;
}

export interface GatheredReview {
  review?: ReviewForExport;
  /** Why it could not be read (review unreadable, sidecar broken): positioned where possible. */
  errors: SidecarError[];
}

export async function gatherReview(host: FileHost, reviewUri: string, root: string, lexicon: Lexicon, matcher?: MentionMatcher): Promise<GatheredReview> {
  let text: string;
  try {
    text = await readTextFile(host, reviewUri);
  } catch (e) {
    return { errors: [{ file: reviewUri, line: 1, column: 1, message: e instanceof Error ? e.message : String(e) }] };
  }
  const sidecarUri = sidecarUriFor(reviewUri);
  let annotations: ReviewForExport['annotations'] = [];
  let mentions: SidecarMention[] = [];
  if (await host.stat(sidecarUri)) {
    let sidecarText: string;
    try {
      sidecarText = await readTextFile(host, sidecarUri);
    } catch (e) {
      return { errors: [{ file: sidecarUri, line: 1, column: 1, message: e instanceof Error ? e.message : String(e) }] };
    }
    const parsed = parseSidecar(sidecarText, sidecarUri);
    if (!parsed.sidecar) return { errors: parsed.errors };
    annotations = parsed.sidecar.annotations;
    mentions = parsed.sidecar.mentions;
  }
  const info = readReviewInfo(reviewUri, text);
  if (matcher) mentions = matcher.findMentions(text, { bodyStart: info.bodyStart }).map((m) => ({ entity: m.entity, kind: m.kind, start: m.start, end: m.end, text: m.text }));
  const isMarkdown = !reviewUri.toLowerCase().endsWith('.txt');
  const source = isMarkdown ? sourceUrlOf(parseFrontMatter(text).data) : undefined;
  return {
    review: {
      uri: reviewUri,
      relativeName: relativeNameOf(root, reviewUri),
      film: lexicon.film.id,
      text,
      frontMatter: { title: info.title, ...(info.critic ? { critic: info.critic } : {}), ...(source ? { source } : {}) },
      annotations,
      mentions,
    },
    errors: [],
  };
}

export function exportEntities(lexicon: Lexicon): ExportEntity[] {
  return lexicon.entities.map((e) => ({ film: lexicon.film.id, id: e.id, kind: e.kind, name: e.name }));
}
