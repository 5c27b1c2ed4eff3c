// "Marginalia: Export Annotations…": the corpus's annotations (and, if asked, the engine's mentions)
// as W3C Web Annotation JSON-LD, brat standoff or CSV, written through the FileHost so any scheme
// works. The gathering is the CLI's (src/core/export/collect.ts); this adds the pickers, the save
// or folder dialog, progress with cancel, and the report. Arguments `{ format, out, mentions }`
// skip the UI (tests, other extensions).

import * as vscode from 'vscode';
import { EXPORTERS, type ExportFormat, isExportFormat } from '../../../core/export';
import { collectForExport, exportCounts, exportInputOf, type ExportSource, placeExportFiles, refusedExportTargets } from '../../../core/export/collect';
import { CancelledError } from '../../../core/host';
import { basenameUri } from '../../../core/model/uri';
import { encodeText } from '../../../core/text';
import { asUri, type Command } from '../../commands';
import { toPath, toUri } from '../../locations';
import type { FeatureContext } from '../context';
import { display, logHeader, plural, workspaceRoot } from './report';

export interface ExportArgs {
  format?: string;
  /** The file (one-file formats) or folder (brat; CSV with mentions) to write, as a URI string. */
  out?: string | vscode.Uri;
  mentions?: boolean;
}

export interface ExportReport {
  format: ExportFormat;
  /** URI strings of the files written. */
  files: string[];
  reviews: number;
  annotations: number;
  mentions: number;
  warnings: string[];
  /** Reviews left out: their sidecars do not parse, or they cannot be read (file:line:col: why). */
  skipped: string[];
  /** Files that could not be written. */
  failed: string[];
  /** Targets refused because they would overwrite the corpus (nothing is written then). */
  refused: string[];
  cancelled: boolean;
}

interface FormatItem extends vscode.QuickPickItem {
  format: ExportFormat;
}

const FORMATS: FormatItem[] = [
  { format: 'w3c', label: 'W3C Web Annotation (JSON-LD)', description: '.jsonld', detail: 'One AnnotationCollection; for Recogito, INCEpTION, Hypothesis-style tools and the W3C model' },
  { format: 'brat', label: 'brat standoff', description: 'folder', detail: 'A .txt and an .ann per review, and annotation.conf, ready for brat' },
  { format: 'csv', label: 'CSV', description: '.csv', detail: 'One row per annotation (UTF-8 with BOM), for spreadsheets, pandas and R' },
];

const FILE_FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  w3c: { 'W3C Web Annotation (JSON-LD)': ['jsonld', 'json'] },
  brat: {},
  csv: { CSV: ['csv'] },
};

export function exportAnnotationsCommand(ctx: FeatureContext): Command {
  return { id: 'marginalia.exportAnnotations', execute: (args?: ExportArgs) => exportAnnotations(ctx, args) };
}

async function exportAnnotations(ctx: FeatureContext, args: ExportArgs | undefined): Promise<ExportReport | undefined> {
  await ctx.corpus.ready;
  const films = ctx.corpus.index.allFilms();
  if (films.length === 0) {
    void vscode.window.showWarningMessage('Marginalia: there is no film corpus in this workspace to export.');
    return undefined;
  }
  const choice = await chooseWhat(args);
  if (!choice) return undefined;
  const { format, mentions } = choice;
  const exporter = EXPORTERS[format];
  const oneFile = exporter.singleFile({ mentions });
  const out = args?.out !== undefined ? asUri(args.out) : await chooseWhere(format, oneFile, films.map((f) => f.lexicon.film.title || f.lexicon.film.id).join(', '));
  if (!out) return undefined;
  const outKey = toPath(out);
  const intoFolder = !oneFile || (await ctx.platform.host.stat(outKey))?.kind === 'directory';

  const report: ExportReport = { format, files: [], reviews: 0, annotations: 0, mentions: 0, warnings: [], skipped: [], failed: [], refused: [], cancelled: false };
  // The export is of the files as saved: the sidecars' offsets refer to the saved text.
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && ctx.corpus.review(toPath(doc.uri))) report.warnings.push(`${display(toPath(doc.uri))} has unsaved changes: exported as last saved`);
  }
  const sources: ExportSource[] = films.flatMap((film) => film.orderedReviews().map((r) => ({ uri: r.path, lexicon: film.lexicon, ...(mentions ? { matcher: film.matcher } : {}) })));

  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Marginalia: exporting annotations (${format})`, cancellable: true }, async (progress, token) => {
    let collected;
    try {
      collected = await collectForExport(ctx.platform.host, sources, {
        signal: token,
        onProgress: (done, total) => progress.report({ message: `${done} of ${total} reviews`, increment: 100 / total }),
      });
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      report.cancelled = true;
      return;
    }
    for (const s of collected.skipped) report.skipped.push(s.errors.map((e) => `${display(e.file)}:${e.line}:${e.column}: ${e.message}`).join('; '));
    const result = exporter.export(exportInputOf(collected, { mentions }));
    report.warnings.push(...result.warnings);
    const placed = placeExportFiles(result.files, outKey, intoFolder);
    const corpus = { reviews: sources.map((s) => s.uri), filmDirs: films.map((f) => f.dir) };
    report.refused = refusedExportTargets(placed.map((p) => p.uri), corpus).map((r) => `${display(r.uri)}: ${r.reason}`);
    if (report.refused.length > 0 || token.isCancellationRequested) {
      report.cancelled = token.isCancellationRequested;
      return;
    }
    progress.report({ message: `writing ${placed.length} file${placed.length === 1 ? '' : 's'}` });
    for (const p of placed) {
      try {
        await ctx.platform.host.writeFile(p.uri, encodeText(p.file.text));
        report.files.push(p.uri);
      } catch (e) {
        report.failed.push(`${display(p.uri)}: not written: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    Object.assign(report, exportCounts(collected.reviews, mentions));
  });
  tell(ctx, report, out);
  return report;
}

