// The one source of truth for the corpus: the MentionIndex, kept in step with the files on disk
// and with the live text of open editors (unsaved edits included). Every other part of the
// extension reads reviews from here; only this service listens to document edits. A changed review
// is re-read alone; a lexicon change rebuilds only its film; providers never re-index.

import * as vscode from 'vscode';
import { discoverFilms, isLexiconPath } from '../../core/corpus';
import { FileProblem, loadCorpus, readTextFile } from '../../core/corpusLoader';
import type { FileHost } from '../../core/host';
import type { Lexicon } from '../../core/lexicon/lexicon';
import { parseLexicon } from '../../core/lexicon/parseLexicon';
import { type IndexedReview, MentionIndex } from '../../core/mentionIndex';
import { dirnameUri, isUriUnder } from '../../core/model/uri';
import { isReviewPath } from '../../core/review';
import { toPath } from '../locations';

export interface CorpusChange {
  /** Reviews whose text or mentions changed, appeared or went away; undefined: anything (a full reload). */
  reviews?: string[];
  /** The change came from the file on disk (another program, git), not from typing in an editor. */
  fromDisk?: boolean;
  /** Typing in an editor: the review and the edits, in the order VS Code reported them. */
  edits?: { review: string; changes: readonly vscode.TextDocumentContentChangeEvent[] };
}

/** Longest stretch of indexing between two turns of the event loop. */
const LOAD_SLICE_MS = 15;

/** How often the views are shown the reviews read so far while the first load runs. */
const PROGRESS_SHOWN_EVERY_MS = 500;

