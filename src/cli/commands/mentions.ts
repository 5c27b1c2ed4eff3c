import { readReviewInfo } from '../../core/review';
import { LineMap } from '../../core/text';
import { type CliCommand, stringOption } from '../command';
import { table } from '../context';

export const mentionsCommand: CliCommand = {
  name: 'mentions',
  synopsis: 'mentions PATH... [--lexicon FILE] [--json]',
  summary: 'find every mention in reviews (files or folders)',
  options: { lexicon: { type: 'string' }, json: { type: 'boolean' } },
  minPositionals: 1,
  async run(ctx, args) {
    const json = !!args.values.json;
    const reviews: Array<{ file: string; mentions: unknown[] }> = [];
    const chunks: string[] = [];
    for (const uri of await ctx.reviewUris(args.positionals)) {
      const read = await ctx.readReview(uri, stringOption(args, 'lexicon'));
      if (!read) continue;
      const { text, matcher } = read;
      const mentions = matcher.findMentions(text, { bodyStart: readReviewInfo(uri, text).bodyStart });
      reviews.push({
        file: ctx.display(uri),
        mentions: mentions.map((m) => ({ entity: m.entity, kind: m.kind, start: m.start, end: m.end, text: m.text, ...(m.fuzzy ? { fuzzy: m.fuzzy } : {}) })),
      });
      if (!json) {
        const lines = new LineMap(text);
        const rows = mentions.map((m) => {
          const p = lines.positionAt(m.start);
          return [`${p.line + 1}:${p.character + 1}`, m.kind, m.entity, m.text + (m.fuzzy ? `  (read as ${m.fuzzy})` : '')];
        });
        chunks.push(`${ctx.display(uri)} — ${mentions.length} mentions\n${table(['LINE:COL', 'KIND', 'ENTITY', 'TEXT'], rows)}`);
      }
    }
    ctx.io.out(json ? JSON.stringify({ reviews }, null, 2) : chunks.join('\n\n'));
  },
};
