// The one source of truth for annotations in the editor: loaded from the sidecars, anchored against
// the live text the CorpusService holds (unsaved edits included), moved along with edits as they are
// typed, and written back through the core's SidecarStore, the only place that touches sidecars.

import * as vscode from 'vscode';
import { reanchor } from '../../core/annotations/anchoring';
import type { Annotation, MergeConflict, SidecarError } from '../../core/annotations/model';
import { type AnnotationDraft, SidecarStore, sidecarUriFor } from '../../core/annotations/sidecarStore';
import { moveThroughEdit } from '../../core/annotations/passageEdits';
import { dirnameUri, resolveUriPath } from '../../core/model/uri';
import type { CorpusService } from './corpusService';
import { toPath } from '../locations';

export interface LiveAnnotation {
  review: string;
  annotation: Annotation;
  /** Other places the passage could equally be (a look-alike pasted beside it): flagged, not decided silently. */
  ambiguous?: Array<{ start: number; end: number }>;
  /** Where the passage is in the current text; for an orphan, its last known place (clamped). */
  start: number;
  end: number;
  orphan: boolean;
}

export interface ReviewAnnotations {
  review: string;
  sidecar: string;
  annotations: LiveAnnotation[];
  /** Problems reading the sidecar: it is then left alone, never overwritten. */
  errors: SidecarError[];
  /** Top-level keys of your own that a git merge could not settle (annotations hold their own). */
  conflicts: MergeConflict[];
}


export class AnnotationService implements vscode.Disposable {
  readonly store: SidecarStore;
  private readonly byReview = new Map<string, ReviewAnnotations>();
  private readonly emitter = new vscode.EventEmitter<string | undefined>();
  /** Fires with the review whose annotations changed (undefined: any). */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Bumped by every full reload; a load started under an older number drops its result. */
  private generation = 0;
  /** Per review: the latest load's number, so an older load finishing late changes nothing. */
  private readonly loadTickets = new Map<string, number>();
  private tickets = 0;
  /** Per review: the latest load still running, which an overtaken load waits for. */
  private readonly latestLoads = new Map<string, Promise<ReviewAnnotations>>();
  private loaded: Promise<void>;

