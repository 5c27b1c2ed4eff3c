// The IRIs a W3C export gives reviews, annotations, mentions and entities, and their inverses for
// the importer. They are URNs built from the review's path relative to the export root (never
// from a machine's absolute path), so the same corpus exports to the same IRIs everywhere and a
// re-import recognises its own annotations. docs/interchange.md documents the scheme.

import { encodeSegment } from '../model/uri';

const PREFIX = 'urn:marginalia:';

function encodePath(relativeName: string): string {
  return relativeName.split('/').map(encodeSegment).join('/');
}

function decodePath(encoded: string): string | undefined {
  try {
    return encoded.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}

/** `urn:marginalia:review:her/movie-review-her.md`: a review without a source URL. */
export function reviewUrn(relativeName: string): string {
  return `${PREFIX}review:${encodePath(relativeName)}`;
}

/** The review's IRI in an export: its source URL from front matter when it has one, else its URN. */
export function reviewIri(relativeName: string, source: string | undefined): string {
  return source && isAbsoluteHttpIri(source) ? source : reviewUrn(relativeName);
}

/** `urn:marginalia:annotation:her/movie-review-her.md#a1b2c3`. */
export function annotationIri(relativeName: string, id: string): string {
  return `${PREFIX}annotation:${encodePath(relativeName)}#${encodeSegment(id)}`;
}

/** The review and id of one of our annotation IRIs, or undefined for anyone else's. */
export function parseAnnotationIri(iri: string): { relativeName: string; id: string } | undefined {
  const m = /^urn:marginalia:annotation:([^#]+)#(.+)$/.exec(iri);
  if (!m) return undefined;
  const relativeName = decodePath(m[1]);
  const id = decodePath(m[2]);
  return relativeName && id ? { relativeName, id } : undefined;
}

/** The relative name in one of our review URNs, or undefined. */
export function parseReviewUrn(iri: string): string | undefined {
  const m = /^urn:marginalia:review:(.+)$/.exec(iri);
  return m ? decodePath(m[1]) : undefined;
}

/** `urn:marginalia:mention:her/movie-review-her.md#12-20` (code points). */
export function mentionIri(relativeName: string, start: number, end: number): string {
  return `${PREFIX}mention:${encodePath(relativeName)}#${start}-${end}`;
}

/** `urn:marginalia:entity:her/samantha`: an entity of a film's lexicon. */
export function entityIri(film: string, id: string): string {
  return `${PREFIX}entity:${encodeSegment(film)}/${encodeSegment(id)}`;
}

export function parseEntityIri(iri: string): { film: string; id: string } | undefined {
  const m = /^urn:marginalia:entity:([^/]+)\/(.+)$/.exec(iri);
  if (!m) return undefined;
  const film = decodePath(m[1]);
  const id = decodePath(m[2]);
  return film && id ? { film, id } : undefined;
}

/** `urn:marginalia:collection:<label>` for the whole export. */
export function collectionIri(label: string): string {
  return `${PREFIX}collection:${encodeSegment(label)}`;
}

function isAbsoluteHttpIri(s: string): boolean {
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(s);
}

/**
 * A web address reduced to what identifies the page, for matching an imported annotation's
 * source to a review's front matter: no fragment, no trailing slash, scheme and host in lower
 * case, `http` and `https` alike.
 */
export function normalizeSourceUrl(url: string): string {
  const m = /^(https?):\/\/([^/?#]+)([^#]*)/i.exec(url.trim());
  if (!m) return url.trim();
  let rest = m[3];
  if (rest.endsWith('/')) rest = rest.slice(0, -1);
  return `http://${m[2].toLowerCase()}${rest}`;
}