/** Format and mentions from the arguments, or asked. */
async function chooseWhat(args: ExportArgs | undefined): Promise<{ format: ExportFormat; mentions: boolean } | undefined> {
  if (args?.format !== undefined) {
    if (isExportFormat(args.format)) return { format: args.format, mentions: !!args.mentions };
    void vscode.window.showErrorMessage(`Marginalia: cannot export as “${args.format}”: the formats are w3c, brat and csv.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(FORMATS, { title: 'Export Annotations (1/2): format', placeHolder: 'Export the corpus’s annotations as…', matchOnDetail: true });
  if (!picked) return undefined;
  if (args?.mentions !== undefined) return { format: picked.format, mentions: args.mentions };
  const scope = await vscode.window.showQuickPick(
    [
      { label: 'Annotations', detail: 'The passages you and others annotated, with their notes, tags and links', mentions: false },
      { label: 'Annotations and mentions', detail: 'Also every mention of a character, person, the film or a theme that Marginalia finds', mentions: true },
    ],
    { title: 'Export Annotations (2/2): what to include' },
  );
  return scope && { format: picked.format, mentions: scope.mentions };
}

/** A save dialog for one file, a folder dialog for several; both start in the workspace. */
async function chooseWhere(format: ExportFormat, oneFile: boolean, label: string): Promise<vscode.Uri | undefined> {
  const root = workspaceRoot();
  if (oneFile) {
    const ext = format === 'w3c' ? 'jsonld' : 'csv';
    const name = `${label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'marginalia'}-annotations.${ext}`;
    return vscode.window.showSaveDialog({ title: 'Export Annotations', saveLabel: 'Export', filters: FILE_FILTERS[format], ...(root ? { defaultUri: vscode.Uri.joinPath(root, name) } : {}) });
  }
  const picked = await vscode.window.showOpenDialog({
    title: `Export Annotations: the folder to write ${format === 'brat' ? 'the brat files' : 'annotations.csv and mentions.csv'} into (outside the films’ folders)`,
    openLabel: 'Export into Folder',
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    ...(root ? { defaultUri: root } : {}),
  });
  return picked?.[0];
}

function tell(ctx: FeatureContext, report: ExportReport, out: vscode.Uri): void {
  const { output } = ctx;
  logHeader(output, `Export Annotations (${report.format}) → ${display(toPath(out))}${report.cancelled ? ' (cancelled)' : ''}`);
  for (const f of report.files) output.appendLine(`  written    ${display(f)}`);
  for (const s of report.skipped) output.appendLine(`  NOT EXPORTED  ${s}`);
  for (const w of report.warnings) output.appendLine(`  warning    ${w}`);
  for (const f of report.failed) output.appendLine(`  FAILED     ${f}`);
  for (const r of report.refused) output.appendLine(`  REFUSED    ${r}`);
  if (report.cancelled) {
    void vscode.window.showInformationMessage('Marginalia: export cancelled; nothing was written.');
    return;
  }
  if (report.refused.length > 0) {
    void vscode.window.showErrorMessage(`Marginalia: nothing exported: ${report.refused[0]}. Choose a place outside the films’ folders.`, 'Show Details').then((c) => c && output.show(true));
    return;
  }
  const what = `${plural(report.annotations, 'annotation')}${report.mentions ? ` and ${plural(report.mentions, 'mention')}` : ''} from ${plural(report.reviews, 'review')}`;
  const where = report.files.length === 1 ? basenameUri(report.files[0]) : `${report.files.length} files in ${display(toPath(out))}`;
  const problems = [
    report.skipped.length ? `${plural(report.skipped.length, 'review')} left out: ${report.skipped.length === 1 ? 'its sidecar does' : 'their sidecars do'} not parse` : '',
    report.failed.length ? `${plural(report.failed.length, 'file')} not written` : '',
    report.warnings.length ? plural(report.warnings.length, 'warning') : '',
  ]
    .filter(Boolean)
    .join('; ');
  const text = `Marginalia: exported ${what} to ${where}${problems ? ` (${problems})` : ''}.`;
  const buttons = report.files.length === 1 ? ['Open', 'Show Details'] : ['Show Details'];
  const shown = report.failed.length || report.skipped.length ? vscode.window.showWarningMessage(text, ...buttons) : vscode.window.showInformationMessage(text, ...buttons);
  void shown.then((c) => {
    if (c === 'Show Details') output.show(true);
    else if (c === 'Open') void vscode.window.showTextDocument(toUri(report.files[0]));
  });
}
