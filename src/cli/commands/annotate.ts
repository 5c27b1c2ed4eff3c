// `marginalia annotate` writes sidecars as the editor's command does: mentions regenerated,
// annotations re-anchored, everything else kept. A film whose lexicon does not load keeps its
// sidecars exactly as they are (their mentions would otherwise all be rewritten from nothing).

import { describeDetached, reattachDetachedSidecars } from '../../core/annotations/detachedSidecars';
import { formatSidecarError } from '../../core/annotations/model';
import { readSidecarFile } from '../../core/annotations/sidecarFile';
import { SIDECAR_SUFFIX } from '../../core/annotations/sidecarFormat';
import { SidecarStore, sidecarUriFor } from '../../core/annotations/sidecarStore';
import { findLexiconFor } from '../../core/corpus';
import { removeStaleTempFiles } from '../../core/files/staleTempFiles';
import { dirnameUri, joinUri } from '../../core/model/uri';
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
    const reviews = await ctx.reviewUris(args.positionals);
    // Sidecars left behind by a rename go to their review first, before a fresh one is written for it.
    for (const dir of new Set(reviews.map(dirnameUri))) {
      const film = await findLexiconFor(ctx.io.host, joinUri(dir, 'x'));
      const { reattached, left } = await reattachDetachedSidecars(ctx.io.host, dir, film ? dirnameUri(film) : dir);
      for (const r of reattached) {
        const relinked = r.report.relinked.length;
        ctx.io.err(`marginalia: re-attached ${ctx.display(r.sidecar)} to ${ctx.display(r.review)} (its review was renamed): now ${ctx.display(r.report.moved[0].to)}${relinked ? `; links updated in ${relinked} other sidecar${relinked === 1 ? '' : 's'}` : ''}`);
      }
      for (const d of left) ctx.error(describeDetached(d, (u) => ctx.display(u)));
    }
    for (const review of reviews) {
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
      const ambiguous = Object.values(outcome.anchors).filter((r) => r.kind !== 'orphan' && r.ambiguous).length;
      written.push({ review: ctx.display(review), sidecar, status: outcome.status, orphans: outcome.orphans, ambiguous });
      const notes = [outcome.orphans ? `${outcome.orphans} orphaned` : '', ambiguous ? `${ambiguous} ambiguous` : ''].filter(Boolean).join(', ');
      if (!json) ctx.io.out(`${outcome.status.padEnd(9)} ${sidecar}${notes ? `  (${notes})` : ''}`);
    }
    // After the writes, so a sidecar whose first write was interrupted exists again by now.
    for (const dir of new Set(reviews.map(dirnameUri))) {
      const readable = async (uri: string) => (await readSidecarFile(ctx.io.host, uri)).errors.length === 0;
      const { removed, kept } = await removeStaleTempFiles(ctx.io.host, dir, (name) => name.endsWith(SIDECAR_SUFFIX), readable);
      const age = (ms: number) => (ms < 3600_000 ? `${Math.round(ms / 60_000)} min old` : `${(ms / 3600_000).toFixed(1)} h old`);
      for (const t of removed) ctx.io.err(`marginalia: removed ${ctx.display(t.uri)}, left by an interrupted write (${age(t.ageMs)})`);
      for (const t of kept) ctx.error(`${ctx.display(t.uri)}: a temp file left by an interrupted write (${age(t.ageMs)}), kept: ${t.reason}`);
    }
    for (const [lexicon, n] of leftAlone) {
      ctx.error(`${ctx.display(lexicon)} does not load (see its errors above): the ${n} sidecar${n === 1 ? '' : 's'} of its reviews were left as they are; fix the lexicon and run annotate again`);
    }
    if (json) ctx.io.out(JSON.stringify({ written }, null, 2));
  },
};
