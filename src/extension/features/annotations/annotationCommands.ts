// Annotation commands. Each takes its arguments as a plain object, so tests and other extensions
// can call it without the UI; without arguments it asks, starting from the editor's selection.

import * as vscode from 'vscode';
import type { Entity } from '../../../core/lexicon/lexicon';
import { KIND_LABEL } from '../../../core/lexicon/lexicon';
import { labelOfPath } from '../../../core/review';
import type { AnnotationService, LiveAnnotation } from '../../services/annotationService';
import type { CorpusService } from '../../services/corpusService';
import { type Command, revealRange } from '../../commands';
import { SidecarWriteError } from '../../../core/annotations/sidecarStore';
import { toPath, toUri } from '../../locations';

interface AnnotationRef {
  review?: string | vscode.Uri;
  id?: string;
}

interface AnnotateArgs {
  review?: string | vscode.Uri;
  start?: number;
  end?: number;
  tags?: string[];
  note?: string;
}

function reviewPath(value: string | vscode.Uri | undefined): string | undefined {
  if (value instanceof vscode.Uri) return toPath(value);
  if (typeof value === 'string') return value.startsWith('/') ? toPath(vscode.Uri.file(value)) : value;
  const editor = vscode.window.activeTextEditor;
  return editor ? toPath(editor.document.uri) : undefined;
}

