// `marginalia check` validates lexicons and sidecars without writing; exit 1 on errors or
// orphaned annotations (for CI).

import { reanchor } from '../../core/annotations/anchoring';
import { describeDetached, findDetachedSidecars } from '../../core/annotations/detachedSidecars';
import { LinkChecker } from '../../core/annotations/linkCheck';
import { formatSidecarError } from '../../core/annotations/model';
import { SidecarStore, sidecarUriFor } from '../../core/annotations/sidecarStore';
import { dirnameUri } from '../../core/model/uri';
import { LineMap } from '../../core/text';
import { type CliCommand, stringOption } from '../command';

export const checkCommand: CliCommand = {
  name: 'check',
  synopsis: 'check PATH... [--lexicon FILE] [--json]',
  summary: 'validate lexicons and sidecars; exit 1 on errors or orphans',
  options: { lexicon: { type: 'string' }, json: { type: 'boolean' } },
  minPositionals: 1,
  async run(ctx, args) {
    const store = new SidecarStore(ctx.io.host);
    const links = new LinkChecker(ctx.io.host);
    const checked: Array<Record<string, unknown>> = [];
    const reviews = await ctx.reviewUris(args.positionals);
    for (const dir of new Set(reviews.map(dirnameUri))) {
      for (const d of await findDetachedSidecars(ctx.io.host, dir)) ctx.error(describeDetached(d, (u) => ctx.display(u)));
    }
    for (const review of reviews) {
      const read = await ctx.readReview(review, stringOption(args, 'lexicon'));
      if (!read) continue;
      const { text } = read;
      const { sidecar, errors } = await store.load(review);
      for (const e of errors) ctx.error(formatSidecarError({ ...e, file: ctx.display(e.file) }));
      if (!sidecar) continue;
      const lines = new LineMap(text);
      const at = (offset: number) => {
        const p = lines.positionAt(Math.min(offset, text.length));
        return `${ctx.display(review)}:${p.line + 1}:${p.character + 1}`;
      };
      let orphans = 0;
      const anchors = new Map(sidecar.annotations.map((a) => [a.id, reanchor(text, a.target)]));
      for (const a of sidecar.annotations) {
        if (anchors.get(a.id)?.kind !== 'orphan') continue;
        orphans++;
        const quote = a.target.quote.replace(/\s+/g, ' ');
        ctx.error(`${at(a.target.start)}: annotation ${a.id} is orphaned: its passage “${quote.length > 60 ? quote.slice(0, 59) + '…' : quote}” is not in the text any more (kept in ${ctx.display(sidecarUriFor(review))})`);
      }
      for (const a of sidecar.annotations) {
        const found = anchors.get(a.id);
        if (!found || found.kind === 'orphan' || !found.ambiguous) continue;
        const quote = a.target.quote.replace(/\s+/g, ' ');
        const others = found.ambiguous.map((p) => at(p.start).slice(ctx.display(review).length + 1)).join(' and ');
        ctx.error(`${at(found.start)}: annotation ${a.id} is ambiguous: its passage “${quote.length > 60 ? quote.slice(0, 59) + '…' : quote}” is also at ${others}, right beside it with the same context on one side (a pasted copy?); it is placed here — re-anchor it if the other is the right one`);
      }
      for (const broken of await links.brokenLinks(review, sidecar)) {
        const found = anchors.get(broken.annotation);
        const where = at(found && found.kind !== 'orphan' ? found.start : (sidecar.annotations.find((a) => a.id === broken.annotation)?.target.start ?? 0));
        ctx.error(
          broken.problem === 'no-review'
            ? `${where}: annotation ${broken.annotation} links to ${ctx.display(broken.review)}, which does not exist`
            : `${where}: annotation ${broken.annotation} links to annotation ${broken.link.id} in ${ctx.display(broken.review)}, which has no such annotation`,
        );
      }
      const ambiguous = [...anchors.values()].filter((r) => r.kind !== 'orphan' && r.ambiguous).length;
      checked.push({ review: ctx.display(review), sidecar: ctx.display(sidecarUriFor(review)), annotations: sidecar.annotations.length, orphans, ambiguous, errors: errors.length });
    }
    if (args.values.json) ctx.io.out(JSON.stringify({ checked }, null, 2));
    else ctx.io.out(`checked ${checked.length} sidecar${checked.length === 1 ? '' : 's'}${ctx.errors ? `, ${ctx.errors} problem${ctx.errors === 1 ? '' : 's'}` : ', no problems'}`);
  },
};
