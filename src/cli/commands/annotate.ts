// `marginalia annotate` writes sidecars as the editor's command does: mentions regenerated,
// annotations re-anchored, everything else kept. A film whose lexicon does not load keeps its
// sidecars exactly as they are (their mentions would otherwise all be rewritten from nothing).

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
    /** Lexicons with errors → how many of their reviews' sidecars were left alone. */
    const leftAlone = new Map<string, number>();
    for (const review of await ctx.reviewUris(args.positionals)) {
      const read = await ctx.readReview(review, stringOption(args, 'lexicon'));
      if (!read) continue;
      if (read.lexicon.diagnostics.some((d) => d.severity === 'error')) {
        leftAlone.set(read.lexicon.path, (leftAlone.get(read.lexicon.path) ?? 0) + 1);
        continue;
      }
      const mentions = read.matcher.findMentions(read.text, { bodyStart: readReviewInfo(review, read.text).bodyStart });
      const outcome = await store.write(review, read.text, mentions);
      for (const e of outcome.errors) ctx.error(formatSidecarError({ ...e, file: ctx.display(e.file) }));
      const sidecar = ctx.display(sidecarUriFor(review));
      written.push({ review: ctx.display(review), sidecar, status: outcome.status, orphans: outcome.orphans });
      if (!json) ctx.io.out(`${outcome.status.padEnd(9)} ${sidecar}${outcome.orphans ? `  (${outcome.orphans} orphaned)` : ''}`);
    }
    for (const [lexicon, n] of leftAlone) {
      ctx.error(`${ctx.display(lexicon)} does not load (see its errors above): the ${n} sidecar${n === 1 ? '' : 's'} of its reviews were left as they are; fix the lexicon and run annotate again`);
    }
    if (json) ctx.io.out(JSON.stringify({ written }, null, 2));
  },
};
