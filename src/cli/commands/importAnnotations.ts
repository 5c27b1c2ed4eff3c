// `marginalia import-annotations FILE [--format w3c|hypothesis] PATH...`: annotations from a W3C
// collection or a Hypothesis export (the format read from the file when not given), matched to the reviews under PATH (by source URL, then by
// quote), anchored, and added to their sidecars. Ambiguous and unmatched ones are reported, never
// guessed (exit 1); duplicates of what is already there are left alone.

import { formatSidecarError } from '../../core/annotations/model';
import { SidecarStore } from '../../core/annotations/sidecarStore';
import { detectImportFormat, formatImportCounts, gatherImportCandidates, IMPORTERS, importCounts, type ImportTargetReview, isImportFormat, planImport } from '../../core/export/importers';
import { writeImport } from '../../core/export/importers/writeImport';
import { newAnnotationId } from '../../core/model/ids';
import { readReviewInfo } from '../../core/review';
import { decodeText } from '../../core/text';
import { type CliCommand, stringOption } from '../command';

export const importAnnotationsCommand: CliCommand = {
  name: 'import-annotations',
  synopsis: 'import-annotations FILE [--format w3c|hypothesis] PATH... [--dry-run] [--json]',
  summary: 'add annotations from a W3C or Hypothesis export to the reviews’ sidecars',
  options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, lexicon: { type: 'string' } },
  minPositionals: 2,
  async run(ctx, args) {
    const given = stringOption(args, 'format');
    if (given !== undefined && !isImportFormat(given)) return ctx.usage('import-annotations reads --format w3c or hypothesis');
    const [fileArg, ...paths] = args.positionals;
    const fileUri = ctx.uri(fileArg);
    let text: string;
    try {
      text = decodeText(await ctx.io.host.readFile(fileUri));
    } catch (e) {
      return ctx.error(`${fileArg}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
    }
    const format = given ?? detectImportFormat(text);
    if (!format) return ctx.usage(`${fileArg}: cannot tell whether this is W3C or Hypothesis JSON: give --format w3c or hypothesis`);
    const parsed = IMPORTERS[format](text, ctx.display(fileUri));
    for (const e of parsed.errors) ctx.error(e);

    const store = new SidecarStore(ctx.io.host);
    const targets: ImportTargetReview[] = [];
    for (const uri of await ctx.reviewUris(paths)) {
      const read = await ctx.readReview(uri, stringOption(args, 'lexicon'));
      if (!read) continue;
      targets.push({ uri, lexicon: read.lexicon, text: read.text, mentions: read.matcher.findMentions(read.text, { bodyStart: readReviewInfo(uri, read.text).bodyStart }) });
    }
    // A sidecar that does not parse is never written; its review takes no imports.
    const { candidates, reviews, errors } = await gatherImportCandidates(store, targets);
    for (const e of errors) ctx.error(formatSidecarError({ ...e, file: ctx.display(e.file) }));
    const plan = planImport(parsed.annotations, candidates, { now: new Date().toISOString(), newId: newAnnotationId });
    if (!args.values['dry-run']) {
      for (const o of await writeImport(store, plan, reviews)) for (const e of o.errors) ctx.error(formatSidecarError({ ...e, file: ctx.display(e.file) }));
    }
    const counts = importCounts(plan);
    if (args.values.json) {
      ctx.io.out(JSON.stringify({ format, ...counts, annotations: plan.entries.map((e) => ({ ...e, ...(e.review ? { review: ctx.display(e.review) } : {}) })) }, null, 2));
    } else {
      for (const e of plan.entries) ctx.io.out(`${e.status.padEnd(10)} ${e.label}${e.review ? `  → ${ctx.display(e.review)}${e.id ? `#${e.id}` : ''}` : ''}: ${e.reason}`);
      ctx.io.out(formatImportCounts(counts, args.values['dry-run'] ? 'would import' : 'imported'));
    }
    const refused = counts.ambiguous + counts.unmatched;
    if (refused > 0) ctx.error(`${refused} annotation${refused === 1 ? ' was' : 's were'} not imported: ambiguous or unmatched ones are never guessed (see above)`);
  },
};
