// `marginalia install-merge-driver [REPO]`: makes git merge sidecars with `marginalia merge-driver`
// in that repository: `*.annotations.yaml merge=marginalia` in its .gitattributes (added once), and
// `merge.marginalia.driver` / `.name` in its git config, calling this Node and this CLI by
// absolute path (so it works without `marginalia` on PATH).

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { type CliCommand, stringOption } from '../command';

export const GITATTRIBUTES_LINE = '*.annotations.yaml merge=marginalia';

export const installMergeDriverCommand: CliCommand = {
  name: 'install-merge-driver',
  synopsis: 'install-merge-driver [REPO]',
  summary: 'set up git in REPO to merge annotation sidecars with Marginalia',
  options: { cli: { type: 'string' } },
  maxPositionals: 1,
  async run(ctx, args) {
    const repoArg = args.positionals[0] ?? '.';
    const git = (...a: string[]) => execFileSync('git', ['-C', nodePath.resolve(ctx.io.cwd, repoArg), ...a], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    let top: string;
    try {
      top = git('rev-parse', '--show-toplevel');
    } catch {
      return ctx.error(`${repoArg}: not inside a git repository`);
    }
    const cli = nodePath.resolve(ctx.io.cwd, stringOption(args, 'cli') ?? require.main?.filename ?? process.argv[1]);
    const attributes = nodePath.join(top, '.gitattributes');
    const current = fs.existsSync(attributes) ? fs.readFileSync(attributes, 'utf8') : '';
    const present = current.split(/\r?\n/).some((l) => /^\*\.annotations\.yaml\s.*\bmerge=marginalia\b/.test(l.trim()));
    if (!present) fs.writeFileSync(attributes, current + (current && !current.endsWith('\n') ? '\n' : '') + GITATTRIBUTES_LINE + '\n');
    const driver = `${shellQuote(process.execPath)} ${shellQuote(cli)} merge-driver %O %A %B %P`;
    git('config', 'merge.marginalia.name', 'Marginalia annotation sidecars (three-way by annotation id)');
    git('config', 'merge.marginalia.driver', driver);
    ctx.io.out(`${present ? 'kept' : 'added'}   ${GITATTRIBUTES_LINE}  (${nodePath.relative(ctx.io.cwd, attributes) || attributes})`);
    ctx.io.out(`set     merge.marginalia.driver = ${driver}`);
  },
};

/** A word for git's `sh -c`: single-quoted, with ' written as '\''. */
function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
