// `marginalia check` validates lexicons and sidecars without writing; exit 1 on errors, orphaned
// annotations or unresolved merge conflicts (for CI). A film.yaml given (or found in a folder
// given) is checked even when no review uses it.

import { reanchor } from '../../core/annotations/anchoring';
import { describeDetached, findDetachedSidecars } from '../../core/annotations/detachedSidecars';
import { LinkChecker } from '../../core/annotations/linkCheck';
import { formatSidecarError } from '../../core/annotations/model';
import { SidecarStore, sidecarUriFor } from '../../core/annotations/sidecarStore';
import { discoverFilms, isLexiconPath } from '../../core/corpus';
import { dirnameUri } from '../../core/model/uri';
import { LineMap } from '../../core/text';
import { type CliCommand, stringOption } from '../command';

export const checkCommand: CliCommand = {
  name: 'check',
  synopsis: 'check PATH... [--lexicon FILE] [--json]',
  summary: 'validate lexicons and sidecars; exit 1 on errors, orphans or merge conflicts',
  options: { lexicon: { type: 'string' }, json: { type: 'boolean' } },
  minPositionals: 1,
  async run(ctx, args) {
    const store = new SidecarStore(ctx.io.host);
    const links = new LinkChecker(ctx.io.host);
    const checked: Array<Record<string, unknown>> = [];
    // Lexicons first: the ones named, and the ones in folders named.
    const lexiconUris = new Set<string>();
    const lexiconArg = stringOption(args, 'lexicon');
    if (lexiconArg) lexiconUris.add(ctx.uri(lexiconArg));
    for (const p of args.positionals) {
      const uri = ctx.uri(p);
      const stat = await ctx.io.host.stat(uri);
      if (stat?.kind === 'file' && isLexiconPath(uri)) lexiconUris.add(uri);
      else if (stat?.kind === 'directory') for (const f of await discoverFilms(ctx.io.host, uri)) lexiconUris.add(f.lexiconPath);
    }
    const lexicons: Array<Record<string, unknown>> = [];
    const checkLexicon = async (uri: string) => {
      if (lexicons.some((l) => l.uri === uri)) return;
      const before = ctx.errors;
      const lex = await ctx.lexicon(uri);
      lexicons.push({ uri, lexicon: ctx.display(uri), entities: lex?.entities.length ?? 0, problems: lex ? lex.diagnostics.length : 1, errors: ctx.errors - before });
    };
    for (const uri of lexiconUris) await checkLexicon(uri);
    const reviews = await ctx.reviewUris(args.positionals);
    for (const dir of new Set(reviews.map(dirnameUri))) {
      for (const d of await findDetachedSidecars(ctx.io.host, dir)) ctx.error(describeDetached(d, (u) => ctx.display(u)));
    }
    for (const review of reviews) {
      const read = await ctx.readReview(review, lexiconArg);
      if (read) await checkLexicon(read.lexicon.path);
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
      // Conflicts recorded by the merge driver stay until a person resolves them.
      let conflicts = 0;
      const unresolved = (where: string, list: Array<{ field: string }> | undefined) => {
        if (!list?.length) return;
        conflicts += list.length;
        ctx.error(`${where}: unresolved merge conflict on ${list.map((c) => c.field).join(', ')}: the other version is recorded under "conflicts:" in ${ctx.display(sidecarUriFor(review))}; keep what is right and delete the entry`);
      };
      unresolved(`${ctx.display(sidecarUriFor(review))}:1:1: the sidecar`, sidecar.conflicts);
      for (const a of sidecar.annotations) {
        const p = lines.positionAt(Math.min(a.target.start, text.length));
        unresolved(`${ctx.display(review)}:${p.line + 1}:${p.character + 1}: annotation ${a.id}`, a.conflicts);
      }
      const ambiguous = [...anchors.values()].filter((r) => r.kind !== 'orphan' && r.ambiguous).length;
      checked.push({ review: ctx.display(review), sidecar: ctx.display(sidecarUriFor(review)), annotations: sidecar.annotations.length, orphans, ambiguous, conflicts, errors: errors.length });
    }
    if (args.values.json) {
      ctx.io.out(JSON.stringify({ checked, lexicons: lexicons.map(({ uri: _uri, ...rest }) => rest) }, null, 2));
      return;
    }
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    // Say what was checked: a lexicon alone is "1 lexicon", never "0 sidecars".
    const what = [lexicons.length ? plural(lexicons.length, 'lexicon') : '', checked.length || !lexicons.length ? plural(checked.length, 'sidecar') : ''].filter(Boolean).join(' and ');
    ctx.io.out(`checked ${what}${ctx.errors ? `, ${plural(ctx.errors, 'problem')}` : ', no problems'}`);
  },
};
