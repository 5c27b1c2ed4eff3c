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
    const chunks: string[] = [];
    // JSON is written review by review, as it is made (10,000 reviews are ~50 MB of it): one review
    // per line, so line tools (grep, head) work on it too, and the whole is one JSON document.
    let first = true;
    if (json) await ctx.write('{"reviews":[');
    for (const uri of await ctx.reviewUris(args.positionals)) {
      const read = await ctx.readReview(uri, stringOption(args, 'lexicon'));
      if (!read) continue;
      const { text, matcher } = read;
      const mentions = matcher.findMentions(text, { bodyStart: readReviewInfo(uri, text).bodyStart });
      if (json) {
        const review = {
          file: ctx.display(uri),
          mentions: mentions.map((m) => ({ entity: m.entity, kind: m.kind, start: m.start, end: m.end, text: m.text, ...(m.fuzzy ? { fuzzy: m.fuzzy } : {}) })),
        };
        await ctx.write(`${first ? '' : ','}\n${JSON.stringify(review)}`);
        first = false;
      } else {
        const lines = new LineMap(text);
        const rows = mentions.map((m) => {
          const p = lines.positionAt(m.start);
          return [`${p.line + 1}:${p.character + 1}`, m.kind, m.entity, m.text + (m.fuzzy ? `  (read as ${m.fuzzy})` : '')];
        });
        chunks.push(`${ctx.display(uri)} — ${mentions.length} mentions\n${table(['LINE:COL', 'KIND', 'ENTITY', 'TEXT'], rows)}`);
      }
    }
    if (json) {
      await ctx.write(first ? ']}' : '\n]}');
      await ctx.end();
    } else ctx.io.out(chunks.join('\n\n'));
  },
};
