// Bringing your own film: "New Film…" (a folder with a minimal film.yaml), "Import Reviews…"
// (raw review pages to review files) and "Propose Lexicon Entries…" (names from the reviews, with
// evidence, reviewed by the reader before they go into film.yaml).

import * as vscode from 'vscode';
import { newLexiconText } from '../../../core/lexicon/newLexicon';
import { joinUri } from '../../../core/model/uri';
import { encodeText } from '../../../core/text';
import { toPath, toUri } from '../../locations';
import type { FeatureContext } from '../context';
import { importReviews, type ImportArgs } from './importReviews';
import { proposeLexiconEntries, type ProposeArgs } from './proposeLexicon';

function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'film'
  );
}

export interface NewFilmArgs {
  title?: string;
  year?: number;
  /** The folder to create the film's folder in (URI string); default: the first workspace folder. */
  parent?: string;
}

async function newFilm(ctx: FeatureContext, args: NewFilmArgs = {}): Promise<string | undefined> {
  const title = args.title ?? (await vscode.window.showInputBox({ title: 'New Film', prompt: 'The film’s title, as critics write it', placeHolder: 'e.g. Arrival' }))?.trim();
  if (!title) return undefined;
  let year = args.year;
  if (year === undefined && !args.title) {
    const y = await vscode.window.showInputBox({ title: 'New Film', prompt: 'Year of release (optional)', placeHolder: 'e.g. 2016', validateInput: (v) => (v.trim() === '' || /^(18[7-9]\d|19\d\d|2[01]\d\d)$/.test(v.trim()) ? undefined : 'A year such as 2016') });
    if (y === undefined) return undefined;
    year = y.trim() ? Number(y) : undefined;
  }
  const parent = args.parent ?? (vscode.workspace.workspaceFolders?.[0] ? toPath(vscode.workspace.workspaceFolders[0].uri) : undefined);
  if (!parent) {
    void vscode.window.showWarningMessage('Marginalia: open a folder first; the film’s folder is created in it.');
    return undefined;
  }
  const dir = joinUri(parent, slug(title));
  const lexicon = joinUri(dir, 'film.yaml');
  if (await ctx.platform.host.stat(lexicon)) {
    void vscode.window.showWarningMessage(`Marginalia: ${vscode.workspace.asRelativePath(toUri(lexicon))} already exists; it was not changed.`);
    return undefined;
  }
  await vscode.workspace.fs.createDirectory(toUri(dir));
  await ctx.platform.host.writeFile(lexicon, encodeText(newLexiconText({ title, year })));
  // In the index (and the tree) now, not when the file watcher gets round to it.
  await ctx.corpus.refreshFiles([lexicon]);
  if (!args.title) {
    const next = await vscode.window.showInformationMessage(`Marginalia: created ${vscode.workspace.asRelativePath(toUri(lexicon))}. Import its reviews now?`, 'Import Reviews…');
    if (next) await importReviews(ctx, { film: dir });
  }
  return dir;
}

/**
 * From the view's title bar VS Code passes the focused row, from a row's menu that row: like the
 * Explorer's New File, the import goes into that row's film (a review's or a mention's film too);
 * with no row, the film is asked for.
 */
function importArgs(ctx: FeatureContext, arg: unknown): ImportArgs {
  if (arg === undefined || arg === null || typeof arg !== 'object' || arg instanceof vscode.Uri) return {};
  const row = arg as { type?: unknown; dir?: unknown; path?: unknown };
  if (row.type === undefined) return arg as ImportArgs;
  if (row.type === 'film' && typeof row.dir === 'string') return { film: row.dir };
  if (typeof row.path === 'string') {
    const film = ctx.corpus.index.filmFor(row.path);
    if (film) return { film: film.dir };
  }
  return {};
}

/** From a tree row's menu the argument is the row ({ type: 'film', dir }); from a test or a link, ProposeArgs. */
function proposeArgs(arg: unknown): ProposeArgs {
  if (arg === undefined || arg === null) return {};
  if (typeof arg === 'string' || arg instanceof vscode.Uri) return { film: arg };
  const a = arg as ProposeArgs & { type?: unknown };
  return a.type !== undefined ? { film: arg } : a;
}

export function register(ctx: FeatureContext): vscode.Disposable {
  return ctx.commands.register(
    { id: 'marginalia.newFilm', execute: (args?: NewFilmArgs) => newFilm(ctx, args) },
    { id: 'marginalia.importReviews', execute: (args?: unknown) => importReviews(ctx, importArgs(ctx, args)) },
    { id: 'marginalia.proposeLexicon', execute: (args?: unknown) => proposeLexiconEntries(ctx, proposeArgs(args)) },
  );
}
