// `marginalia import FILE... --into FILMDIR [--json]`: each raw review page (a saved .html, text
// copied from a browser, a .md) becomes one review file in the film folder, named from its critic
// and title, never over an existing file (-2, -3… instead). A report per file says what was kept,
// dropped and extracted. HTML support is loaded only when an input is HTML.

import { importKindOf, importReview, type ImportResult } from '../../core/import';
import { htmlReaderOn } from '../../core/import/htmlPage';
import { loadHtmlDomReader } from '../../platform/node/htmlReader';
import { FileProblem, readTextFile } from '../../core/corpusLoader';
import { writeNewReview } from '../../core/import/writeReview';
import { basenameUri } from '../../core/model/uri';
import { type CliCommand, stringOption } from '../command';
import { ensureFolder } from '../folders';

/** Saved pages carry scripts, styles and inline images: allow more than a review's 2 MB. */
const MAX_PAGE_BYTES = 20 * 1024 * 1024;



function reportText(input: string, file: string, r: ImportResult): string {
  const lines = [`${input} → ${file}`];
  const { kept, dropped, extracted } = r.report;
  lines.push(`  kept      ${kept.paragraphs} paragraph${kept.paragraphs === 1 ? '' : 's'}, ${kept.characters} characters`);
  const fm = r.frontMatter;
  const fields = [
    fm.title && `title “${fm.title}”`,
    fm.critic && `critic ${fm.critic}`,
    fm.publication && `publication ${fm.publication}`,
    fm.date && `date ${fm.date}${extracted.date && extracted.date !== fm.date ? ` (“${extracted.date}”)` : ''}`,
    fm.rating && `rating ${fm.rating.text} (${Math.round(fm.rating.normalized * 100)}%)`,
    fm.source && `source ${fm.source}`,
  ].filter(Boolean);
  lines.push(`  extracted ${fields.length ? fields.join('; ') : 'nothing (the page names no title, critic, date or rating)'}`);
  const byReason = new Map<string, string[]>();
  for (const d of dropped) byReason.set(d.reason, [...(byReason.get(d.reason) ?? []), d.text]);
  lines.push(`  dropped   ${dropped.length} line${dropped.length === 1 ? '' : 's'}${dropped.length ? ':' : ''}`);
  for (const [reason, texts] of byReason) {
    const first = texts[0].length > 60 ? texts[0].slice(0, 59) + '…' : texts[0];
    lines.push(`            ${reason} (${texts.length}): “${first}”${texts.length > 1 ? ' …' : ''}`);
  }
  return lines.join('\n');
}

export const importCommand: CliCommand = {
  name: 'import',
  synopsis: 'import FILE... --into FILMDIR [--json] [--keep-comments]',
  summary: 'turn raw review pages (.html, .txt copied from a browser, .md) into review files',
  options: { into: { type: 'string' }, json: { type: 'boolean' }, 'keep-comments': { type: 'boolean' } },
  minPositionals: 1,
  async run(ctx, args) {
    const into = stringOption(args, 'into');
    if (!into) return ctx.usage('import needs --into FILMDIR (the film folder the reviews go to)');
    const dir = ctx.uri(into);
    if (!(await ensureFolder(ctx, dir, into))) return;
    const imported: Array<Record<string, unknown>> = [];
    for (const input of args.positionals) {
      const uri = ctx.uri(input);
      const stat = await ctx.io.host.stat(uri);
      if (!stat) {
        ctx.error(`${input}: no such file`);
        continue;
      }
      if (stat.kind !== 'file') {
        ctx.error(`${input}: not a file`);
        continue;
      }
      let text: string;
      try {
        text = await readTextFile(ctx.io.host, uri, MAX_PAGE_BYTES);
      } catch (e) {
        ctx.error(e instanceof FileProblem ? `${input}: ${e.message.slice(e.file.length + 2)}` : `${input}: ${String(e)}`);
        continue;
      }
      let result: ImportResult;
      try {
        const name = basenameUri(uri);
        const readHtml = importKindOf(name, text) === 'html' ? htmlReaderOn(loadHtmlDomReader()) : undefined;
        result = importReview({ fileName: name, text, keepComments: !!args.values['keep-comments'] }, { readHtml });
      } catch (e) {
        ctx.error(`${input}: cannot import: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (result.report.kept.paragraphs === 0) {
        ctx.error(`${input}: no review text found (everything on the page looked like site chrome); nothing written`);
        continue;
      }
      const target = await writeNewReview(ctx.io.host, dir, result.suggestedName, result.markdown);
      const { kept, dropped, extracted } = result.report;
      imported.push({ input, file: ctx.display(target), frontMatter: result.frontMatter, kept, dropped, extracted });
      if (!args.values.json) ctx.io.out(reportText(input, ctx.display(target), result));
    }
    if (args.values.json) ctx.io.out(JSON.stringify({ imported }, null, 2));
  },
};
