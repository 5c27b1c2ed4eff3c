// "Marginalia: Import Annotations…": a W3C collection or a Hypothesis export (the format read from
// the file; asked only when it cannot be told), matched to the corpus's reviews and anchored by the
// core's planner (never guessed), written through the AnnotationService's sidecar store, then
// reloaded so highlights, hovers and Problems show them at once. Arguments `{ file, format }` skip
// the UI (tests, other extensions).

import * as vscode from 'vscode';
import { detectImportFormat, formatImportCounts, gatherImportCandidates, type ImportCounts, type ImportEntry, IMPORTERS, importCounts, type ImportFormat, isImportFormat, planImport, touchedReviews } from '../../../core/export/importers';
import { writeImport } from '../../../core/export/importers/writeImport';
import { newAnnotationId } from '../../../core/model/ids';
import { basenameUri } from '../../../core/model/uri';
import { decodeText } from '../../../core/text';
import { asUri, type Command } from '../../commands';
import { toPath } from '../../locations';
import type { FeatureContext } from '../context';
import { display, logHeader, plural, workspaceRoot } from './report';

export interface ImportArgs {
  /** The W3C or Hypothesis JSON file, as a URI string. */
  file?: string | vscode.Uri;
  format?: string;
}

export interface ImportReport {
  format: ImportFormat;
  counts: ImportCounts;
  entries: ImportEntry[];
  /** Problems with the file, sidecars that do not parse (their reviews take no imports), writes that failed. */
  errors: string[];
  /** Reviews that received annotations. */
  reviews: string[];
}

export function importAnnotationsCommand(ctx: FeatureContext): Command {
  return { id: 'marginalia.importAnnotations', execute: (args?: ImportArgs) => importAnnotations(ctx, args) };
}

async function importAnnotations(ctx: FeatureContext, args: ImportArgs | undefined): Promise<ImportReport | undefined> {
  await ctx.annotations.ready;
  const films = ctx.corpus.index.allFilms();
  if (films.length === 0) {
    void vscode.window.showWarningMessage('Marginalia: there is no film corpus in this workspace to import annotations into.');
    return undefined;
  }
  const file = args?.file !== undefined ? asUri(args.file) : await chooseFile();
  if (!file) return undefined;
  const fileKey = toPath(file);
  let text: string;
  try {
    text = decodeText(await ctx.platform.host.readFile(fileKey));
  } catch (e) {
    void vscode.window.showErrorMessage(`Marginalia: cannot read ${display(fileKey)}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  if (args?.format !== undefined && !isImportFormat(args.format)) {
    void vscode.window.showErrorMessage(`Marginalia: cannot import “${args.format}”: the formats are w3c and hypothesis.`);
    return undefined;
  }
  const format = (args?.format as ImportFormat | undefined) ?? detectImportFormat(text) ?? (await askFormat(fileKey));
  if (!format) return undefined;

  const parsed = IMPORTERS[format](text, display(fileKey));
  const report: ImportReport = { format, counts: { imported: 0, duplicate: 0, ambiguous: 0, unmatched: 0, skipped: 0 }, entries: [], errors: [...parsed.errors], reviews: [] };
  // The live text (unsaved edits included), as every other annotation edit in the editor anchors.
  const targets = films.flatMap((film) => film.orderedReviews().map((r) => ({ uri: r.path, lexicon: film.lexicon, text: r.text, mentions: r.mentions })));
  const store = ctx.annotations.store;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Marginalia: importing annotations from ${basenameUri(fileKey)}` }, async (progress) => {
    const { candidates, reviews, errors } = await gatherImportCandidates(store, targets);
    for (const e of errors) report.errors.push(`${display(e.file)}:${e.line}:${e.column}: ${e.message} — this review takes no imports until its sidecar is fixed`);
    const plan = planImport(parsed.annotations, candidates, { now: new Date().toISOString(), newId: newAnnotationId });
    progress.report({ message: `writing ${plural(plan.additions.length, 'annotation')}` });
    try {
      for (const o of await writeImport(store, plan, reviews)) for (const e of o.errors) report.errors.push(`${display(e.file)}:${e.line}:${e.column}: ${e.message}`);
    } catch (e) {
      report.errors.push(e instanceof Error ? e.message : String(e));
    }
    report.entries = plan.entries;
    report.counts = importCounts(plan);
    report.reviews = touchedReviews(plan);
    for (const review of report.reviews) await ctx.annotations.load(review);
  });
  tell(ctx, report, fileKey);
  return report;
}

async function chooseFile(): Promise<vscode.Uri | undefined> {
  const root = workspaceRoot();
  const picked = await vscode.window.showOpenDialog({
    title: 'Import Annotations (W3C Web Annotation or Hypothesis JSON)',
    openLabel: 'Import',
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    filters: { 'Annotations (JSON, JSON-LD)': ['json', 'jsonld'], 'All files': ['*'] },
    ...(root ? { defaultUri: root } : {}),
  });
  return picked?.[0];
}

async function askFormat(file: string): Promise<ImportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'W3C Web Annotation', detail: 'An Annotation, AnnotationPage or AnnotationCollection (Marginalia, Recogito, INCEpTION…)', format: 'w3c' as const },
      { label: 'Hypothesis', detail: 'The Hypothesis client’s “Export annotations” JSON, or an API search response', format: 'hypothesis' as const },
    ],
    { title: `Import Annotations: which format is ${basenameUri(file)}?`, placeHolder: 'The file does not say clearly' },
  );
  return picked?.format;
}

function tell(ctx: FeatureContext, report: ImportReport, file: string): void {
  const { output } = ctx;
  logHeader(output, `Import Annotations (${report.format}) from ${display(file)}`);
  for (const e of report.entries) output.appendLine(`  ${e.status.padEnd(10)} ${e.label}${e.review ? `  → ${display(e.review)}${e.id ? `#${e.id}` : ''}` : ''}: ${e.reason}`);
  for (const e of report.errors) output.appendLine(`  ERROR      ${e}`);
  output.appendLine(`  ${formatImportCounts(report.counts)}`);
  const refused = report.counts.ambiguous + report.counts.unmatched;
  const text =
    `Marginalia: ${formatImportCounts(report.counts)} from ${basenameUri(file)}.` +
    (refused ? ` Ambiguous and unmatched annotations are never guessed.` : '') +
    (report.errors.length ? ` ${plural(report.errors.length, 'problem')}: ${report.errors[0]}` : '');
  const shown = refused || report.errors.length ? vscode.window.showWarningMessage(text, 'Show Details') : vscode.window.showInformationMessage(text, 'Show Details');
  void shown.then((c) => c && output.show(true));
}
