// Raw pages of other films (test/fixtures/import/), written in the shape of real ones, each with an
// .expected.json: the front matter the page supports, the file name, sentences that must be kept
// verbatim, lines that must be dropped (and reported), strings that must not survive at all.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReview, type ImportResult } from '../../../src/core/import';
import { readHtmlPage } from '../../../src/core/import/html';
import { parseFrontMatter } from '../../../src/core/frontMatter';
import { readReviewInfo, reviewLabel } from '../../../src/core/review';
import { ROOT } from '../fixtures';

const DIR = join(ROOT, 'test/fixtures/import');

interface Expected {
  frontMatter: Record<string, unknown>;
  suggestedName: string;
  kept: string[];
  dropped: string[];
  absent?: string[];
  headings?: string[];
  paragraphs?: number;
  markdownIncludes?: string[];
}

const norm = (s: string) => s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, '').replace(/[\s\u00a0]+/g, ' ').trim();
const stripMarkers = (line: string) => line.replace(/^\s*(?:#{1,6} |> |[-•] |\d+\. )?/, '').trim();

export function importFixture(name: string): { result: ImportResult; input: string } {
  const input = readFileSync(join(DIR, name), 'utf8');
  return { input, result: importReview({ fileName: name, text: input }, { readHtml: readHtmlPage }) };
}

const cases = readdirSync(DIR)
  .filter((n) => n.endsWith('.expected.json'))
  .sort()
  .map((n) => {
    const stem = n.slice(0, -'.expected.json'.length);
    const input = readdirSync(DIR).find((f) => f.startsWith(stem + '.') && !f.endsWith('.json'));
    return { stem, input: input!, expected: JSON.parse(readFileSync(join(DIR, n), 'utf8')) as Expected };
  });

describe('import: raw pages of other films (test/fixtures/import)', () => {
  it('has at least 8 fixtures, HTML, text and Markdown among them', () => {
    assert.ok(cases.length >= 8, `${cases.length} fixtures`);
    for (const ext of [/\.html?$/, /\.txt$/, /\.md$/]) assert.ok(cases.some((c) => ext.test(c.input)), String(ext));
    for (const c of cases) assert.ok(c.input, `${c.stem}: no input file`);
  });

  const figures: string[] = [];
  after(() => figures.forEach((f) => console.log(`      ${f}`)));

  for (const c of cases) {
    it(`${c.input}`, () => {
      const { result } = importFixture(c.input);
      const exp = c.expected;
      assert.deepEqual(result.frontMatter, exp.frontMatter, 'front matter');
      assert.equal(result.suggestedName, exp.suggestedName, 'file name');

      const body = result.body;
      for (const k of exp.kept) assert.ok(body.includes(k), `not kept verbatim: ${JSON.stringify(k)}`);
      const bodyLines = new Set(body.split('\n').map((l) => norm(stripMarkers(l))));
      const reported = new Set(result.report.dropped.map((d) => norm(d.text)));
      for (const d of exp.dropped) {
        assert.ok(!bodyLines.has(norm(stripMarkers(d))), `chrome kept: ${JSON.stringify(d)}`);
        assert.ok(reported.has(norm(d)), `dropped but not reported: ${JSON.stringify(d)}`);
      }
      for (const a of exp.absent ?? []) assert.ok(!result.markdown.includes(a), `must not survive: ${a}`);
      for (const h of exp.headings ?? []) assert.ok(body.split('\n').includes(`## ${h}`), `heading ## ${h}`);
      if (exp.paragraphs !== undefined) assert.equal(result.report.kept.paragraphs, exp.paragraphs);
      for (const m of exp.markdownIncludes ?? []) assert.ok(result.markdown.includes(m), `markdown lacks ${m}`);

      // The file written reads back with the same fields, and its tree label is critic and title.
      const fm = parseFrontMatter(result.markdown);
      assert.deepEqual(fm.errors, []);
      assert.equal(result.markdown.slice(fm.bodyStart), body);
      const info = readReviewInfo(`file:///films/x/${result.suggestedName}`, result.markdown);
      if (exp.frontMatter.title) assert.equal(info.title, exp.frontMatter.title);
      const label = reviewLabel(info);
      const who = (exp.frontMatter.critic ?? exp.frontMatter.publication) as string | undefined;
      if (who && exp.frontMatter.title) assert.equal(label, `${who} — ${exp.frontMatter.title}`);
      assert.ok(!/★|\b(?:19|20)\d\d-\d\d-\d\d\b|^Tags?:/.test(label), label);
      // Only what a reader cares about, never a key the page did not support.
      const keys = Object.keys(fm.data);
      if (!c.input.endsWith('.md')) assert.deepEqual(keys, ['title', 'critic', 'publication', 'date', 'rating', 'source'].filter((k) => k in exp.frontMatter));

      figures.push(`${c.input}: ${result.report.kept.paragraphs} paragraphs kept, ${result.report.dropped.length} pieces dropped, extracted ${Object.keys(result.report.extracted).join(', ') || 'nothing'}`);
    });
  }

  it('the tree bug: a star line, a tag line and a date line are never a title', () => {
    // The raw page as it was dropped into a film folder before there was an importer …
    const raw = readFileSync(join(DIR, 'arrival-tag-lines.txt'), 'utf8');
    const before = readReviewInfo('file:///films/arrival/arrival-tag-lines.txt', raw);
    assert.equal(before.title, '[Review] Arrival');
    assert.equal(reviewLabel(before), '[Review] Arrival');
    // … and imported.
    const { result } = importFixture('arrival-tag-lines.txt');
    const after = readReviewInfo(`file:///films/arrival/${result.suggestedName}`, result.markdown);
    assert.equal(reviewLabel(after), 'Marcus Hale — [Review] Arrival');
    for (const bad of ['★★★★1/2', 'Tag: Amy Adams', 'November 16, 2016']) {
      assert.ok(!result.body.includes(bad), bad);
      const only = readReviewInfo('file:///films/arrival/only.txt', `${bad}\n${bad}\n`);
      assert.notEqual(only.title, bad);
      assert.equal(reviewLabel(only), 'only.txt');
    }
  });

  it('HTML needs the HTML reader passed in (the core never loads it by itself)', () => {
    const html = readFileSync(join(DIR, 'arrival-ledger.html'), 'utf8');
    assert.throws(() => importReview({ fileName: 'page.html', text: html }), /readHtmlPage/);
    // Sniffed as HTML even under another name (e.g. pasted from the clipboard).
    assert.throws(() => importReview({ fileName: 'clipboard', text: html }), /readHtmlPage/);
  });
});
