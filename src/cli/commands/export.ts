// `marginalia export PATH... --format w3c|brat|csv [--out FILE_OR_DIR] [--mentions]`: annotations
// (and with --mentions the engine's mentions) in an open format (docs/interchange.md). A format
// that is one file goes to stdout without --out; brat, and CSV with mentions, need --out DIR.

import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { formatSidecarError } from '../../core/annotations/model';
import { EXPORTERS, type ExportEntity, isExportFormat, type ReviewForExport } from '../../core/export';
import { exportEntities, exportRootFor, gatherReview } from '../../core/export/gather';
import { fileUri } from '../../core/model/uri';
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

    const reviews: ReviewForExport[] = [];
    const entities = new Map<string, ExportEntity>();
    const films = new Set<string>();
    for (const uri of await ctx.reviewUris(args.positionals)) {
      const read = await ctx.readReview(uri, stringOption(args, 'lexicon'));
      if (!read) continue;
      const { review, errors } = await gatherReview(ctx.io.host, uri, exportRootFor(read.lexicon), read.lexicon, mentions ? read.matcher : undefined);
      for (const e of errors) ctx.error(formatSidecarError({ ...e, file: ctx.display(e.file) }));
      if (!review) continue;
      reviews.push(review);
      films.add(read.lexicon.film.title || read.lexicon.film.id);
      for (const e of exportEntities(read.lexicon)) entities.set(`${e.film}\u0000${e.id}`, e);
    }
    const result = exporter.export({ reviews, entities: [...entities.values()], options: { ...options, label: [...films].join(', ') || 'Marginalia export' } });
    for (const w of result.warnings) ctx.io.err(`marginalia: warning: ${w}`);

    if (!out) {
      ctx.io.out(result.files[0].text.replace(/\n$/, ''));
      return;
    }
    const target = nodePath.resolve(ctx.io.cwd, out);
    const intoDir = !exporter.singleFile(options) || fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() || out.endsWith('/');
    for (const f of result.files) {
      const path = intoDir ? nodePath.join(target, ...f.name.split('/')) : target;
      fs.mkdirSync(nodePath.dirname(path), { recursive: true });
      await ctx.io.host.writeFile(fileUri(path), encodeText(f.text));
    }
    const annotations = reviews.reduce((n, r) => n + r.annotations.length, 0);
    ctx.io.err(
      `marginalia: exported ${annotations} annotation${annotations === 1 ? '' : 's'}${mentions ? ` and ${reviews.reduce((n, r) => n + (r.mentions?.length ?? 0), 0)} mentions` : ''} from ${reviews.length} review${reviews.length === 1 ? '' : 's'} to ${ctx.display(fileUri(target))}${intoDir ? ` (${result.files.length} files)` : ''}`,
    );
  },
};
