// Owns the MentionIndex for the workspace and keeps it in step with the files and with
// unsaved edits: a changed review is re-read alone; a lexicon change rebuilds only its film.

import * as vscode from 'vscode';
import { discoverFilms, isLexiconPath } from '../core/corpus';
import { FileProblem, loadCorpus, readTextFile } from '../core/corpusLoader';
import { dirnameUri as dirname } from '../core/model/uri';
import { parseLexicon } from '../core/lexicon/parseLexicon';
import type { Lexicon } from '../core/lexicon/lexicon';
import { MentionIndex, type IndexedReview } from '../core/mentionIndex';
import { isReviewPath } from '../core/review';
import { toPath } from './locations';
import { WorkspaceFileHost } from './workspaceHost';

export interface CorpusChange {
  /** Review paths whose mentions changed; undefined when anything may have changed. */
  reviews?: string[];
  /** The change came from the file on disk (another program, git), not from typing in an editor. */
  fromDisk?: boolean;
}

export class CorpusService implements vscode.Disposable {
  readonly index = new MentionIndex();
  readonly host = new WorkspaceFileHost();
  private readonly changeEmitter = new vscode.EventEmitter<CorpusChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly lexiconEmitter = new vscode.EventEmitter<Lexicon>();
  /** Fires with each (re)parsed lexicon, for diagnostics. */
  readonly onDidLoadLexicon = this.lexiconEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.lexiconEmitter];
  /** Document version each open review was indexed at, so providers never read stale offsets. */
  private readonly indexedVersions = new Map<string, number>();
  private readonly problems: FileProblem[] = [];
  private readonly lexiconTimers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly ready: Promise<void>;

  constructor() {
    this.ready = this.load();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,txt,yaml}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.onFileChanged(uri)),
      watcher.onDidChange((uri) => this.onFileChanged(uri)),
      watcher.onDidDelete((uri) => this.onFileDeleted(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.onDocumentEdited(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.onDocumentClosed(doc)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
    );
  }

  private roots(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).map((f) => toPath(f.uri));
  }

  private async load(): Promise<void> {
    let done = false;
    let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
    let finish: () => void = () => undefined;
    // Only a slow load earns a notification.
    const timer = setTimeout(() => {
      if (done) return;
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Marginalia: indexing reviews' }, (p) => {
        progress = p;
        return new Promise<void>((resolve) => (finish = resolve));
      });
    }, 400);
    try {
      let last = 0;
      for (const root of this.roots()) {
        const result = await loadCorpus(this.host, root, this.index, { onProgress: (n, total) => {
          const pct = Math.floor((n / total) * 100);
          if (progress && pct > last) {
            progress.report({ increment: pct - last, message: `${n} of ${total}` });
            last = pct;
          }
        } });
        this.problems.push(...result.problems);
      }
      for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) this.onDocumentEdited(doc);
    } finally {
      done = true;
      clearTimeout(timer);
      finish();
    }
    for (const film of this.index.allFilms()) this.lexiconEmitter.fire(film.lexicon);
    await vscode.commands.executeCommand('setContext', 'marginalia.hasCorpus', this.index.allFilms().length > 0);
    await vscode.commands.executeCommand('setContext', 'marginalia.ready', true);
    this.changeEmitter.fire({});
  }

  async reload(): Promise<void> {
    for (const film of this.index.allFilms()) this.index.removeFilm(film.dir);
    this.indexedVersions.clear();
    this.problems.length = 0;
    await this.load();
  }

  loadProblems(): readonly FileProblem[] {
    return this.problems;
  }

  /** The indexed review behind a document, brought up to date with unsaved edits first. */
  reviewFor(document: vscode.TextDocument): IndexedReview | undefined {
    const path = toPath(document.uri);
    if (!isReviewPath(path)) return undefined;
    const film = this.index.filmFor(path);
    if (!film) return undefined;
    const indexed = film.reviews.get(path);
    if (indexed && this.indexedVersions.get(path) === document.version) return indexed;
    if (indexed && indexed.text === document.getText()) {
      this.indexedVersions.set(path, document.version);
      return indexed;
    }
    this.indexedVersions.set(path, document.version);
    return film.setReview(path, document.getText());
  }

  private onDocumentEdited(document: vscode.TextDocument) {
    const path = toPath(document.uri);
    if (isLexiconPath(path)) {
      this.scheduleLexicon(path, document.getText());
      return;
    }
    if (!this.index.filmFor(path) || !isReviewPath(path)) return;
    this.reviewFor(document);
    this.changeEmitter.fire({ reviews: [path] });
  }

  private onDocumentClosed(document: vscode.TextDocument) {
    // Closing without saving drops the edits: go back to what is on disk.
    const path = toPath(document.uri);
    this.indexedVersions.delete(path);
    if (this.index.review(path) || isLexiconPath(path)) void this.onFileChanged(document.uri);
  }

  private openDocument(path: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => toPath(d.uri) === path);
  }

  private scheduleLexicon(path: string, text: string) {
    clearTimeout(this.lexiconTimers.get(path));
    this.lexiconTimers.set(path, setTimeout(() => this.applyLexicon(path, text), 250));
  }

  private applyLexicon(path: string, text: string) {
    const isNew = !this.index.film(dirname(path));
    const lexicon = parseLexicon(path, text);
    this.index.setLexicon(lexicon);
    this.lexiconEmitter.fire(lexicon);
    if (isNew) void this.adoptNewFilm(dirname(path));
    else this.changeEmitter.fire({});
  }

  /** A film.yaml appeared: read the reviews that now belong to it. */
  private async adoptNewFilm(dir: string) {
    const found = await discoverFilms(this.host, dir);
    const film = this.index.film(dir);
    for (const f of found) {
      if (f.dir !== dir || !film) continue;
      for (const p of f.reviews) {
        const other = this.index.filmFor(p);
        if (other && other !== film) other.removeReview(p);
        try {
          film.setReview(p, this.openDocument(p)?.getText() ?? (await readTextFile(this.host, p)));
        } catch {
          /* unreadable files are reported on a full load */
        }
      }
    }
    await vscode.commands.executeCommand('setContext', 'marginalia.hasCorpus', true);
    this.changeEmitter.fire({});
  }

  private async onFileChanged(uri: vscode.Uri) {
    const path = toPath(uri);
    const open = this.openDocument(path);
    if (open?.isDirty) return; // the editor's unsaved text is what the reader sees
    if (isLexiconPath(path)) {
      try {
        this.applyLexicon(path, open?.getText() ?? (await readTextFile(this.host, path)));
      } catch {
        /* deleted again before we read it */
      }
      return;
    }
    if (!isReviewPath(path) || !this.index.filmFor(path)) return;
    try {
      const text = open?.getText() ?? (await readTextFile(this.host, path));
      const existing = this.index.review(path);
      if (existing && existing.text === text) return;
      this.index.setReview(path, text);
      this.changeEmitter.fire({ reviews: [path], fromDisk: !open });
    } catch {
      /* unreadable or gone */
    }
  }

  private onFileDeleted(uri: vscode.Uri) {
    const path = toPath(uri);
    if (isLexiconPath(path)) {
      this.index.removeFilm(dirname(path));
      void vscode.commands.executeCommand('setContext', 'marginalia.hasCorpus', this.index.allFilms().length > 0);
      this.changeEmitter.fire({});
      return;
    }
    if (this.index.removeReview(path)) this.changeEmitter.fire({ reviews: [path] });
  }

  dispose() {
    for (const t of this.lexiconTimers.values()) clearTimeout(t);
    this.disposables.forEach((d) => d.dispose());
  }
}
