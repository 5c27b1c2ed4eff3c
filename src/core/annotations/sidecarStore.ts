// Reads and writes annotation sidecars through a FileHost, with the safety rules of
// docs/sidecar-format.md: a file that does not parse is never overwritten; writes go to a temp
// file renamed into place; a sidecar changed on disk since it was read is re-read and the one
// change being made is applied to the new version (or refused), never clobbered; annotations
// whose passage cannot be found are kept as orphans, never deleted or moved.

import type { FileHost } from '../host';
import { FileRefusedError, refusalFor, replaceFile } from '../files/safeWrite';
import { newAnnotationId, sha256Hex } from '../model/ids';
import { basenameUri, dirnameUri, relativeUriPath, resolveUriPath } from '../model/uri';
import type { Mention } from '../mentions/types';
import { decodeText, encodeText } from '../text';
import { makeTarget, reanchor, type ReanchorOptions } from './anchoring';
import type { AnchorResult, Annotation, AnnotationLink, Sidecar, SidecarError, SidecarMention } from './model';
import { SIDECAR_VERSION } from './model';
import { keepDisplaced, messageOf, pauseBeforeRetry, readSidecarFile } from './sidecarFile';
import { parseSidecar, renderSidecar, sidecarUriFor, textHash } from './sidecarFormat';

export { sidecarUriFor } from './sidecarFormat';

/** One change to a sidecar's annotations, applied to whatever version is on disk at write time. */
export type AnnotationChange =
  | { op: 'add'; annotation: Annotation }
  | { op: 'update'; id: string; tags?: string[]; note?: string; start?: number; end?: number }
  | { op: 'delete'; id: string }
  | { op: 'link'; id: string; link: AnnotationLink }
  | { op: 'unlink'; id: string; link: AnnotationLink };

export interface WriteOutcome {
  review: string;
  sidecar: string;
  status: 'written' | 'unchanged' | 'failed';
  errors: SidecarError[];
  /** Annotations left orphaned by this write (their passage was not found). */
  orphans: number;
  /** How each annotation was anchored against the text, by id. */
  anchors: Record<string, AnchorResult>;
  /** The sidecar had changed on disk since this store read it; the change went onto that version. */
  merged: boolean;
  /** The id of an added annotation. */
  id?: string;
}

export interface LoadResult {
  sidecar?: Sidecar;
  errors: SidecarError[];
}

export interface AnnotationDraft {
  start: number;
  end: number;
  tags: string[];
  note: string;
}

export interface SidecarStoreOptions {
  /** Clock for created/modified (tests pin it). */
  now?: () => Date;
  /** Proposes a new id; retried until unique within the file. Default: 6 hex digits, a letter first. */
  newId?: () => string;
  reanchor?: ReanchorOptions;
}

/** Thrown by the one-annotation operations when the sidecar could not be written. */
export class SidecarWriteError extends Error {
  constructor(readonly outcome: WriteOutcome) {
    super(outcome.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('\n') || 'sidecar not written');
  }
}

/** Attempts when the file keeps changing under us between reading and renaming into place. */
const MAX_ATTEMPTS = 8;

export class SidecarStore {
  /** sha256 of each sidecar's bytes as this store last read or wrote them ('' = no file). */
  private readonly seen = new Map<string, string>();
  /** Per-sidecar queue, so this store's own writes to one file never race each other. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly host: FileHost,
    private readonly options: SidecarStoreOptions = {},
  ) {}

  async load(reviewUri: string): Promise<LoadResult> {
    const path = sidecarUriFor(reviewUri);
    const disk = await readSidecarFile(this.host, path);
    if (disk.errors.length > 0) return { errors: disk.errors };
    this.seen.set(path, disk.hash);
    return { sidecar: disk.parsed?.sidecar, errors: [] };
  }

  /**
   * Writes a review's sidecar: applies `change` (if any) to the version on disk, re-anchors every
   * annotation against `reviewText`, regenerates mentions (when given; otherwise keeps those still
   * true of the text), and renames a temp file into place. Never throws for file problems.
   */
  write(reviewUri: string, reviewText: string, mentions?: readonly Mention[], change?: AnnotationChange): Promise<WriteOutcome> {
    const path = sidecarUriFor(reviewUri);
    const run = (this.queues.get(path) ?? Promise.resolve()).then(() => this.writeNow(reviewUri, reviewText, mentions, change));
    const settled = run.catch(() => undefined);
    this.queues.set(path, settled);
    void settled.then(() => this.queues.get(path) === settled && this.queues.delete(path));
    return run;
  }