export class CorpusService implements vscode.Disposable {
  readonly index = new MentionIndex();
  private readonly changeEmitter = new vscode.EventEmitter<CorpusChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly lexiconEmitter = new vscode.EventEmitter<Lexicon>();
  /** Fires with each (re)parsed lexicon, for diagnostics. */
  readonly onDidLoadLexicon = this.lexiconEmitter.event;
  private readonly progressEmitter = new vscode.EventEmitter<void>();
  /**
   * Fires now and then while the first load fills the (empty) index in place, so the views can
   * show the films and reviews read so far; the full change event still comes at the end.
   */
  readonly onDidProgress = this.progressEmitter.event;
  /** While a load that fills the index in place runs: how many reviews each film folder holds. */
  private readonly expected = new Map<string, number>();
  private readonly problemsEmitter = new vscode.EventEmitter<readonly FileProblem[]>();
  /** Fires with the current list of unreadable files after every load and file change. */
  readonly onDidChangeProblems = this.problemsEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.lexiconEmitter, this.problemsEmitter, this.progressEmitter];
  /** Document version each open review was indexed at. */
  private readonly indexedVersions = new Map<string, number>();
  private readonly problems = new Map<string, FileProblem>();
  private readonly lexiconTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Each load gets a number; a load overtaken by a newer one stops and changes nothing more. */
  private generation = 0;
  private loading?: vscode.CancellationTokenSource;
  private firstLoad: Promise<void>;

  constructor(readonly host: FileHost) {
    this.firstLoad = this.load();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,txt,yaml}');
    // A deleted folder is one event for the folder, whose name matches no file glob.
    const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      watcher,
      deletions,
      deletions.onDidDelete((uri) => this.onFileDeleted(uri)),
      watcher.onDidCreate((uri) => void this.onFileChanged(uri)),
      watcher.onDidChange((uri) => void this.onFileChanged(uri)),
      watcher.onDidDelete((uri) => this.onFileDeleted(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.onDocumentEdited(e.document, e.contentChanges);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.onDocumentClosed(doc)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
    );
  }

  /** Resolves when the latest (re)load of the workspace has finished. */
  get ready(): Promise<void> {
    return this.firstLoad;
  }

  /** How many reviews a film will have once the load under way has read them all (undefined: no such load). */
  expectedReviews(dir: string): number | undefined {
    return this.expected.get(dir);
  }

  /** How many films the load under way has found (0: no such load). */
  expectedFilms(): number {
    return this.expected.size;
  }

  /** How many reviews all films will have once the load under way has read them (0: no such load). */
  expectedReviewsInAllFilms(): number {
    let n = 0;
    for (const count of this.expected.values()) n += count;
    return n;
  }

  private roots(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).map((f) => toPath(f.uri));
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    this.loading?.cancel();
    const cancel = (this.loading = new vscode.CancellationTokenSource());
    const current = () => generation === this.generation;
    let done = false;
    let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
    let finish: () => void = () => undefined;
    // Only a slow load earns a notification; it can be cancelled from there.
    const timer = setTimeout(() => {
      if (done) return;
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Marginalia: indexing reviews', cancellable: true }, (p, token) => {
        progress = p;
        token.onCancellationRequested(() => cancel.cancel());
        return new Promise<void>((resolve) => (finish = resolve));
      });
    }, 400);
    // Nothing to show yet (the first load): fill the index in place, so the views show films and
    // reviews as they are read. Otherwise build a new one and swap it in at the end, so readers
    // never see a half-built corpus.
    this.expected.clear(); // a load this one overtakes counted for itself
    const inPlace = this.index.allFilms().length === 0;
    const index = inPlace ? this.index : new MentionIndex();
    const problems: FileProblem[] = [];
    let lastShown = 0;
    const show = () => {
      lastShown = Date.now();
      if (!current()) return;
      void vscode.commands.executeCommand('setContext', 'marginalia.hasCorpus', this.expected.size > 0);
      this.progressEmitter.fire();
    };
    try {
      let last = 0;
      for (const root of this.roots()) {
        const result = await loadCorpus(this.host, root, index, {
          signal: cancel.token,
          // Typing and hovers wait at most one slice (plus one review) while a large corpus loads.
          sliceMs: LOAD_SLICE_MS,
          onDiscovered: (films) => {
            if (!inPlace || !current()) return;
            for (const f of films) this.expected.set(f.dir, f.reviews);
            show();
          },
          onProgress: (n, total) => {
            const pct = Math.floor((n / total) * 100);
            if (progress && pct > last) {
              progress.report({ increment: pct - last, message: `${n} of ${total}` });
              last = pct;
            }
            if (inPlace && Date.now() - lastShown >= PROGRESS_SHOWN_EVERY_MS) show();
          },
        });
        problems.push(...result.problems);
      }
    } catch (e) {
      if (!cancel.token.isCancellationRequested) throw e;
    } finally {
      done = true;
      clearTimeout(timer);
      finish();
      cancel.dispose();
      if (inPlace && current()) this.expected.clear();
    }
    if (!current()) return;
    if (!inPlace) {
      for (const film of this.index.allFilms()) this.index.removeFilm(film.dir);
      for (const film of index.allFilms()) this.index.adoptFilm(film);
    }
    this.indexedVersions.clear();
    this.problems.clear();
    for (const p of problems) this.problems.set(p.file, p);
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) this.onDocumentEdited(doc, [], false);
    for (const film of this.index.allFilms()) this.lexiconEmitter.fire(film.lexicon);
    this.problemsEmitter.fire([...this.problems.values()]);
    await vscode.commands.executeCommand('setContext', 'marginalia.hasCorpus', this.index.allFilms().length > 0);
    await vscode.commands.executeCommand('setContext', 'marginalia.ready', true);
    this.changeEmitter.fire({});
  }

  /** Reads the whole workspace again; an earlier reload still running is cancelled. */
  reload(): Promise<void> {
    this.firstLoad = this.load();
    return this.firstLoad;
  }

  /**
   * Reads these files again now, as their watcher events would (after the extension itself wrote
   * them, so a command that follows sees them without waiting for the watcher).
   */
  async refreshFiles(uris: readonly string[]): Promise<void> {
    for (const uri of uris) await this.onFileChanged(vscode.Uri.parse(uri, true));
  }

  loadProblems(): readonly FileProblem[] {
    return [...this.problems.values()];
  }

  /** The indexed review at a URI (its live text when open in an editor). */
  review(uri: string): IndexedReview | undefined {
    return this.index.review(uri);
  }

  /** The indexed review behind a document, if the index holds this very version of its text. */
  reviewFor(document: vscode.TextDocument): IndexedReview | undefined {
    const uri = toPath(document.uri);
    if (!isReviewPath(uri)) return undefined;
    const indexed = this.index.review(uri);
    if (!indexed) return undefined;
    if (this.indexedVersions.get(uri) === document.version) return indexed;
    // Not open when indexed (or reopened since): the index holds the disk text; same text, same review.
    if (indexed.text === document.getText()) {
      this.indexedVersions.set(uri, document.version);
      return indexed;
    }
    return undefined;
  }

  private onDocumentEdited(document: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[], notify = true): void {
    const uri = toPath(document.uri);
    if (isLexiconPath(uri)) {
      this.scheduleLexicon(uri, document.getText());
      return;
    }
    const film = this.index.filmFor(uri);
    if (!film || !isReviewPath(uri)) return;
    film.setReview(uri, document.getText());
    this.indexedVersions.set(uri, document.version);
    if (notify) this.changeEmitter.fire({ reviews: [uri], edits: { review: uri, changes } });
  }

  private onDocumentClosed(document: vscode.TextDocument): void {
    // Closing without saving drops the edits: go back to what is on disk.
    const uri = toPath(document.uri);
    this.indexedVersions.delete(uri);
    if (this.index.review(uri) || isLexiconPath(uri)) void this.onFileChanged(document.uri);
  }

  private openDocument(uri: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => toPath(d.uri) === uri);
  }

  private scheduleLexicon(uri: string, text: string): void {
    clearTimeout(this.lexiconTimers.get(uri));
    // Applied only if the edited film.yaml is still open by then (closed unsaved, or deleted with
    // its folder, it must not bring the film back).
    this.lexiconTimers.set(uri, setTimeout(() => this.openDocument(uri) && void this.applyLexicon(uri, text), 250));
  }

  private async applyLexicon(uri: string, text: string): Promise<void> {
    const dir = dirnameUri(uri);
    const isNew = !this.index.film(dir);
    const lexicon = parseLexicon(uri, text);
    const film = this.index.setLexicon(lexicon);
    this.lexiconEmitter.fire(lexicon);
    if (!isNew) {
      this.changeEmitter.fire({ reviews: film.orderedReviews().map((r) => r.path) });
      return;
    }
    // A film.yaml appeared: the reviews below it now belong to it (and leave any film above).
    const adopted: string[] = [];
    for (const found of await discoverFilms(this.host, dir)) {
      if (found.dir !== dir || this.index.film(dir) !== film) continue;
      for (const review of found.reviews) {
        const other = this.index.filmFor(review);
        if (other && other !== film) other.removeReview(review);
        try {
          film.setReview(review, this.openDocument(review)?.getText() ?? (await readTextFile(this.host, review)));
          adopted.push(review);
        } catch (e) {
          if (e instanceof FileProblem) this.problems.set(e.file, e);
        }
      }
    }
    this.problemsEmitter.fire([...this.problems.values()]);
    await vscode.commands.executeCommand('setContext', 'marginalia.hasCorpus', true);
    this.changeEmitter.fire({ reviews: adopted, fromDisk: true });
  }

  /** Counts delete events, so a read that was under way when its file went can tell. */
  private deletions = 0;

  /** After an await: the file may have been deleted meanwhile (a read must not bring it back). */
  private async goneSince(uri: string, deletionsBefore: number): Promise<boolean> {
    return this.deletions !== deletionsBefore && !(await this.host.stat(uri));
  }

  private async onFileChanged(fileUri: vscode.Uri): Promise<void> {
    const uri = toPath(fileUri);
    const open = this.openDocument(uri);
    if (open?.isDirty) return; // the editor's unsaved text is what the reader sees
    const deletionsBefore = this.deletions;
    if (isLexiconPath(uri)) {
      try {
        const text = open?.getText() ?? (await readTextFile(this.host, uri));
        if (await this.goneSince(uri, deletionsBefore)) return;
        await this.applyLexicon(uri, text);
      } catch {
        /* deleted again before we read it */
      }
      return;
    }
    if (!isReviewPath(uri) || !this.index.filmFor(uri)) return;
    try {
      const text = open?.getText() ?? (await readTextFile(this.host, uri));
      if (await this.goneSince(uri, deletionsBefore)) return;
      const hadProblem = this.problems.delete(uri);
      if (hadProblem) this.problemsEmitter.fire([...this.problems.values()]);
      const existing = this.index.review(uri);
      if (existing && existing.text === text) return;
      this.index.setReview(uri, text);
      if (open) this.indexedVersions.set(uri, open.version);
      this.changeEmitter.fire({ reviews: [uri], fromDisk: !open });
    } catch (e) {
      if (e instanceof FileProblem) {
        this.problems.set(uri, e);
        this.problemsEmitter.fire([...this.problems.values()]);
      }
    }
  }

  private onFileDeleted(fileUri: vscode.Uri): void {
    this.deletions++;
    const uri = toPath(fileUri);
    for (const [lexicon, timer] of this.lexiconTimers) {
      if (lexicon === uri || isUriUnder(lexicon, uri)) {
        clearTimeout(timer);
        this.lexiconTimers.delete(lexicon);
      }
    }
    if (this.problems.delete(uri)) this.problemsEmitter.fire([...this.problems.values()]);
    if (isLexiconPath(uri)) {
      const film = this.index.film(dirnameUri(uri));
      if (!film) return;
      const gone = film.orderedReviews().map((r) => r.path);
      this.index.removeFilm(film.dir);
      // Its reviews may belong to a film further up: reading them again puts them there.
      for (const review of gone) if (this.index.filmFor(review)) void this.onFileChanged(vscode.Uri.parse(review, true));
      void vscode.commands.executeCommand('setContext', 'marginalia.hasCorpus', this.index.allFilms().length > 0);
      this.changeEmitter.fire({ reviews: gone, fromDisk: true });
      return;
    }
    // A deleted folder arrives as one event: every film and review below it goes.
    const films = this.index.allFilms().filter((f) => f.dir === uri || isUriUnder(f.dir, uri));
    for (const film of films) this.index.removeFilm(film.dir);
    if (films.length) void vscode.commands.executeCommand('setContext', 'marginalia.hasCorpus', this.index.allFilms().length > 0);
    const removed = films.flatMap((f) => f.orderedReviews().map((r) => r.path));
    removed.push(...this.index
      .allFilms()
      .flatMap((f) => f.orderedReviews().map((r) => r.path))
      .filter((r) => r === uri || isUriUnder(r, uri)));
    for (const r of removed) this.index.removeReview(r);
    if (removed.length) this.changeEmitter.fire({ reviews: removed, fromDisk: true });
  }

  dispose(): void {
    this.loading?.cancel();
    for (const t of this.lexiconTimers.values()) clearTimeout(t);
    this.disposables.forEach((d) => d.dispose());
  }
}
