import { discoverFilms, findLexiconFor, isLexiconPath } from '../../core/corpus';
import { joinUri } from '../../core/model/uri';
import { type CliCommand, stringOption } from '../command';
import { table } from '../context';

export const entitiesCommand: CliCommand = {
  name: 'entities',
  synopsis: 'entities [PATH | --lexicon FILE] [--json]',
  summary: "list the film's characters, people and themes",
  options: { lexicon: { type: 'string' }, json: { type: 'boolean' } },
  maxPositionals: 1,
  async run(ctx, args) {
    const lexiconArg = stringOption(args, 'lexicon');
    const lexicons: string[] = [];
    if (lexiconArg) lexicons.push(ctx.uri(lexiconArg));
    else {
      const given = args.positionals[0] ?? '.';
      const target = ctx.uri(given);
      const stat = await ctx.io.host.stat(target);
      if (!stat) return ctx.error(`${given}: no such file or folder`);
      if (stat.kind === 'directory') {
        const films = await discoverFilms(ctx.io.host, target);
        if (films.length > 0) lexicons.push(...films.map((f) => f.lexiconPath));
        else {
          const above = await findLexiconFor(ctx.io.host, joinUri(target, 'x'));
          if (above) lexicons.push(above);
        }
      } else if (isLexiconPath(target)) lexicons.push(target);
      else {
        const above = await findLexiconFor(ctx.io.host, target);
        if (above) lexicons.push(above);
      }
      if (lexicons.length === 0) return ctx.error(`${given}: no film.yaml here or above; pass --lexicon FILE`);
    }
    const entities: Array<Record<string, unknown>> = [];
    const rows: string[][] = [];
    for (const uri of lexicons) {
      const lex = await ctx.lexicon(uri);
      if (!lex) continue;
      for (const e of lex.entities) {
        const entry: Record<string, unknown> = { id: e.id, kind: e.kind, name: e.name, aliases: e.aliases };
        if (lexicons.length > 1) entry.film = lex.film.id;
        if (e.description) entry.description = e.description;
        if (e.playedBy.length) entry.playedBy = e.playedBy;
        if (e.roles.length) entry.roles = e.roles;
        entities.push(entry);
        rows.push([e.kind, e.id, e.name, e.aliases.join(', ')]);
      }
    }
    if (args.values.json) ctx.io.out(JSON.stringify({ entities }, null, 2));
    else ctx.io.out(table(['KIND', 'ID', 'NAME', 'ALIASES / TERMS'], rows));
  },
};