  async addAnnotation(reviewUri: string, reviewText: string, draft: AnnotationDraft): Promise<string> {
    const now = this.now();
    const annotation: Annotation = {
      id: '',
      tags: [...draft.tags],
      note: draft.note,
      target: makeTarget(reviewText, draft.start, draft.end),
      links: [],
      created: now,
      modified: now,
    };
    const outcome = await this.write(reviewUri, reviewText, undefined, { op: 'add', annotation });
    if (outcome.status === 'failed' || !outcome.id) throw new SidecarWriteError(outcome);
    return outcome.id;
  }

  async updateAnnotation(reviewUri: string, reviewText: string, id: string, patch: { tags?: string[]; note?: string; start?: number; end?: number }): Promise<WriteOutcome> {
    return this.checked(this.write(reviewUri, reviewText, undefined, { op: 'update', id, ...patch }));
  }

  /** Deletes an annotation, and (best effort) the links other annotations hold to it. */
  async deleteAnnotation(reviewUri: string, id: string): Promise<WriteOutcome> {
    const before = (await this.peek(reviewUri)).sidecar?.annotations.find((a) => a.id === id);
    const outcome = await this.checked(this.writeWithSavedText(reviewUri, { op: 'delete', id }));
    for (const link of before?.links ?? []) {
      const other = resolveUriPath(dirnameUri(reviewUri), link.review);
      const back = { review: relativeReview(other, reviewUri), id };
      if ((await this.peek(other)).sidecar?.annotations.some((a) => a.id === link.id)) {
        await this.writeWithSavedText(other, { op: 'unlink', id: link.id, link: back });
      }
    }
    return outcome;
  }

  /** Links two annotations; both sidecars record it, or (on failure) neither does. */
  async linkAnnotations(reviewA: string, idA: string, reviewB: string, idB: string): Promise<WriteOutcome[]> {
    if (reviewA === reviewB && idA === idB) throw new Error(`cannot link annotation ${idA} to itself`);
    for (const [review, id] of [[reviewA, idA], [reviewB, idB]]) {
      const { sidecar, errors } = await this.peek(review);
      if (errors.length > 0 || !sidecar?.annotations.some((a) => a.id === id)) {
        throw new SidecarWriteError(this.failure(review, errors.length > 0 ? errors : [this.error(review, `no annotation "${id}"`)]));
      }
    }
    const toB = { review: relativeReview(reviewA, reviewB), id: idB };
    const toA = { review: relativeReview(reviewB, reviewA), id: idA };
    const first = await this.checked(this.writeWithSavedText(reviewA, { op: 'link', id: idA, link: toB }));
    const second = await this.writeWithSavedText(reviewB, { op: 'link', id: idB, link: toA });
    if (second.status === 'failed') {
      await this.writeWithSavedText(reviewA, { op: 'unlink', id: idA, link: toB });
      throw new SidecarWriteError(second);
    }
    return [first, second];
  }

  // --- internals -----------------------------------------------------------------------------

  /** Like load, but without taking this as the version the next write merges against. */
  private async peek(reviewUri: string): Promise<LoadResult> {
    const disk = await readSidecarFile(this.host, sidecarUriFor(reviewUri));
    return disk.errors.length > 0 ? { errors: disk.errors } : { sidecar: disk.parsed?.sidecar, errors: [] };
  }

