// `marginalia init FILMDIR --title T [--year Y]`: a new film folder with a minimal film.yaml.
// Never overwrites a lexicon that is already there.

import { newLexiconText } from '../../core/lexicon/newLexicon';
import { joinUri } from '../../core/model/uri';
import { encodeText } from '../../core/text';
import { type CliCommand, stringOption } from '../command';
import { ensureFolder } from '../folders';

export const initCommand: CliCommand = {
  name: 'init',
  synopsis: 'init FILMDIR --title T [--year Y]',
  summary: 'create a film folder with a minimal film.yaml (never overwrites one)',
  options: { title: { type: 'string' }, year: { type: 'string' } },
  minPositionals: 1,
  maxPositionals: 1,
  async run(ctx, args) {
    const title = stringOption(args, 'title')?.trim();
    if (!title) return ctx.usage('init needs --title T (the film’s title as critics write it)');
    const yearArg = stringOption(args, 'year');
    let year: number | undefined;
    if (yearArg !== undefined) {
      year = Number(yearArg);
      if (!/^\d{4}$/.test(yearArg.trim()) || year < 1870 || year > 2200) return ctx.usage(`--year must be a year such as 2016, not "${yearArg}"`);
    }
    const dirArg = args.positionals[0];
    const dir = ctx.uri(dirArg);
    if (!(await ensureFolder(ctx, dir, dirArg))) return;
    const lexicon = joinUri(dir, 'film.yaml');
    if (await ctx.io.host.stat(lexicon)) return ctx.error(`${ctx.display(lexicon)} already exists; not overwritten`);
    await ctx.io.host.writeFile(lexicon, encodeText(newLexiconText({ title, year })));
    ctx.io.out(`created ${ctx.display(lexicon)} for ${title}${year ? ` (${year})` : ''}; add reviews with \`marginalia import FILE... --into ${dirArg}\``);
  },
};