  constructor(private readonly corpus: CorpusService) {
    this.store = new SidecarStore(corpus.host);
    this.loaded = corpus.ready.then(() => this.loadAll());
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.reloadForSidecar(uri)),
      watcher.onDidChange((uri) => void this.reloadForSidecar(uri)),
      watcher.onDidDelete((uri) => void this.reloadForSidecar(uri)),
      vscode.workspace.onDidSaveTextDocument((doc) => void this.onReviewSaved(doc)),
      corpus.onDidChange((change) => {
        if (change.edits) return this.followEdits(change.edits.review, change.edits.changes);
        if (!change.reviews) {
          this.loaded = this.loadAll();
          return;
        }
        for (const review of change.reviews) {
          if (!this.corpus.review(review)) {
            if (this.byReview.delete(review)) this.emitter.fire(review);
          } else {
            // New to the corpus, or its text changed outside the editor: read the sidecar and find
            // each passage again from its quote and context.
            void this.load(review);
          }
        }
      }),
    );
  }

  /** Resolves when the annotations of the latest corpus load are loaded. */
  get ready(): Promise<void> {
    return this.corpus.ready.then(() => this.loaded);
  }

  all(): ReviewAnnotations[] {
    return [...this.byReview.values()];
  }

  forReview(review: string): ReviewAnnotations | undefined {
    return this.byReview.get(review);
  }

  find(review: string, id: string): LiveAnnotation | undefined {
    return this.byReview.get(review)?.annotations.find((a) => a.annotation.id === id);
  }

  at(review: string, offset: number): LiveAnnotation[] {
    return (this.byReview.get(review)?.annotations ?? []).filter((a) => !a.orphan && a.start <= offset && offset <= a.end);
  }

  /** The annotation a link points at (links hold the other review relative to this one's folder). */
  resolveLink(fromReview: string, link: { review: string; id: string }): LiveAnnotation | undefined {
    return this.find(resolveUriPath(dirnameUri(fromReview), link.review), link.id);
  }

  /** Annotations tagged with an entity id, across the corpus. */
  taggedWith(entityId: string): LiveAnnotation[] {
    return this.all().flatMap((r) => r.annotations.filter((a) => a.annotation.tags.includes(entityId)));
  }

  /** Every review's sidecar again, from scratch; an earlier full load still running is abandoned. */
  private async loadAll(): Promise<void> {
    const generation = ++this.generation;
    const reviews = this.corpus.index.allFilms().flatMap((f) => f.orderedReviews().map((r) => r.path));
    const fresh = new Map<string, ReviewAnnotations>();
    let slice = Date.now();
    for (const review of reviews) {
      // Sidecar reads may be synchronous (the Node host): let the event loop turn between slices.
      if (Date.now() - slice > 15) {
        await new Promise((r) => setTimeout(r, 0));
        slice = Date.now();
      }
      const entry = await this.read(review);
      if (generation !== this.generation) return;
      if (entry) fresh.set(review, entry);
    }
    this.byReview.clear();
    for (const [review, entry] of fresh) this.byReview.set(review, entry);
    this.emitter.fire(undefined);
  }

  /**
   * (Re)reads one review's sidecar and anchors it against the text the reader sees. Resolves once
   * the service holds what is on disk now: when a newer load of the review (a file watcher's, say)
   * overtakes this one, with that load's result; after a full reload that started meanwhile (and
   * may have read the sidecar before it changed), with a fresh read.
   */
  load(review: string, notify = true): Promise<ReviewAnnotations> {
    const run = this.loadOnce(review, notify);
    this.latestLoads.set(review, run);
    const forget = () => this.latestLoads.get(review) === run && this.latestLoads.delete(review);
    run.then(forget, forget);
    return run;
  }

  private async loadOnce(review: string, notify: boolean): Promise<ReviewAnnotations> {
    const ticket = ++this.tickets;
    this.loadTickets.set(review, ticket);
    const generation = this.generation;
    const entry = (await this.read(review)) ?? { review, sidecar: sidecarUriFor(review), annotations: [], errors: [], conflicts: [] };
    if (this.loadTickets.get(review) !== ticket) return (await this.latestLoads.get(review)) ?? this.byReview.get(review) ?? entry;
    if (generation !== this.generation) {
      await this.ready;
      if (this.loadTickets.get(review) !== ticket || !this.corpus.review(review)) return this.byReview.get(review) ?? entry;
      return this.loadOnce(review, notify);
    }
    this.loadTickets.delete(review);
    // A review renamed or deleted while its sidecar was being read is no longer in the corpus:
    // what was read belongs to nobody (kept, it would outlive the review for good).
    if (worthKeeping(entry) && this.corpus.review(review)) this.byReview.set(review, entry);
    else this.byReview.delete(review);
    if (notify) this.emitter.fire(review);
    return entry;
  }

  private async read(review: string): Promise<ReviewAnnotations | undefined> {
    const { sidecar, errors } = await this.store.load(review);
    const text = this.corpus.review(review)?.text;
    const annotations: LiveAnnotation[] = (sidecar?.annotations ?? []).map((annotation) => this.anchor(review, annotation, text));
    const entry: ReviewAnnotations = { review, sidecar: sidecarUriFor(review), annotations, errors, conflicts: sidecar?.conflicts ?? [] };
    return worthKeeping(entry) ? entry : undefined;
  }

  private anchor(review: string, annotation: Annotation, text: string | undefined): LiveAnnotation {
    const clamp = (n: number) => Math.max(0, Math.min(n, text?.length ?? n));
    if (text === undefined) return { review, annotation, start: annotation.target.start, end: annotation.target.end, orphan: !!annotation.orphan };
    const found = reanchor(text, annotation.target);
    if (found.kind === 'orphan') return { review, annotation, start: clamp(annotation.target.start), end: clamp(annotation.target.end), orphan: true };
    return { review, annotation, start: found.start, end: found.end, orphan: false, ...(found.ambiguous?.length ? { ambiguous: found.ambiguous } : {}) };
  }

  private async reloadForSidecar(uri: vscode.Uri): Promise<void> {
    const sidecar = toPath(uri);
    const review = this.corpus.index.filmFor(sidecar)?.orderedReviews().find((r) => sidecarUriFor(r.path) === sidecar);
    if (review) await this.load(review.path);
  }

  /** Moves annotations with the edits as they are typed, before anything is saved. */
  private followEdits(review: string, changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    const entry = this.byReview.get(review);
    if (!entry || changes.length === 0) return;
    // Applied from the end of the text backwards, so each change's offsets still hold.
    for (const change of [...changes].sort((x, y) => y.rangeOffset - x.rangeOffset)) {
      const from = change.rangeOffset;
      const to = from + change.rangeLength;
      for (const a of entry.annotations) {
        if (!a.orphan) moveThroughEdit(a, from, to, change.text.length);
      }
    }
    this.emitter.fire(review);
  }

  private async onReviewSaved(doc: vscode.TextDocument): Promise<void> {
    const review = toPath(doc.uri);
    if (this.byReview.get(review)?.annotations.length) await this.write(review);
  }

  /** Writes one review's sidecar: mentions regenerated, annotations re-anchored, the rest kept. */
  async write(review: string) {
    const indexed = this.corpus.review(review);
    const outcome = await this.store.write(review, indexed?.text ?? '', indexed?.mentions ?? []);
    await this.load(review);
    return outcome;
  }

  async add(review: string, draft: AnnotationDraft): Promise<string> {
    const id = await this.store.addAnnotation(review, this.textOf(review), draft);
    await this.load(review);
    return id;
  }

  async update(review: string, id: string, change: { tags?: string[]; note?: string; start?: number; end?: number }): Promise<void> {
    await this.store.updateAnnotation(review, this.textOf(review), id, change);
    await this.load(review);
  }

  async delete(review: string, id: string): Promise<void> {
    await this.store.deleteAnnotation(review, id);
    await this.load(review);
  }

  async link(a: { review: string; id: string }, b: { review: string; id: string }): Promise<void> {
    await this.store.linkAnnotations(a.review, a.id, b.review, b.id);
    await this.load(a.review);
    if (b.review !== a.review) await this.load(b.review);
  }

  private textOf(review: string): string {
    const text = this.corpus.review(review)?.text;
    if (text === undefined) throw new Error(`${review} is not a review of the corpus`);
    return text;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** A sidecar with nothing to show (no annotations, problems or conflicts) is not kept. */
function worthKeeping(entry: ReviewAnnotations): boolean {
  return entry.annotations.length > 0 || entry.errors.length > 0 || entry.conflicts.length > 0;
}