  private async writeNow(reviewUri: string, reviewText: string, mentions: readonly Mention[] | undefined, change: AnnotationChange | undefined): Promise<WriteOutcome> {
    try {
      return await this.tryWrite(reviewUri, reviewText, mentions, change);
    } catch (e) {
      // A host failure (permissions, disk full, a vanished folder): report it, the old file stays.
      return this.failure(reviewUri, [this.error(reviewUri, `could not write ${basenameUri(sidecarUriFor(reviewUri))}: ${e instanceof Error ? e.message : String(e)}`)]);
    }
  }

  private async tryWrite(reviewUri: string, reviewText: string, mentions: readonly Mention[] | undefined, change: AnnotationChange | undefined): Promise<WriteOutcome> {
    const path = sidecarUriFor(reviewUri);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const disk = await readSidecarFile(this.host, path);
      if (disk.errors.length > 0) return this.failure(reviewUri, disk.errors); // never overwrite what does not parse
      // Refused before any work: a read-only file, or a link (replacing it would cut the link).
      const refusal = refusalFor(basenameUri(path), disk.stat);
      if (refusal) return this.failure(reviewUri, [this.error(reviewUri, `${refusal}; not written`)]);
      const base = disk.parsed;
      const merged = this.seen.has(path) && this.seen.get(path) !== disk.hash;
      const sidecar: Sidecar = base?.sidecar ?? emptySidecar();
      let id: string | undefined;
      try {
        id = change ? this.apply(sidecar, change, reviewText) : undefined;
      } catch (e) {
        const why = merged ? ` (${basenameUri(path)} was changed on disk since Marginalia read it; the change was not applied)` : '';
        return { ...this.failure(reviewUri, [this.error(reviewUri, `${e instanceof Error ? e.message : String(e)}${why}`)]), merged };
      }
      const anchors = this.reanchorAll(sidecar, reviewText);
      sidecar.version = SIDECAR_VERSION;
      sidecar.review = basenameUri(reviewUri);
      sidecar.textHash = await textHash(reviewText);
      sidecar.mentions = mentions ? mentions.map(toSidecarMention) : sidecar.mentions.filter((m) => reviewText.slice(m.start, m.end) === m.text);
      const rendered = renderSidecar(sidecar, base?.document, true); // the Document is this attempt's own
      const outcome = (status: WriteOutcome['status']): WriteOutcome => ({
        review: reviewUri,
        sidecar: path,
        status,
        errors: [],
        orphans: sidecar.annotations.filter((a) => a.orphan).length,
        anchors,
        merged,
        ...(id ? { id } : {}),
      });
      if (disk.text === rendered) {
        this.seen.set(path, disk.hash);
        return outcome('unchanged');
      }
      // A guard against our own bugs: what we write must read back as what we meant.
      const check = parseSidecar(rendered, path);
      if (check.errors.length > 0) return this.failure(reviewUri, check.errors.map((e) => ({ ...e, message: `internal error, not written: ${e.message}` })));

      const bytes = encodeText(rendered);
      // Compare-and-swap: replaced only if the file is still the version read above; if it
      // changed while we worked, start over from the new version (the change and the
      // re-anchoring are applied again to it).
      let replaced: boolean;
      let displaced: Uint8Array | undefined;
      try {
        replaced = await replaceFile(this.host, path, bytes, { expect: disk.version ?? 'absent', onDisplaced: (b) => (displaced = b) });
      } catch (e) {
        if (e instanceof FileRefusedError) return this.failure(reviewUri, [this.error(reviewUri, `${e.message}; not written`)]);
        return this.failure(reviewUri, [this.error(reviewUri, `could not replace ${basenameUri(path)}: ${messageOf(e)}`)]);
      }
      if (!replaced) {
        await pauseBeforeRetry(attempt);
        continue;
      }
      this.seen.set(path, await sha256Hex(bytes));
      // Ours is in place, but an editor's in-place save landed in the file it replaced: kept aside.
      if (displaced) return { ...outcome('written'), errors: [await keepDisplaced(this.host, path, displaced)] };
      return outcome('written');
    }
    return this.failure(reviewUri, [this.error(reviewUri, `${basenameUri(path)} kept changing on disk while Marginalia was writing it; nothing was written, try again`)]);
  }

  /** Applies one change to the model; returns the id of an added annotation. Throws when it cannot apply. */
  private apply(sidecar: Sidecar, change: AnnotationChange, text: string): string | undefined {
    if (change.op === 'add') {
      const ids = new Set(sidecar.annotations.map((a) => a.id));
      let id = change.annotation.id;
      for (let i = 0; !id || ids.has(id); i++) {
        if (i > 1000) throw new Error('could not find a free annotation id');
        id = (this.options.newId ?? newAnnotationId)();
      }
      sidecar.annotations.push({ ...change.annotation, id });
      return id;
    }
    const index = sidecar.annotations.findIndex((a) => a.id === change.id);
    if (index === -1) throw new Error(`no annotation "${change.id}" in the sidecar`);
    const a = sidecar.annotations[index];
    switch (change.op) {
      case 'delete':
        sidecar.annotations.splice(index, 1);
        return undefined;
      case 'update':
        if (change.tags) a.tags = [...change.tags];
        if (change.note !== undefined) a.note = change.note;
        if (change.start !== undefined || change.end !== undefined) {
          // A new passage; an end not given stays where the annotation is now (or was, if orphaned).
          const now = reanchor(text, a.target, this.options.reanchor);
          const current = now.kind === 'orphan' ? a.target : now;
          a.target = makeTarget(text, change.start ?? current.start, change.end ?? current.end);
          delete a.orphan;
        }
        break;
      case 'link':
        if (a.links.some((l) => l.review === change.link.review && l.id === change.link.id)) return undefined;
        a.links.push({ ...change.link });
        break;
      case 'unlink':
        a.links = a.links.filter((l) => !(l.review === change.link.review && l.id === change.link.id));
        break;
    }
    a.modified = this.now();
    return undefined;
  }

  /** Re-anchors every annotation: found ones get a fresh target there; the rest become orphans, untouched. */
  private reanchorAll(sidecar: Sidecar, text: string): Record<string, AnchorResult> {
    const anchors: Record<string, AnchorResult> = {};
    for (const a of sidecar.annotations) {
      const found = reanchor(text, a.target, this.options.reanchor);
      anchors[a.id] = found;
      if (found.kind === 'orphan') {
        a.orphan = true; // keep quote and offsets as they were: they are what a person needs to re-attach it
      } else {
        a.target = makeTarget(text, found.start, found.end);
        delete a.orphan;
      }
    }
    return anchors;
  }

  private async writeWithSavedText(reviewUri: string, change: AnnotationChange): Promise<WriteOutcome> {
    let text: string;
    try {
      text = decodeText(await this.host.readFile(reviewUri));
    } catch (e) {
      return this.failure(reviewUri, [{ file: reviewUri, line: 1, column: 1, message: `cannot read the review: ${e instanceof Error ? e.message : String(e)}` }]);
    }
    return this.write(reviewUri, text, undefined, change);
  }

  private async checked(outcome: Promise<WriteOutcome>): Promise<WriteOutcome> {
    const o = await outcome;
    if (o.status === 'failed') throw new SidecarWriteError(o);
    return o;
  }

  private failure(reviewUri: string, errors: SidecarError[]): WriteOutcome {
    return { review: reviewUri, sidecar: sidecarUriFor(reviewUri), status: 'failed', errors, orphans: 0, anchors: {}, merged: false };
  }

  private error(reviewUri: string, message: string): SidecarError {
    return { file: sidecarUriFor(reviewUri), line: 1, column: 1, message };
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}

function emptySidecar(): Sidecar {
  return { version: SIDECAR_VERSION, review: '', textHash: '', annotations: [], mentions: [] };
}

function toSidecarMention(m: Mention): SidecarMention {
  return { entity: m.entity, kind: m.kind, start: m.start, end: m.end, text: m.text };
}

/** How review `to` is written in a link held by review `from`: relative to from's folder. */
function relativeReview(from: string, to: string): string {
  return relativeUriPath(dirnameUri(from), to);
}
