// "Compare Critics": a webview with the film's critic × entity matrix, each cell's passages, and
// every critic on one entity side by side. The data is computed here from the index (src/core/compare)
// and posted to the view's bundle (dist/webview/compare.js) through the typed protocol; the view is
// restored after a reload by its serializer, from the state the webview saved.

import * as vscode from 'vscode';
import type { CompareMatrix } from '../../../core/compare';
import { readPersistedState } from '../../../webview/compare/protocol';
import { toPath } from '../../locations';
import { webviewPage } from '../../webviewPage';
import type { FeatureContext } from '../context';
import { CompareSession } from './compareSession';

export const COMPARE_VIEW = 'marginalia.compare';

export interface CompareArgs {
  /** The film's folder (a URI string); default: the active review's film, the only film, or a pick. */
  film?: string;
  /** Compute the matrix without opening the view. */
  noUi?: boolean;
}

export interface CompareResult {
  film: string;
  matrix: CompareMatrix;
  /** The view's page (for tests and tools: its CSP, its script). */
  html?: string;
}

interface OpenView {
  panel: vscode.WebviewPanel;
  session: CompareSession;
}

export function register(ctx: FeatureContext): vscode.Disposable {
  const { corpus } = ctx;
  const ext = ctx.extension.extensionUri;
  const views = new Map<string, OpenView>();
  const options: vscode.WebviewPanelOptions & vscode.WebviewOptions = {
    enableScripts: true,
    enableFindWidget: true,
    // The view restores itself from getState/setState and asks for the matrix again when shown.
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(ext, 'dist', 'webview'), vscode.Uri.joinPath(ext, 'media')],
  };

  const titleOf = (film: string) => `Compare Critics: ${corpus.index.film(film)?.lexicon.film.title ?? 'film'}`;

  function adopt(panel: vscode.WebviewPanel, film: string, initial?: ReturnType<typeof readPersistedState>): OpenView {
    panel.webview.options = options;
    panel.iconPath = vscode.Uri.joinPath(ext, 'media', 'marginalia.svg');
    panel.title = titleOf(film);
    const session = new CompareSession(film, corpus, (m) => void panel.webview.postMessage(m), initial);
    const view = { panel, session };
    views.set(film, view);
    panel.webview.onDidReceiveMessage((m: unknown) => void session.receive(m));
    panel.onDidDispose(() => {
      if (views.get(film) === view) views.delete(film);
    });
    panel.webview.html = webviewPage(panel.webview, {
      title: panel.title,
      styles: [vscode.Uri.joinPath(ext, 'media', 'compare.css')],
      script: vscode.Uri.joinPath(ext, 'dist', 'webview', 'compare.js'),
    });
    return view;
  }

  async function pickFilm(arg?: string): Promise<string | undefined> {
    await corpus.ready;
    if (arg) return corpus.index.film(arg) ? arg : undefined;
    const active = vscode.window.activeTextEditor?.document.uri;
    const ofActive = active && corpus.index.filmFor(toPath(active));
    if (ofActive) return ofActive.dir;
    const films = corpus.index.allFilms();
    if (films.length <= 1) return films[0]?.dir;
    const picked = await vscode.window.showQuickPick(
      films.map((f) => ({ label: f.lexicon.film.title || f.dir, description: `${f.lexicon.film.year ?? ''}`, detail: `${f.reviews.size} reviews · ${vscode.workspace.asRelativePath(vscode.Uri.parse(f.dir, true))}`, dir: f.dir })),
      { title: 'Compare Critics', placeHolder: 'Which film?' },
    );
    return picked?.dir;
  }

  async function compare(args?: CompareArgs | { type?: string; dir?: string }): Promise<CompareResult | undefined> {
    // From the Reviews tree a film row ({ type: 'film', dir }) names the film.
    const filmArg = args && 'dir' in args && typeof args.dir === 'string' ? args.dir : (args as CompareArgs | undefined)?.film;
    const film = await pickFilm(filmArg);
    if (!film) {
      if (filmArg || corpus.index.allFilms().length === 0) void vscode.window.showWarningMessage('Marginalia: there is no film to compare critics on here (a film is a folder with a film.yaml and its reviews).');
      return undefined;
    }
    if ((args as CompareArgs | undefined)?.noUi) return { film, matrix: new CompareSession(film, corpus, () => undefined).current() };
    let view = views.get(film);
    if (view) view.panel.reveal();
    else view = adopt(vscode.window.createWebviewPanel(COMPARE_VIEW, titleOf(film), vscode.ViewColumn.Active, options), film);
    return { film, matrix: view.session.current(), html: view.panel.webview.html };
  }

  // The matrix follows the corpus: recomputed at most every 300 ms while reviews change.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const [film, view] of views) {
        if (!corpus.index.film(film)) view.panel.dispose(); // the film is gone
        else view.session.update();
      }
    }, 300);
  };

  return vscode.Disposable.from(
    ctx.commands.register({ id: 'marginalia.compareCritics', execute: compare }),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW, {
      async deserializeWebviewPanel(panel, state) {
        const saved = readPersistedState(state);
        await corpus.ready;
        const film = saved?.filmUri && corpus.index.film(saved.filmUri) ? saved.filmUri : corpus.index.allFilms()[0]?.dir;
        if (!film || views.has(film)) {
          panel.dispose();
          return;
        }
        adopt(panel, film, saved);
      },
    }),
    corpus.onDidChange(schedule),
    { dispose: () => (clearTimeout(timer), views.forEach((v) => v.panel.dispose())) },
  );
}