/** Shows why a sidecar could not be written, at its file:line:col, with a way to open it there. */
export async function reportWriteError(e: unknown): Promise<void> {
  if (!(e instanceof SidecarWriteError)) {
    void vscode.window.showErrorMessage(`Marginalia: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const first = e.outcome.errors[0];
  const where = first ? `${vscode.workspace.asRelativePath(toUri(first.file))}:${first.line}:${first.column}` : vscode.workspace.asRelativePath(toUri(e.outcome.sidecar));
  const choice = await vscode.window.showErrorMessage(`Marginalia could not save the annotation: ${where}: ${first?.message ?? 'not written'}`, 'Open Sidecar');
  if (choice === 'Open Sidecar') {
    const pos = new vscode.Position(Math.max(0, (first?.line ?? 1) - 1), Math.max(0, (first?.column ?? 1) - 1));
    await revealRange(toUri(first?.file ?? e.outcome.sidecar), new vscode.Range(pos, pos));
  }
}

/** Runs an annotation change; a sidecar that cannot be written is reported, not thrown as a generic failure. */
async function saving<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    void reportWriteError(e); // not awaited: the message waits for the reader, the command does not
    return undefined;
  }
}

export function annotationCommands(corpus: CorpusService, annotations: AnnotationService, output: vscode.OutputChannel): Command[] {
  /** The annotation named by args, or the one under the cursor (asking when several overlap). */
  async function pick(args: AnnotationRef | undefined): Promise<LiveAnnotation | undefined> {
    const review = reviewPath(args?.review);
    if (!review) return undefined;
    if (args?.id) return annotations.find(review, args.id);
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const here = annotations.at(review, editor.document.offsetAt(editor.selection.active));
    if (here.length <= 1) {
      if (here.length === 0) void vscode.window.showInformationMessage('Marginalia: there is no annotation at the cursor.');
      return here[0];
    }
    const chosen = await vscode.window.showQuickPick(here.map((a) => ({ label: a.annotation.note || a.annotation.target.quote, description: a.annotation.id, a })), { placeHolder: 'Which annotation?' });
    return chosen?.a;
  }

  async function askTags(review: string, start: number, end: number, current: string[]): Promise<string[] | undefined> {
    const film = corpus.index.filmFor(review);
    const inPassage = new Set((corpus.index.review(review)?.mentions ?? []).filter((m) => m.start < end && m.end > start).map((m) => m.entity));
    type Item = vscode.QuickPickItem & { tag: string };
    const entityItem = (e: Entity): Item => ({ label: e.name, description: KIND_LABEL[e.kind].toLowerCase(), detail: e.description, tag: e.id });
    const entities = [...(film?.lexicon.entities ?? [])].sort((a, b) => Number(inPassage.has(b.id)) - Number(inPassage.has(a.id)));
    const freeTags = current.filter((t) => !film?.entity(t));
    const base: Item[] = [...freeTags.map((t) => ({ label: `#${t}`, description: 'free tag', tag: t })), ...entities.map(entityItem)];
    const qp = vscode.window.createQuickPick<Item>();
    qp.canSelectMany = true;
    qp.title = 'Annotate: tags';
    qp.placeholder = 'Pick characters, people and themes; type a word and pick it to add a free tag';
    qp.items = base;
    qp.selectedItems = base.filter((i) => current.includes(i.tag) || (current.length === 0 && inPassage.has(i.tag)));
    qp.onDidChangeValue((value) => {
      const tag = value.trim().replace(/^#/, '');
      const extra = tag && !base.some((i) => i.tag === tag) ? [{ label: `#${tag}`, description: 'new free tag', tag, alwaysShow: true }] : [];
      const selected = qp.selectedItems;
      qp.items = [...extra, ...base];
      qp.selectedItems = selected;
    });
    return new Promise((resolve) => {
      qp.onDidAccept(() => {
        resolve(qp.selectedItems.map((i) => i.tag));
        qp.hide();
      });
      qp.onDidHide(() => {
        resolve(undefined);
        qp.dispose();
      });
      qp.show();
    });
  }

  /** An orphaned annotation of the review, asking when there are several. */
  async function pickOrphan(review: string | undefined): Promise<LiveAnnotation | undefined> {
    const orphans = review ? (annotations.forReview(review)?.annotations ?? []).filter((x) => x.orphan) : [];
    if (orphans.length === 0) {
      void vscode.window.showInformationMessage('Marginalia: this review has no orphaned annotation to re-anchor.');
      return undefined;
    }
    if (orphans.length === 1) return orphans[0];
    const items = orphans.map((o) => ({ label: `“${o.annotation.target.quote.replace(/\s+/g, ' ').slice(0, 70)}”`, description: o.annotation.id, detail: o.annotation.note, o }));
    return (await vscode.window.showQuickPick(items, { title: 'Re-anchor which orphaned annotation to the selection?' }))?.o;
  }

  const commands: Record<string, (...args: any[]) => unknown> = {
    'marginalia.annotateSelection': async (args?: AnnotateArgs) => {
      const review = reviewPath(args?.review);
      const editor = vscode.window.activeTextEditor;
      let start = args?.start;
      let end = args?.end;
      if ((start === undefined || end === undefined) && editor && review === toPath(editor.document.uri)) {
        start = editor.document.offsetAt(editor.selection.start);
        end = editor.document.offsetAt(editor.selection.end);
      }
      if (!review || !corpus.index.review(review)) {
        void vscode.window.showWarningMessage('Marginalia: open a review of the corpus and select a passage to annotate.');
        return undefined;
      }
      if (start === undefined || end === undefined || start >= end) {
        void vscode.window.showWarningMessage('Marginalia: select the passage to annotate first.');
        return undefined;
      }
      const tags = args?.tags ?? (await askTags(review, start, end, []));
      if (tags === undefined) return undefined;
      const note = args?.note ?? (await vscode.window.showInputBox({ title: 'Annotate: note', prompt: 'A note on this passage (optional)', placeHolder: 'What strikes you here?' }));
      if (note === undefined) return undefined;
      const id = await saving(() => annotations.add(review, { start, end, tags, note }));
      if (id) vscode.window.setStatusBarMessage(`Marginalia: annotation ${id} saved`, 3000);
      return id;
    },
    'marginalia.editAnnotation': async (args?: AnnotationRef & { tags?: string[]; note?: string }) => {
      const a = await pick(args);
      if (!a) return;
      const tags = args?.tags ?? (await askTags(a.review, a.start, a.end, a.annotation.tags));
      if (tags === undefined) return;
      const note = args?.note ?? (await vscode.window.showInputBox({ title: 'Edit annotation: note', value: a.annotation.note }));
      if (note === undefined) return;
      await saving(() => annotations.update(a.review, a.annotation.id, { tags, note }));
    },
    'marginalia.deleteAnnotation': async (args?: AnnotationRef & { confirm?: boolean }) => {
      const a = await pick(args);
      if (!a) return;
      if (args?.confirm !== false) {
        const ok = await vscode.window.showWarningMessage(`Delete annotation ${a.annotation.id}${a.annotation.note ? ` (“${a.annotation.note.slice(0, 40)}”)` : ''}?`, { modal: true }, 'Delete');
        if (ok !== 'Delete') return;
      }
      await saving(() => annotations.delete(a.review, a.annotation.id));
    },
    'marginalia.linkAnnotation': async (args?: AnnotationRef & { target?: { review: string; id: string } }) => {
      const a = await pick(args);
      if (!a) return;
      let target = args?.target ? annotations.find(reviewPath(args.target.review) ?? '', args.target.id) : undefined;
      if (!args?.target) {
        const items = annotations
          .all()
          .flatMap((r) => r.annotations)
          .filter((o) => !(o.review === a.review && o.annotation.id === a.annotation.id))
          .map((o) => ({
            label: o.annotation.target.quote.replace(/\s+/g, ' ').slice(0, 80),
            description: labelOfPath(corpus.index, o.review),
            detail: [o.annotation.note, o.annotation.tags.join(', ')].filter(Boolean).join(' — '),
            o,
          }));
        if (items.length === 0) {
          void vscode.window.showInformationMessage('Marginalia: there is no other annotation to link to yet.');
          return;
        }
        target = (await vscode.window.showQuickPick(items, { title: 'Link annotation to…', matchOnDescription: true, matchOnDetail: true }))?.o;
      }
      if (!target) return;
      await saving(() => annotations.link({ review: a.review, id: a.annotation.id }, { review: target!.review, id: target!.annotation.id }));
    },
    'marginalia.revealAnnotation': async (review: string | vscode.Uri | AnnotationRef, id?: string) => {
      const ref: AnnotationRef = typeof review === 'object' && !(review instanceof vscode.Uri) ? review : { review, id };
      const a = await pick(ref);
      if (a) await revealRange(toUri(a.review), a.start, a.end);
    },
    'marginalia.reanchorAnnotation': async (args?: AnnotationRef & { start?: number; end?: number }) => {
      const editor = vscode.window.activeTextEditor;
      // From the command palette there are no arguments: pick one of this review's orphans.
      const a = args?.id ? await pick(args) : await pickOrphan(reviewPath(args?.review));
      if (!a) return;
      const here = editor && toPath(editor.document.uri) === a.review;
      const start = args?.start ?? (here ? editor.document.offsetAt(editor.selection.start) : undefined);
      const end = args?.end ?? (here ? editor.document.offsetAt(editor.selection.end) : undefined);
      if (start === undefined || end === undefined || start >= end) {
        void vscode.window.showWarningMessage('Marginalia: select the passage the annotation belongs to, then run Re-anchor Annotation to Selection.');
        return;
      }
      await saving(() => annotations.update(a.review, a.annotation.id, { start, end }));
    },
    'marginalia.writeSidecars': () => writeAllSidecars(corpus, annotations, output),
  };
  return Object.entries(commands).map(([id, execute]) => ({ id, execute }));
}

export interface WriteSummary {
  written: string[];
  unchanged: string[];
  orphaned: number;
  failed: Array<{ review: string; errors: string[] }>;
  cancelled: boolean;
}

/** Writes every review's sidecar, with progress and cancel, and a summary the reader can expand. */
async function writeAllSidecars(corpus: CorpusService, annotations: AnnotationService, output: vscode.OutputChannel): Promise<WriteSummary> {
  const reviews = corpus.index.allFilms().flatMap((f) => f.orderedReviews().map((r) => r.path));
  const summary: WriteSummary = { written: [], unchanged: [], orphaned: 0, failed: [], cancelled: false };
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Marginalia: writing annotation sidecars', cancellable: true }, async (progress, token) => {
    for (const [i, review] of reviews.entries()) {
      if (token.isCancellationRequested) {
        summary.cancelled = true;
        break;
      }
      progress.report({ message: `${i + 1} of ${reviews.length}`, increment: 100 / reviews.length });
      try {
        const outcome = await annotations.write(review);
        summary.orphaned += outcome.orphans;
        if (outcome.status === 'written') summary.written.push(review);
        else if (outcome.status === 'unchanged') summary.unchanged.push(review);
        else summary.failed.push({ review, errors: outcome.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`) });
      } catch (e) {
        summary.failed.push({ review, errors: [e instanceof Error ? e.message : String(e)] });
      }
    }
  });
  output.appendLine(`[${new Date().toISOString()}] Write Annotation Sidecars${summary.cancelled ? ' (cancelled)' : ''}`);
  for (const r of summary.written) output.appendLine(`  written    ${r}`);
  for (const r of summary.unchanged) output.appendLine(`  unchanged  ${r}`);
  for (const f of summary.failed) {
    output.appendLine(`  FAILED     ${f.review}`);
    for (const e of f.errors) output.appendLine(`             ${e}`);
  }
  const text = `Marginalia: ${summary.written.length} sidecars written, ${summary.unchanged.length} unchanged, ${summary.orphaned} orphaned annotations, ${summary.failed.length} failed${summary.cancelled ? ' (cancelled)' : ''}.`;
  const show = summary.failed.length || summary.orphaned ? vscode.window.showWarningMessage(text, 'Show Details') : vscode.window.showInformationMessage(text, 'Show Details');
  void show.then((choice) => choice && output.show(true));
  return summary;
}
