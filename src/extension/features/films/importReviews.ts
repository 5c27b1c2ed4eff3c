// "Marginalia: Import Reviews…": review pages (saved .html, text copied from a browser, .md) or the
// clipboard become review files in a film folder, site chrome dropped, front matter extracted, and
// nothing ever overwritten. What was kept, dropped and extracted goes to the output channel.

import * as vscode from 'vscode';
import { importKindOf, importReview, type ImportResult } from '../../../core/import';
import { htmlReaderOn } from '../../../core/import/htmlPage';
import { writeNewReview } from '../../../core/import/writeReview';
import { basenameUri } from '../../../core/model/uri';
import { decodeText } from '../../../core/text';
import { toUri } from '../../locations';
import type { FeatureContext } from '../context';
import { lexiconNearlyEmpty } from './lexiconState';

const PROPOSE_BUTTON = 'Propose Lexicon Entries…';

export interface ImportArgs {
  /** The film folder (URI string); asked when missing. */
  film?: string;
  /** Files to import (URI strings); asked when missing and `clipboard` is not set. */
  files?: string[];
  clipboard?: boolean;
}

export interface ImportedReview {
  input: string;
  review: string;
  result: ImportResult;
}

export async function pickFilm(ctx: FeatureContext, placeHolder: string): Promise<string | undefined> {
  const films = ctx.corpus.index.allFilms();
  if (films.length === 1) return films[0].dir;
  if (films.length === 0) {
    const choice = await vscode.window.showInformationMessage('There is no film in this workspace yet. Create one first.', 'New Film…');
    if (choice) await vscode.commands.executeCommand('marginalia.newFilm');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    films.map((f) => ({ label: f.lexicon.film.title || basenameUri(f.dir), description: f.lexicon.film.year ? String(f.lexicon.film.year) : undefined, detail: vscode.workspace.asRelativePath(toUri(f.dir)), dir: f.dir })),
    { placeHolder },
  );
  return picked?.dir;
}

export async function importReviews(ctx: FeatureContext, args: ImportArgs = {}): Promise<ImportedReview[] | undefined> {
  const film = args.film ?? (await pickFilm(ctx, 'Import reviews into which film?'));
  if (!film) return undefined;
  type Source = { name: string; text: string };
  let sources: Source[] = [];
  let clipboard = args.clipboard ?? false;
  let files = args.files;
  if (!clipboard && !files) {
    const how = await vscode.window.showQuickPick(
      [
        { label: '$(file) From files…', description: 'saved web pages (.html), text copied from a browser (.txt), Markdown', clipboard: false },
        { label: '$(clippy) From the clipboard', description: 'a review copied from a web page', clipboard: true },
      ],
      { placeHolder: 'Import reviews from…' },
    );
    if (!how) return undefined;
    clipboard = how.clipboard;
    if (!clipboard) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: true, openLabel: 'Import', filters: { 'Review pages': ['html', 'htm', 'txt', 'md', 'markdown'] } });
      if (!picked?.length) return undefined;
      files = picked.map((u) => u.toString());
    }
  }
  if (clipboard) {
    const text = await vscode.env.clipboard.readText();
    if (!text.trim()) {
      void vscode.window.showWarningMessage('Marginalia: the clipboard holds no text to import.');
      return undefined;
    }
    sources = [{ name: 'clipboard', text }];
  } else {
    for (const f of files ?? []) {
      try {
        sources.push({ name: f, text: decodeText(await vscode.workspace.fs.readFile(toUri(f))) });
      } catch (e) {
        ctx.output.appendLine(`FAILED   ${f}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  const imported: ImportedReview[] = [];
  const failed: string[] = [];
  for (const source of sources) {
    const fileName = source.name === 'clipboard' ? 'clipboard' : basenameUri(source.name);
    try {
      const kind = importKindOf(fileName, source.text);
      let readHtml;
      if (kind === 'html') {
        if (!ctx.platform.loadHtmlDomReader) throw new Error('saved web pages (.html) are imported in the desktop app or with `marginalia import`; here, copy the page’s text and import it from the clipboard');
        readHtml = htmlReaderOn(await ctx.platform.loadHtmlDomReader());
      }
      const result = importReview({ fileName, text: source.text, kind }, { readHtml });
      const review = await writeNewReview(ctx.platform.host, film, result.suggestedName, result.markdown);
      imported.push({ input: source.name, review, result });
      const { kept, dropped, extracted } = result.report;
      ctx.output.appendLine(`imported ${fileName} → ${vscode.workspace.asRelativePath(toUri(review))}`);
      ctx.output.appendLine(`         kept ${kept.paragraphs} paragraphs (${kept.characters} characters); dropped ${dropped.length} lines of page chrome`);
      for (const [k, v] of Object.entries(extracted)) ctx.output.appendLine(`         ${k}: ${v}`);
      for (const d of dropped.slice(0, 40)) ctx.output.appendLine(`         dropped (${d.reason}): ${d.text.slice(0, 100)}`);
    } catch (e) {
      failed.push(fileName);
      ctx.output.appendLine(`FAILED   ${fileName}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  // The reviews are read now, so what follows (a proposal, the tree) has them without waiting for the watcher.
  await ctx.corpus.refreshFiles(imported.map((r) => r.review));
  const lexicon = ctx.corpus.index.film(film)?.lexicon;
  // A new film's lexicon is empty: the next step is to propose its names from these reviews.
  const propose = imported.length > 0 && lexicon && lexiconNearlyEmpty(lexicon) ? PROPOSE_BUTTON : undefined;
  const summary =
    `Marginalia: imported ${imported.length} review${imported.length === 1 ? '' : 's'}${failed.length ? `; ${failed.length} failed (${failed.join(', ')})` : ''}.` +
    (propose ? ` ${lexicon!.film.title ? `${lexicon!.film.title}’s` : 'The film’s'} lexicon ${lexicon!.entities.some((e) => e.kind !== 'film') ? 'is nearly empty' : 'has no names yet'}: propose its characters, cast and themes from the reviews?` : '');
  const buttons = propose ? [propose, 'Show Details'] : ['Show Details'];
  const show = failed.length ? vscode.window.showWarningMessage(summary, ...buttons) : vscode.window.showInformationMessage(summary, ...buttons);
  void show.then((c) => {
    if (c === PROPOSE_BUTTON) void vscode.commands.executeCommand('marginalia.proposeLexicon', { film });
    else if (c) ctx.output.show(true);
  });
  if (imported[0] && !args.files && !args.clipboard) await vscode.window.showTextDocument(toUri(imported[0].review), { preview: true });
  return imported;
}
