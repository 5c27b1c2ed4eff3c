// `marginalia annotate` writes sidecars as the editor's command does; `marginalia check` validates
// lexicons and sidecars without writing, exiting 1 on errors or orphaned annotations (for CI).

import { reanchor } from '../core/annotations/anchoring';
import { formatSidecarError } from '../core/annotations/model';
import { SidecarStore, sidecarPathFor } from '../core/annotations/sidecarStore';
import { readReviewInfo } from '../core/review';
import { LineMap } from '../core/text';
import type { CliContext } from './main';

export async function runAnnotationCommand(ctx: CliContext, command: 'annotate' | 'check', paths: string[], lexiconFlag: string | undefined, json: boolean): Promise<void> {
  const store = new SidecarStore(ctx.io.host);
  const results: Array<Record<string, unknown>> = [];
  for (const review of await ctx.reviewPaths(paths)) {
    const read = await ctx.readReview(review, lexiconFlag);
    if (!read) continue;
    const { text, matcher } = read;
    if (command === 'annotate') {
      const mentions = matcher.findMentions(text, { bodyStart: readReviewInfo(review, text).bodyStart });
      const outcome = await store.write(review, text, mentions);
      for (const e of outcome.errors) ctx.error(formatSidecarError({ ...e, file: ctx.display(e.file) }));
      results.push({ review: ctx.display(review), sidecar: ctx.display(sidecarPathFor(review)), status: outcome.status, orphans: outcome.orphans });
      if (!json) ctx.io.out(`${outcome.status.padEnd(9)} ${ctx.display(sidecarPathFor(review))}${outcome.orphans ? `  (${outcome.orphans} orphaned)` : ''}`);
      continue;
    }
    // check: read, re-anchor in memory, report; never write.
    const { sidecar, errors } = await store.load(review);
    for (const e of errors) ctx.error(formatSidecarError({ ...e, file: ctx.display(e.file) }));
    if (!sidecar) continue;
    const lines = new LineMap(text);
    let orphans = 0;
    for (const a of sidecar.annotations) {
      if (reanchor(text, a.target).kind !== 'orphan') continue;
      orphans++;
      const p = lines.positionAt(Math.min(a.target.start, text.length));
      const quote = a.target.quote.replace(/\s+/g, ' ');
      ctx.error(`${ctx.display(review)}:${p.line + 1}:${p.character + 1}: annotation ${a.id} is orphaned: its passage “${quote.length > 60 ? quote.slice(0, 59) + '…' : quote}” is not in the text any more (kept in ${ctx.display(sidecarPathFor(review))})`);
    }
    results.push({ review: ctx.display(review), sidecar: ctx.display(sidecarPathFor(review)), annotations: sidecar.annotations.length, orphans, errors: errors.length });
  }
  if (json) ctx.io.out(JSON.stringify({ [command === 'annotate' ? 'written' : 'checked']: results }, null, 2));
  else if (command === 'check') ctx.io.out(`checked ${results.length} sidecar${results.length === 1 ? '' : 's'}${ctx.errors ? `, ${ctx.errors} problem${ctx.errors === 1 ? '' : 's'}` : ', no problems'}`);
}
