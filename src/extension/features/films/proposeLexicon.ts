// "Marginalia: Propose Lexicon Entries…": reads a film's reviews (their live text, from the corpus
// index) and proposes characters, cast and crew, and themes with their evidence; the reader checks
// which to keep before anything is written; the kept ones are merged into film.yaml, every byte
// already there kept. The full report (evidence, examples, hints) goes to the output channel.

import * as vscode from 'vscode';
import { isLexiconPath } from '../../../core/corpus';
import type { Lexicon } from '../../../core/lexicon/lexicon';
import { parseLexicon } from '../../../core/lexicon/parseLexicon';
import { proposeLexicon, type Proposal, type ProposalHint, type ProposalResult } from '../../../core/lexicon/propose';
import { LexiconNotParsedError, lexiconEditsForProposals } from '../../../core/lexicon/propose/mergeProposals';
import type { FilmIndex } from '../../../core/mentionIndex';
import { dirnameUri } from '../../../core/model/uri';
import { asUri } from '../../commands';
import { toPath, toUri } from '../../locations';
import type { FeatureContext } from '../context';
import { pickFilm } from './importReviews';
import { currentText, writeLexiconEdits } from './lexiconWrite';
import { pickProposals, proposalFromHint, proposalItems, proposalsFromHints, seen, type HintKind } from './proposalPick';

export interface ProposeArgs {
  /** The film: its folder or film.yaml (URI string or Uri), or a tree row ({ dir } or { path }). */
  film?: unknown;
  /** Without UI: accept every proposal, or those with these ids. */
  accept?: 'all' | string[];
  /** Without UI, with `accept`: hints to add too, by name, as the kind given. */
  hints?: Record<string, HintKind>;
}

export interface ProposeOutcome {
  /** What was proposed (nothing already in film.yaml). */
  proposed: Proposal[];
  /** Recurring names not proposed. */
  hints: ProposalHint[];
  /** Ids of the entries added to film.yaml. */
  written: string[];
}

