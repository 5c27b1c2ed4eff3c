// `marginalia install-merge-driver [REPO]`: makes git merge sidecars with `marginalia merge-driver`
// in that repository (src/platform/node/mergeDriverSetup.ts, shared with the editor's command),
// calling this Node and this CLI by absolute path.

import * as nodePath from 'node:path';
import { GITATTRIBUTES_LINE, installMergeDriver, NotAGitRepositoryError } from '../../platform/node/mergeDriverSetup';
import { type CliCommand, stringOption } from '../command';

export const installMergeDriverCommand: CliCommand = {
  name: 'install-merge-driver',
  synopsis: 'install-merge-driver [REPO]',
  summary: 'set up git in REPO to merge annotation sidecars with Marginalia',
  options: { cli: { type: 'string' } },
  maxPositionals: 1,
  async run(ctx, args) {
    const repoArg = args.positionals[0] ?? '.';
    const cli = nodePath.resolve(ctx.io.cwd, stringOption(args, 'cli') ?? require.main?.filename ?? process.argv[1]);
    try {
      const done = await installMergeDriver(nodePath.resolve(ctx.io.cwd, repoArg), { executable: process.execPath, cli });
      ctx.io.out(`${done.attributesAdded ? 'added' : 'kept'}   ${GITATTRIBUTES_LINE}  (${nodePath.relative(ctx.io.cwd, done.attributesFile) || done.attributesFile})`);
      ctx.io.out(`set     merge.marginalia.driver = ${done.driver}`);
    } catch (e) {
      if (e instanceof NotAGitRepositoryError) return ctx.error(`${repoArg}: not inside a git repository`);
      throw e;
    }
  },
};
