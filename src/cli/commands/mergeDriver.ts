// `marginalia merge-driver BASE OURS THEIRS [PATH]`: git's merge driver for sidecars (git passes
// %O %A %B %P; `marginalia install-merge-driver` sets it up). The three-way merge by annotation id
// (src/core/annotations/merge.ts) is written to OURS. Exit 0 when the result is a sidecar, even with
// conflicts recorded under `conflicts:` (nothing is lost; `marginalia check` reports them), unless
// --strict; exit 1 only where git must stop: a side that is not a readable sidecar. Then git's own
// line merge (`git merge-file`) writes its conflict markers into OURS, so both sides stay visible,
// and if even that fails OURS is left as it was.

import { execFileSync } from 'node:child_process';
import { findLexiconFor } from '../../core/corpus';
import { mergeSidecars, SidecarMergeError } from '../../core/annotations/merge';
import { parseSidecar, SIDECAR_SUFFIX, textHash } from '../../core/annotations/sidecarFormat';
import type { SidecarMention } from '../../core/annotations/model';
import { MentionMatcher } from '../../core/mentions/mentionMatcher';
import { dirnameUri, joinUri, uriToFsPath } from '../../core/model/uri';
import { parseLexicon } from '../../core/lexicon/parseLexicon';
import { readReviewInfo, REVIEW_EXTENSIONS } from '../../core/review';
import { decodeText, encodeText } from '../../core/text';
import type { CliCommand } from '../command';
import type { CliContext } from '../context';

export const mergeDriverCommand: CliCommand = {
  name: 'merge-driver',
  synopsis: 'merge-driver BASE OURS THEIRS [PATH] [--strict]',
  summary: 'git merge driver for *.annotations.yaml (three-way by annotation id)',
  options: { strict: { type: 'boolean' } },
  minPositionals: 3,
  maxPositionals: 4,
  async run(ctx, args) {
    const [baseArg, oursArg, theirsArg, pathArg] = args.positionals;
    const host = ctx.io.host;
    const oursUri = ctx.uri(oursArg);
    const read = async (arg: string) => decodeText(await host.readFile(ctx.uri(arg)));
    const label = pathArg ?? oursArg;
    let texts: { base: string; ours: string; theirs: string };
    try {
      texts = { base: await read(baseArg), ours: await read(oursArg), theirs: await read(theirsArg) };
    } catch (e) {
      return ctx.error(`${label}: cannot read the versions to merge: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      const review = pathArg ? await mergedReview(ctx, pathArg, texts) : undefined;
      const result = await mergeSidecars({ ...texts, file: label, ...(review ?? {}) });
      await host.writeFile(oursUri, encodeText(result.text));
      if (!result.clean) {
        const message = `${label}: ${result.conflicts} conflict${result.conflicts === 1 ? '' : 's'} kept under "conflicts:" (ours in place, theirs recorded); resolve, then \`marginalia check\``;
        if (args.values.strict) ctx.error(message);
        else ctx.io.err(`marginalia: ${message}`);
      }
    } catch (e) {
      const why = e instanceof SidecarMergeError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
      ctx.error(`${label}: not merged by annotation id, left to git as a conflict:\n${why}`);
      lineMerge(oursUri, ctx.uri(baseArg), ctx.uri(theirsArg));
    }
  },
};

/**
 * The review next to the sidecar, as re-anchoring text, when it is known to be the merged text:
 * when its hash is one side's textHash and not the other's, git has not merged the review yet (it
 * merges paths in order, and `name.annotations.yaml` sorts before `name.md`) and the annotations are
 * left for the next `marginalia annotate` to re-anchor.
 */
async function mergedReview(ctx: CliContext, pathArg: string, texts: { ours: string; theirs: string }): Promise<{ reviewText: string; mentions?: SidecarMention[] } | undefined> {
  const sidecarUri = ctx.uri(pathArg);
  if (!sidecarUri.endsWith(SIDECAR_SUFFIX)) return undefined;
  const stem = sidecarUri.slice(sidecarUri.lastIndexOf('/') + 1, -SIDECAR_SUFFIX.length);
  for (const ext of REVIEW_EXTENSIONS) {
    const reviewUri = joinUri(dirnameUri(sidecarUri), decodeURIComponent(stem) + ext);
    if ((await ctx.io.host.stat(reviewUri))?.kind !== 'file') continue;
    const reviewText = decodeText(await ctx.io.host.readFile(reviewUri));
    const hash = await textHash(reviewText);
    const [ours, theirs] = [parseSidecar(texts.ours, 'ours').sidecar?.textHash, parseSidecar(texts.theirs, 'theirs').sidecar?.textHash];
    if ((hash === ours) !== (hash === theirs)) return undefined;
    const lexiconUri = await findLexiconFor(ctx.io.host, reviewUri);
    if (!lexiconUri) return { reviewText };
    const lexicon = parseLexicon(lexiconUri, decodeText(await ctx.io.host.readFile(lexiconUri)));
    const mentions = new MentionMatcher(lexicon).findMentions(reviewText, { bodyStart: readReviewInfo(reviewUri, reviewText).bodyStart });
    return { reviewText, mentions };
  }
  return undefined;
}

/** git's own line merge with conflict markers, into OURS; OURS untouched if git cannot be run. */
function lineMerge(ours: string, base: string, theirs: string): void {
  try {
    execFileSync('git', ['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', uriToFsPath(ours), uriToFsPath(base), uriToFsPath(theirs)], { stdio: 'ignore' });
  } catch {
    // merge-file exits with the number of conflicts; its output is in OURS either way.
  }
}