export async function proposeLexiconEntries(ctx: FeatureContext, args: ProposeArgs = {}): Promise<ProposeOutcome | undefined> {
  const film = await resolveFilm(ctx, args.film);
  if (!film) return undefined;
  const lexiconUri = film.lexiconPath;
  const where = vscode.workspace.asRelativePath(toUri(lexiconUri));
  const noUi = args.accept !== undefined;

  const existing = parseLexicon(lexiconUri, await currentText(ctx.platform.host, lexiconUri));
  const unreadable = existing.diagnostics.find((d) => d.code === 'yaml-syntax' || d.code === 'not-a-mapping');
  if (unreadable || !existing.film.title) {
    const why = unreadable ? `does not parse (${unreadable.line + 1}:${unreadable.character + 1}: ${unreadable.message})` : 'has no film title';
    void offerOpen(vscode.window.showErrorMessage(`Marginalia: ${where} ${why}; fix it, then propose again. Nothing was written.`, 'Open film.yaml'), lexiconUri);
    return undefined;
  }
  const title = existing.film.title;
  const reviews = film.orderedReviews();
  if (reviews.length === 0) {
    const msg = `Marginalia: ${title} has no reviews yet; entries are proposed from what the critics write.`;
    if (noUi) void vscode.window.showInformationMessage(msg);
    else if (await vscode.window.showInformationMessage(msg, 'Import Reviews…')) await vscode.commands.executeCommand('marginalia.importReviews', { film: film.dir });
    return { proposed: [], hints: [], written: [] };
  }

  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Marginalia: reading ${reviews.length} reviews of ${title}` }, async () =>
    proposeLexicon(
      reviews.map((r) => ({ uri: r.path, text: r.text, bodyStart: r.info.bodyStart })),
      { title, year: existing.film.year },
      existing,
    ),
  );
  report(ctx.output, title, reviews.length, result);
  const outcome: ProposeOutcome = { proposed: result.entities, hints: result.hints, written: [] };
  if (result.entities.length === 0 && result.hints.length === 0) {
    void vscode.window.showInformationMessage(`Marginalia: nothing new to propose for ${title}: the names in its ${reviews.length} reviews are all in ${where} already.`);
    return outcome;
  }

  let accepted: Proposal[];
  if (noUi) {
    accepted = args.accept === 'all' ? [...result.entities] : result.entities.filter((p) => (args.accept as string[]).includes(p.id));
    const taken = new Set([...existing.entities.map((e) => e.id), ...result.entities.map((p) => p.id)]);
    for (const [name, kind] of Object.entries(args.hints ?? {})) {
      const hint = result.hints.find((h) => h.name === name);
      if (hint) accepted.push(proposalFromHint(hint, kind, taken));
    }
  } else {
    const nameOf = (id: string) => result.entities.find((p) => p.id === id)?.name ?? existing.byId.get(id)?.name;
    const year = existing.film.year ? ` (${existing.film.year})` : '';
    const picked = await pickProposals({
      title: `Propose Lexicon Entries — ${title}${year}: ${result.entities.length} from ${reviews.length} reviews`,
      items: proposalItems(result, nameOf),
    });
    if (!picked) return outcome;
    accepted = picked.flatMap((i) => (i.proposal ? [i.proposal] : []));
    const hints = picked.flatMap((i) => (i.hint ? [i.hint] : []));
    if (hints.length) {
      const taken = new Set([...existing.entities.map((e) => e.id), ...result.entities.map((p) => p.id)]);
      const fromHints = await proposalsFromHints(hints, taken);
      if (!fromHints) return outcome;
      accepted.push(...fromHints);
    }
    if (accepted.length === 0) {
      void vscode.window.showInformationMessage(`Marginalia: nothing checked; ${where} was not changed.`);
      return outcome;
    }
  }

  let write;
  try {
    write = await writeLexiconEdits(ctx.platform.host, lexiconUri, (text) => lexiconEditsForProposals(text, accepted));
  } catch (e) {
    const msg = e instanceof LexiconNotParsedError ? `${where}:${e.message}` : e instanceof Error ? e.message : String(e);
    void offerOpen(vscode.window.showErrorMessage(`Marginalia: could not add the entries: ${msg}. Nothing was written.`, 'Open film.yaml'), lexiconUri);
    return outcome;
  }
  if (write.via === 'file') await ctx.corpus.refreshFiles([lexiconUri]);
  const after = parseLexicon(lexiconUri, write.after);
  const before = parseLexicon(lexiconUri, write.before);
  const added = after.entities.filter((e) => !before.byId.has(e.id));
  outcome.written = added.map((e) => e.id);
  ctx.output.appendLine(`wrote ${added.length} new entr${added.length === 1 ? 'y' : 'ies'} to ${where}${write.via === 'document' ? ' (through the open editor)' : ''}: ${outcome.written.join(', ') || 'none'}`);

  const summary =
    added.length === 0
      ? `Marginalia: ${where} already had every checked entry; nothing was added.`
      : `Marginalia: added ${countByKind(added)} to ${where}${write.unsaved ? ' (unsaved: it had unsaved changes)' : ''}. Hover a name in a review to see its card.`;
  const buttons = ['Open film.yaml', 'Show Details'];
  const shown = vscode.window.showInformationMessage(summary, ...buttons);
  void shown.then((choice) => {
    if (choice === 'Open film.yaml') void vscode.window.showTextDocument(toUri(lexiconUri), { preview: false });
    else if (choice === 'Show Details') ctx.output.show(true);
  });
  return outcome;
}

/** The film the command is for: from its argument, else the active editor's, else asked. */
async function resolveFilm(ctx: FeatureContext, arg: unknown): Promise<FilmIndex | undefined> {
  const index = ctx.corpus.index;
  const filmOf = (uri: string | undefined): FilmIndex | undefined => {
    if (!uri) return undefined;
    return index.film(uri) ?? (isLexiconPath(uri) ? index.film(dirnameUri(uri)) : undefined) ?? index.filmFor(uri);
  };
  if (arg !== undefined && arg !== null) {
    const node = arg as { dir?: unknown; path?: unknown };
    const key = typeof node.dir === 'string' ? node.dir : typeof node.path === 'string' ? node.path : undefined;
    const uri = key ?? (asUri(arg) ? toPath(asUri(arg)!) : undefined);
    const film = filmOf(uri?.replace(/\/$/, ''));
    if (!film) void vscode.window.showWarningMessage(`Marginalia: ${uri ? vscode.workspace.asRelativePath(toUri(uri)) : String(arg)} is not a film folder (one with a film.yaml) nor in one.`);
    return film;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active ? filmOf(toPath(active)) : undefined;
  if (fromEditor) return fromEditor;
  const dir = await pickFilm(ctx, 'Propose lexicon entries for which film?');
  return dir ? index.film(dir) : undefined;
}

function countByKind(entities: Lexicon['entities']): string {
  const n = (kind: string) => entities.filter((e) => e.kind === kind).length;
  const parts = [
    [n('film'), 'the film', 'the film'],
    [n('character'), 'character', 'characters'],
    [n('person'), 'person', 'people'],
    [n('theme'), 'theme', 'themes'],
  ] as const;
  return parts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => (one === 'the film' ? one : `${count} ${count === 1 ? one : many}`))
    .join(', ');
}

function report(out: vscode.OutputChannel, title: string, reviews: number, result: ProposalResult): void {
  out.appendLine(`proposals for ${title} from ${reviews} review${reviews === 1 ? '' : 's'}:`);
  for (const p of result.entities) {
    const links = [...(p.playedBy ?? []).map((id) => `played by ${id}`), ...(p.roles ?? [])].join(', ');
    out.appendLine(`  ${p.kind.padEnd(9)} ${p.confidence.toFixed(2)}  ${p.name}${p.aliases.length ? ` (${p.aliases.join(', ')})` : ''}${links ? ` — ${links}` : ''}; ${seen(p.count, p.reviews)}`);
    out.appendLine(`            evidence: ${p.evidence.join('; ')}`);
    for (const e of p.examples) out.appendLine(`            “${e.replace(/\s+/g, ' ')}”`);
  }
  if (result.hints.length) {
    out.appendLine(`recurring names not proposed (${result.hints.length}):`);
    for (const h of result.hints) out.appendLine(`  ${h.name}: ${seen(h.count, h.reviews)}; ${h.reason}`);
  }
}

async function offerOpen(choice: Thenable<string | undefined>, uri: string): Promise<void> {
  if (await choice) await vscode.window.showTextDocument(toUri(uri));
}
