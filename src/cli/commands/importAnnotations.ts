// `marginalia import-annotations FILE --format w3c|hypothesis PATH...`: annotations from a W3C
// collection or a Hypothesis export, matched to the reviews under PATH (by source URL, then by
// quote), anchored, and added to their sidecars. Ambiguous and unmatched ones are reported, never
// guessed (exit 1); duplicates of what is already there are left alone.

import { formatSidecarError } from '../../core/annotations/model';
import { SidecarStore } from '../../core/annotations/sidecarStore';
import { exportRootFor, relativeNameOf, sourceUrlOf } from '../../core/export/gather';
import { type ImportCandidate, IMPORTERS, isImportFormat, planImport } from '../../core/export/importers';
import { writeImport } from '../../core/export/importers/writeImport';
import { parseFrontMatter } from '../../core/frontMatter';
import type { Mention } from '../../core/mentions/types';
import { newAnnotationId } from '../../core/model/ids';
import { readReviewInfo } from '../../core/review';
import { decodeText } from '../../core/text';
import { type CliCommand, stringOption } from '../command';

export const importAnnotationsCommand: CliCommand = {
  name: 'import-annotations',
  synopsis: 'import-annotations FILE --format w3c|hypothesis PATH... [--dry-run] [--json]',
  summary: 'add annotations from a W3C or Hypothesis export to the reviews’ sidecars',
  options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, lexicon: { type: 'string' } },
  minPositionals: 2,
  async run(ctx, args) {
    const format = stringOption(args, 'format');
    if (!format || !isImportFormat(format)) return ctx.usage('import-annotations needs --format w3c or hypothesis');
    const [fileArg, ...paths] = args.positionals;
    const fileUri = ctx.uri(fileArg);
    let text: string;
    try {
      text = decodeText(await ctx.io.host.readFile(fileUri));
    } catch (e) {
      return ctx.error(`${fileArg}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
    }
    const parsed = IMPORTERS[format](text, ctx.display(fileUri));
    for (const e of parsed.errors) ctx.error(e);

    const store = new SidecarStore(ctx.io.host);
    const candidates: ImportCandidate[] = [];
    const reviews = new Map<string, { text: string; mentions: Mention[] }>();
    for (const uri of await ctx.reviewUris(paths)) {
      const read = await ctx.readReview(uri, stringOption(args, 'lexicon'));
      if (!read) continue;
      const { sidecar, errors } = await store.load(uri);
      if (errors.length > 0) {
        for (const e of errors) ctx.error(formatSidecarError({ ...e, file: ctx.display(e.file) }));
        continue; // a sidecar that does not parse is never written; its review takes no imports
      }
      const source = uri.toLowerCase().endsWith('.txt') ? undefined : sourceUrlOf(parseFrontMatter(read.text).data);
      candidates.push({ uri, relativeName: relativeNameOf(exportRootFor(read.lexicon), uri), text: read.text, ...(source ? { source } : {}), annotations: sidecar?.annotations ?? [] });
      reviews.set(uri, { text: read.text, mentions: read.matcher.findMentions(read.text, { bodyStart: readReviewInfo(uri, read.text).bodyStart }) });
    }
    const plan = planImport(parsed.annotations, candidates, { now: new Date().toISOString(), newId: newAnnotationId });
    if (!args.values['dry-run']) {
      for (const o of await writeImport(store, plan, reviews)) for (const e of o.errors) ctx.error(formatSidecarError({ ...e, file: ctx.display(e.file) }));
    }
    const counts = { imported: 0, duplicate: 0, ambiguous: 0, unmatched: 0, skipped: 0 };
    for (const e of plan.entries) counts[e.status]++;
    if (args.values.json) {
      ctx.io.out(JSON.stringify({ ...counts, annotations: plan.entries.map((e) => ({ ...e, ...(e.review ? { review: ctx.display(e.review) } : {}) })) }, null, 2));
    } else {
      for (const e of plan.entries) ctx.io.out(`${e.status.padEnd(10)} ${e.label}${e.review ? `  → ${ctx.display(e.review)}${e.id ? `#${e.id}` : ''}` : ''}: ${e.reason}`);
      ctx.io.out(`${args.values['dry-run'] ? 'would import' : 'imported'} ${counts.imported}, duplicate ${counts.duplicate}, ambiguous ${counts.ambiguous}, unmatched ${counts.unmatched}, skipped ${counts.skipped}`);
    }
    const refused = counts.ambiguous + counts.unmatched;
    if (refused > 0) ctx.error(`${refused} annotation${refused === 1 ? ' was' : 's were'} not imported: ambiguous or unmatched ones are never guessed (see above)`);
  },
};
