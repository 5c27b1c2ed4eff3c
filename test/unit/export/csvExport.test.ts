// The CSV export read back with a real CSV parser (csv-parse, RFC 4180): one row per annotation,
// every field intact (quotes, commas, line breaks), UTF-8 with a BOM, CRLF row ends, offsets in
// code points that slice the review to the quote, formula-like cells defused.

import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { sliceCodePoints } from '../../../src/core/export/codePoints';
import { ANNOTATION_COLUMNS, csvExporter, MENTION_COLUMNS } from '../../../src/core/export/csv';
import type { ExportInput, ExportOutput } from '../../../src/core/export/types';
import { annotatedHer, exportInputOf, PLANNED } from './herCorpus';

function rows(text: string): Array<Record<string, string>> {
  return parse(text, { bom: true, columns: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false });
}

describe('CSV export', () => {
  let input: ExportInput;
  let out: ExportOutput;
  before(async () => {
    input = await exportInputOf(await annotatedHer(), { mentions: true });
    out = csvExporter.export(input);
  });

  it('is UTF-8 with a BOM, CRLF row ends, and parses back to one row per annotation', () => {
    const file = out.files.find((f) => f.name === 'annotations.csv')!;
    assert.ok(file.text.startsWith('\ufeffreview,critic,title,quote,start,end,tags,note,links,created,modified,status,id\r\n'));
    assert.ok(!/[^\r]\n/.test(file.text.replace(/"(?:[^"]|"")*"/g, '')), 'every row ends CRLF (line breaks only inside quoted fields)');
    const parsed = rows(file.text);
    assert.equal(parsed.length, PLANNED.length);
    assert.deepEqual(Object.keys(parsed[0]), [...ANNOTATION_COLUMNS]);
    console.log(`      CSV export of Her: ${parsed.length} annotation rows, ${rows(out.files.find((f) => f.name === 'mentions.csv')!.text).length} mention rows, parsed back by csv-parse`);
  });

  it('keeps every field: notes with line breaks, quotes and commas; tags and links as lists; offsets that slice to the quote', () => {
    const parsed = rows(out.files.find((f) => f.name === 'annotations.csv')!.text);
    for (const p of PLANNED) {
      const row = parsed.find((r) => r.review === `her/${p.review}` && r.tags === p.tags.join('; '))!;
      assert.ok(row, `${p.review} ${p.tags}`);
      const expectedNote = /^[=+\-@]/.test(p.note) ? `'${p.note}` : p.note;
      assert.equal(row.note, expectedNote);
      const text = input.reviews.find((r) => r.relativeName === row.review)!.text;
      assert.equal(sliceCodePoints(text, Number(row.start), Number(row.end)), row.quote);
      assert.equal(row.status, 'anchored');
    }
    const thesis = parsed.find((r) => r.quote === 'the prospect of real love is the scariest of all')!;
    assert.equal(thesis.note, 'The thesis.\nEverything else follows from it.');
    assert.match(thesis.links, /^her\/larb-jessica-gross-becoming-human\.md#[a-f][0-9a-f]{5}$/);
    assert.equal(thesis.title, 'Becoming Human: On Spike Jonze’s "Her"');
    assert.equal(thesis.critic, 'Jessica Gross');
    assert.match(thesis.created, /^2024-03-10T09:41:00\.000Z$/);
    const cross = parsed.find((r) => r.quote === 'a solitary individual within an information cocoon')!;
    assert.match(cross.links, /^her\/poignant-exploration\.md#/);
    const emoji = parsed.find((r) => r.quote.endsWith('🙂'))!;
    const blog = input.reviews.find((r) => r.relativeName === 'her/blog-eyelights-her.md')!.text;
    assert.equal(blog.indexOf(emoji.quote), Number(emoji.start), 'no emoji before it: UTF-16 and code points agree');
    const after = parsed.find((r) => r.quote.startsWith('Just like'))!;
    assert.equal(blog.indexOf(after.quote) - Number(after.start), 1, 'one emoji before it: code points are one less');
  });

  it('mentions.csv: one row per mention with the sentence it is in', () => {
    const parsed = rows(out.files.find((f) => f.name === 'mentions.csv')!.text);
    assert.deepEqual(Object.keys(parsed[0]), [...MENTION_COLUMNS]);
    assert.equal(parsed.length, input.reviews.reduce((n, r) => n + (r.mentions?.length ?? 0), 0));
    const count = parsed.find((r) => r.entity === 'samantha' && r.sentence.includes('8,316'))!;
    assert.equal(count.sentence, 'When the plot reaches its climax, and Samantha admits to communicating with 8,316 people simultaneously and maintaining romantic relationships with 641, the film completes its most incisive dissection of modern loneliness.');
    assert.equal(count.kind, 'character');
    for (const r of parsed) assert.ok(r.sentence.includes(r.text), `${r.entity} “${r.text}” in its sentence`);
  });

  it('is a single file without mentions (so it can go to stdout), two with', () => {
    assert.equal(csvExporter.singleFile({}), true);
    assert.equal(csvExporter.singleFile({ mentions: true }), false);
    assert.deepEqual(out.files.map((f) => f.name), ['annotations.csv', 'mentions.csv']);
  });
});
