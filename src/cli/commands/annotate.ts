// `marginalia annotate` writes sidecars as the editor's command does: mentions regenerated,
// annotations re-anchored, everything else kept.

import { formatSidecarError } from '../../core/annotations/model';
import { SidecarStore, sidecarUriFor } from '../../core/annotations/sidecarStore';
import { readReviewInfo } from '../../core/review';
import { type CliCommand, stringOption } from '../command';

export const annotateCommand: CliCommand = {
  name: 'annotate',
  synopsis: 'annotate PATH... [--lexicon FILE] [--json]',
  summary: 'write annotation sidecars (re-anchor, regenerate mentions)',
  options: { lexicon: { type: 'string' }, json: { type: 'boolean' } },
  minPositionals: 1,
  async run(ctx, args) {
    const json = !!args.values.json;
    const store = new SidecarStore(ctx.io.host);
    const written: Array<Record<string, unknown>> = [];
    for (const review of await ctx.reviewUris(args.positionals)) {
      const read = await ctx.readReview(review, stringOption(args, 'lexicon'));
      if (!read) continue;
      const mentions = read.matcher.findMentions(read.text, { bodyStart: readReviewInfo(review, read.text).bodyStart });
      const outcome = await store.write(review, read.text, mentions);
      for (const e of outcome.errors) ctx.error(formatSidecarError({ ...e, file: ctx.display(e.file) }));
      const sidecar = ctx.display(sidecarUriFor(review));
      written.push({ review: ctx.display(review), sidecar, status: outcome.status, orphans: outcome.orphans });
      if (!json) ctx.io.out(`${outcome.status.padEnd(9)} ${sidecar}${outcome.orphans ? `  (${outcome.orphans} orphaned)` : ''}`);
    }
    if (json) ctx.io.out(JSON.stringify({ written }, null, 2));
  },
};
