// `marginalia export PATH... --format w3c|brat|csv [--out FILE_OR_DIR] [--mentions]`: annotations
// (and with --mentions the engine's mentions) in an open format (docs/interchange.md). A format
// that is one file goes to stdout without --out; brat, and CSV with mentions, need --out DIR.
// The gathering and the placing of files are shared with the editor (src/core/export/collect.ts).

import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { formatSidecarError } from '../../core/annotations/model';
import { EXPORTERS, isExportFormat } from '../../core/export';
import { collectForExport, exportCounts, exportInputOf, type ExportSource, placeExportFiles, refusedExportTargets } from '../../core/export/collect';
import { dirnameUri, fileUri } from '../../core/model/uri';
import { encodeText } from '../../core/text';
import { type CliCommand, stringOption } from '../command';

export const exportCommand: CliCommand = {
  name: 'export',
  synopsis: 'export PATH... --format w3c|brat|csv [--out FILE_OR_DIR] [--mentions]',
  summary: 'export annotations as W3C Web Annotation JSON-LD, brat standoff or CSV',
  options: { format: { type: 'string' }, out: { type: 'string' }, mentions: { type: 'boolean' }, lexicon: { type: 'string' }, 'default-type': { type: 'string' } },
  minPositionals: 1,
  async run(ctx, args) {
    const format = stringOption(args, 'format');
    if (!format || !isExportFormat(format)) return ctx.usage('export needs --format w3c, brat or csv');
    const exporter = EXPORTERS[format];
    const mentions = !!args.values.mentions;
    const out = stringOption(args, 'out');
    const defaultType = stringOption(args, 'default-type');
    const options = { mentions, ...(defaultType ? { defaultType } : {}) };
    if (!out && !exporter.singleFile(options)) return ctx.usage(`${format}${mentions ? ' with --mentions' : ''} writes several files: give --out DIR`);

    const sources: ExportSource[] = [];
    for (const uri of await ctx.reviewUris(args.positionals)) {
      const lexicon = await ctx.lexiconForReview(uri, stringOption(args, 'lexicon'));
      if (lexicon) sources.push({ uri, lexicon, ...(mentions ? { matcher: ctx.matcher(lexicon) } : {}) });
    }
    const collected = await collectForExport(ctx.io.host, sources);
    for (const e of collected.skipped.flatMap((s) => s.errors)) ctx.error(formatSidecarError({ ...e, file: ctx.display(e.file) }));
    const result = exporter.export(exportInputOf(collected, options));
    for (const w of result.warnings) ctx.io.err(`marginalia: warning: ${w}`);

    if (!out) {
      ctx.io.out(result.files[0].text.replace(/\n$/, ''));
      return;
    }
    const target = nodePath.resolve(ctx.io.cwd, out);
    const intoDir = !exporter.singleFile(options) || fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() || out.endsWith('/');
    const placed = placeExportFiles(result.files, fileUri(target), intoDir);
    const corpus = { reviews: sources.map((s) => s.uri), filmDirs: [...new Set(sources.map((s) => dirnameUri(s.lexicon.path)))] };
    const refused = refusedExportTargets(placed.map((p) => p.uri), corpus);
    if (refused.length > 0) {
      for (const r of refused) ctx.error(`${ctx.display(r.uri)}: not written: ${r.reason}`);
      return ctx.error(`nothing exported: choose an --out outside the films' folders`);
    }
    for (const p of placed) await ctx.io.host.writeFile(p.uri, encodeText(p.file.text));
    const n = exportCounts(collected.reviews, mentions);
    ctx.io.err(
      `marginalia: exported ${n.annotations} annotation${n.annotations === 1 ? '' : 's'}${mentions ? ` and ${n.mentions} mentions` : ''} from ${n.reviews} review${n.reviews === 1 ? '' : 's'} to ${ctx.display(fileUri(target))}${intoDir ? ` (${result.files.length} files)` : ''}`,
    );
  },
};
