// `marginalia propose FILMDIR [--json] [--write]`: reads the film's reviews and proposes lexicon
// entries (characters, people with roles, the film, themes) with their evidence; --write merges
// them into FILMDIR/film.yaml, keeping everything already there.

import { isLexiconPath } from '../../core/corpus';
import { replaceFile } from '../../core/files/safeWrite';
import { parseLexicon } from '../../core/lexicon/parseLexicon';
import { LexiconNotParsedError } from '../../core/lexicon/propose/mergeProposals';
import { mergeProposalsIntoLexicon, proposeLexicon, type Proposal, type ProposalReview } from '../../core/lexicon/propose';
import { joinUri } from '../../core/model/uri';
import { readReviewInfo } from '../../core/review';
import type { CliCommand } from '../command';
import { table } from '../context';

/** The --json shape of one proposal, in the contract's key order. */
export function proposalJson(p: Proposal): Record<string, unknown> {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    aliases: p.aliases,
    ...(p.playedBy?.length ? { playedBy: p.playedBy } : {}),
    ...(p.roles?.length ? { roles: p.roles } : {}),
    count: p.count,
    reviews: p.reviews,
    examples: p.examples,
    confidence: p.confidence,
  };
}

export const proposeCommand: CliCommand = {
  name: 'propose',
  synopsis: 'propose FILMDIR [--json] [--write]',
  summary: "propose lexicon entries from the film's reviews, with evidence; --write adds them to film.yaml",
  options: { json: { type: 'boolean' }, write: { type: 'boolean' } },
  minPositionals: 1,
  maxPositionals: 1,
  async run(ctx, args) {
    const dirArg = args.positionals[0];
    const dir = ctx.uri(dirArg);
    const stat = await ctx.io.host.stat(dir);
    if (!stat) return ctx.error(`${dirArg}: no such folder`);
    if (stat.kind !== 'directory') return ctx.error(`${dirArg}: not a folder (give the film's folder, the one with film.yaml)`);
    const lexiconUri = joinUri(dir, 'film.yaml');
    if (!(await ctx.io.host.stat(lexiconUri))) return ctx.error(`${ctx.display(lexiconUri)}: no film.yaml; create one with the film's title first (version: 1, film: {id, title})`);
    const lexiconText = await ctx.readText(lexiconUri);
    if (lexiconText === undefined) return;
    const existing = parseLexicon(lexiconUri, lexiconText);
    const unreadable = existing.diagnostics.find((d) => d.code === 'yaml-syntax' || d.code === 'not-a-mapping');
    if (unreadable || !existing.film.title) {
      // Without the title there is nothing to propose against; a write would destroy what it cannot read.
      if (unreadable) ctx.diagnostic(unreadable);
      return ctx.error(`${ctx.display(lexiconUri)}: ${unreadable ? 'does not parse' : 'has no film title'}; fix it before proposing${args.values.write ? ' (nothing written)' : ''}`);
    }

    const reviews: ProposalReview[] = [];
    for (const uri of await ctx.reviewUris([dirArg])) {
      if (isLexiconPath(uri)) continue;
      const text = await ctx.readText(uri);
      if (text === undefined) continue;
      reviews.push({ uri, text, bodyStart: readReviewInfo(uri, text).bodyStart });
    }
    if (reviews.length === 0) return ctx.error(`${dirArg}: no reviews (.md, .txt) in this folder`);
    const result = proposeLexicon(reviews, { title: existing.film.title, year: existing.film.year }, existing);

    if (args.values.json) {
      ctx.io.out(JSON.stringify({ entities: result.entities.map(proposalJson), hints: result.hints }, null, 2));
    } else {
      const rows = result.entities.map((p) => [
        p.kind,
        p.confidence.toFixed(2),
        p.id,
        p.name,
        p.aliases.join(', '),
        [...(p.playedBy ?? []).map((x) => `played by ${x}`), ...(p.roles ?? [])].join(', '),
        `${p.count}× / ${p.reviews}`,
        p.evidence.join('; '),
      ]);
      ctx.io.out(table(['KIND', 'CONF', 'ID', 'NAME', 'ALIASES / TERMS', 'LINKS', 'SEEN', 'EVIDENCE'], rows));
      if (result.hints.length) {
        ctx.io.out(`\nRecurring names not proposed (${result.hints.length}):`);
        for (const h of result.hints) ctx.io.out(`  ${h.name} (${h.count}× in ${h.reviews} review${h.reviews === 1 ? '' : 's'}): ${h.reason}`);
      }
      if (!args.values.write) ctx.io.out(`\n${result.entities.length} proposal${result.entities.length === 1 ? '' : 's'} from ${reviews.length} review${reviews.length === 1 ? '' : 's'}; add them to ${ctx.display(lexiconUri)} with --write`);
    }

    if (args.values.write) {
      let merged: string;
      try {
        merged = mergeProposalsIntoLexicon(lexiconText, result.entities);
      } catch (e) {
        if (e instanceof LexiconNotParsedError) return ctx.error(`${ctx.display(lexiconUri)}:${e.message} (nothing written)`);
        throw e;
      }
      if (merged === lexiconText) {
        if (!args.values.json) ctx.io.out(`${ctx.display(lexiconUri)}: nothing new to add`);
        return;
      }
      await replaceFile(ctx.io.host, lexiconUri, new TextEncoder().encode(merged));
      const added = parseLexicon(lexiconUri, merged).entities.length - existing.entities.length;
      if (!args.values.json) ctx.io.out(`wrote ${added} new entr${added === 1 ? 'y' : 'ies'} to ${ctx.display(lexiconUri)}`);
      else ctx.io.err(`wrote ${added} new entr${added === 1 ? 'y' : 'ies'} to ${ctx.display(lexiconUri)}`);
    }
  },
};
