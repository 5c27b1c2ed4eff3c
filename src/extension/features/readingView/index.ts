// The reading view: reviews in VS Code's Markdown preview with their names marked and annotated
// passages highlighted (the markdown-it plugin handed to VS Code through extendMarkdownIt), plain
// text reviews in a panel rendered by the same engine, and "Read Review" to open either.

import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { markdownItMarginalia, type ResolveReview } from '../../../core/reading';
import { asUri } from '../../commands';
import { toPath, toUri } from '../../locations';
import type { CorpusChange } from '../../services/corpusService';
import type { FeatureContext } from '../context';
import { isPlainText, ParsedReviews } from './parsedReviews';
import { ReadingPanels } from './readingPanels';
import { reviewMarks, showThemes } from './reviewMarks';

export interface ReadingView {
  /** What VS Code's Markdown extension calls with its markdown-it instance. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export type ReadReviewResult = { kind: 'preview'; review: string } | { kind: 'panel'; review: string; html: string };

/**
 * Does VS Code's Markdown engine hold anything to refresh? A preview is open, or the Markdown
 * extension is running here and may have cached tokens of a review (it tokenizes a document as it
 * opens, perhaps before the index has the review). Otherwise a refresh would only wake it.
 */
function markdownToRefresh(): boolean {
  if (vscode.extensions.getExtension('vscode.markdown-language-features')?.isActive) return true;
  return vscode.window.tabGroups.all.some((g) =>
    g.tabs.some((t) => (t.input instanceof vscode.TabInputWebview || t.input instanceof vscode.TabInputCustom) && /markdown\.preview/.test(t.input.viewType)),
  );
}

/** The review a command names: a Uri (editor title), a tree row ({ type: 'review', path }), a URI string, or the active editor. */
function reviewArgument(arg: unknown): string | undefined {
  const row = arg as { type?: unknown; path?: unknown } | undefined;
  if (row && typeof row === 'object' && row.type === 'review' && typeof row.path === 'string') return row.path;
  const uri = asUri(arg) ?? vscode.window.activeTextEditor?.document.uri;
  return uri && toPath(uri);
}

export function register(ctx: FeatureContext): vscode.Disposable & ReadingView {
  const { corpus, annotations } = ctx;
  const parsed = new ParsedReviews(corpus.index);
  const panels = new ReadingPanels(ctx.extension.extensionUri, corpus, parsed);
  const resolve: ResolveReview = (src) => {
    const found = parsed.find(src);
    return found && reviewMarks(found, annotations, showThemes());
  };

  // The preview re-renders by itself when its document is edited; what changes under it without an
  // edit (the lexicon, a sidecar, a file changed on disk, the themes toggle) needs a refresh, which
  // also drops its cached tokens. One timer for every source of change.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Array<CorpusChange | { annotationsOf?: string }> = [];
  let previews = false;
  const schedule = (change: CorpusChange | { annotationsOf?: string }, preview: boolean) => {
    pending.push(change);
    previews ||= preview;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changes = pending;
      const refreshPreviews = previews;
      pending = [];
      previews = false;
      for (const c of changes) panels.refresh(c);
      if (refreshPreviews && markdownToRefresh()) void vscode.commands.executeCommand('markdown.preview.refresh');
    }, 300);
  };

  const readReview = async (arg?: unknown): Promise<ReadReviewResult | undefined> => {
    await corpus.ready;
    const uri = reviewArgument(arg);
    const review = uri ? corpus.review(uri) : undefined;
    if (!uri || !review) {
      void vscode.window.showWarningMessage('Marginalia: Read Review reads a review of the corpus (a .md or .txt file in a film’s folder). Open one first.');
      return undefined;
    }
    // Reading beside the source: open the review first when it is not the active editor.
    if (vscode.window.activeTextEditor?.document.uri.toString() !== uri) await vscode.window.showTextDocument(toUri(uri), { preview: true });
    if (isPlainText(uri)) return { kind: 'panel', review: uri, html: await panels.show(review) };
    // Tokens the engine cached for this version of the review may predate the index or a sidecar.
    await vscode.commands.executeCommand('markdown.preview.refresh');
    await vscode.commands.executeCommand('markdown.showPreviewToSide', toUri(uri));
    return { kind: 'preview', review: uri };
  };

  const disposable = vscode.Disposable.from(
    panels,
    corpus.onDidChange((change) => {
      parsed.invalidate();
      schedule(change, !change.edits);
    }),
    annotations.onDidChange((review) => schedule({ annotationsOf: review }, true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('marginalia.decorations.themes')) schedule({}, true);
    }),
    ctx.commands.register({ id: 'marginalia.readReview', execute: readReview }),
    { dispose: () => clearTimeout(timer) },
  );
  return Object.assign(disposable, { extendMarkdownIt: (md: MarkdownIt) => markdownItMarginalia(md, resolve) });
}
