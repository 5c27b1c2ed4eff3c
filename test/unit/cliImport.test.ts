// `marginalia init` and `marginalia import` on a real temp folder, through runCli.

import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { parseFrontMatter } from '../../src/core/frontMatter';
import { parseLexicon } from '../../src/core/lexicon/parseLexicon';
import { readReviewInfo, reviewLabel } from '../../src/core/review';
import { NodeFileHost } from '../../src/platform/node/nodeFileHost';
import { HER_DIR, ROOT } from './fixtures';
import { SEEDS_DIR, SEED_EXPECTATIONS } from './import/seedFixtures';

const FIXTURES = join(ROOT, 'test/fixtures/import');

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), cwd, host: new NodeFileHost() });
  return { code, out, err };
}

const temp = () => mkdtempSync(join(tmpdir(), 'marginalia-import-'));

describe('marginalia init', () => {
  it('creates the folder and a minimal film.yaml that parses with no diagnostics', async () => {
    const dir = temp();
    const r = await cli(['init', 'films/past-lives', '--title', 'Past Lives', '--year', '2023'], dir);
    assert.equal(r.code, 0, r.err);
    const path = join(dir, 'films/past-lives/film.yaml');
    const text = readFileSync(path, 'utf8');
    const lex = parseLexicon(path, text);
    assert.deepEqual(lex.diagnostics, []);
    assert.equal(lex.film.id, 'past-lives');
    assert.equal(lex.film.title, 'Past Lives');
    assert.equal(lex.film.year, 2023);
    assert.equal(lex.entities.length, 1, 'only the film itself');
    assert.match(r.out, /created films\/past-lives\/film\.yaml/);
  });

  it('works without --year, in an existing folder, for a one-word title', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'us'));
    writeFileSync(join(dir, 'us', 'review.txt'), 'Us is a horror film.\n');
    const r = await cli(['init', 'us', '--title', 'Us'], dir);
    assert.equal(r.code, 0, r.err);
    const lex = parseLexicon('film.yaml', readFileSync(join(dir, 'us/film.yaml'), 'utf8'));
    assert.deepEqual(lex.diagnostics, []);
    assert.equal(lex.film.id, 'us');
    assert.equal(lex.film.year, undefined);
  });

  it('refuses to overwrite an existing film.yaml (exit 1, file untouched)', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'her'));
    copyFileSync(join(HER_DIR, 'film.yaml'), join(dir, 'her/film.yaml'));
    const r = await cli(['init', 'her', '--title', 'Her'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /her\/film\.yaml already exists; not overwritten/);
    assert.equal(readFileSync(join(dir, 'her/film.yaml'), 'utf8'), readFileSync(join(HER_DIR, 'film.yaml'), 'utf8'));
  });

  it('usage errors exit 2: no --title, a bad --year, no FILMDIR', async () => {
    const dir = temp();
    for (const args of [['init', 'x'], ['init', 'x', '--title', 'X', '--year', 'soon'], ['init', '--title', 'X']]) {
      const r = await cli(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /Usage: marginalia/);
    }
    assert.ok(!existsSync(join(dir, 'x')));
  });
});

describe('marginalia import', () => {
  const inputs = readdirSync(FIXTURES).filter((n) => !n.endsWith('.json')).sort();

  it('imports every fixture into the film folder, one review file each, with a report', async () => {
    const dir = temp();
    assert.equal((await cli(['init', 'film', '--title', 'Test'], dir)).code, 0);
    const r = await cli(['import', ...inputs.map((n) => join(FIXTURES, n)), '--into', 'film'], dir);
    assert.equal(r.code, 0, r.err);
    const written = readdirSync(join(dir, 'film')).filter((n) => n.endsWith('.md')).sort();
    const expectedNames = inputs.map((n) => JSON.parse(readFileSync(join(FIXTURES, n.replace(/\.[^.]+$/, '.expected.json')), 'utf8')).suggestedName).sort();
    assert.deepEqual(written, expectedNames);
    for (const name of written) {
      const text = readFileSync(join(dir, 'film', name), 'utf8');
      assert.deepEqual(parseFrontMatter(text).errors, []);
    }
    assert.equal((r.out.match(/ → film\//g) ?? []).length, inputs.length);
    assert.match(r.out, /kept {6}\d+ paragraphs/);
    assert.match(r.out, /extracted title “Us Review: Jordan Peele’s Mirror Has Teeth”; critic Dana Whitfield; date 2019-03-22/);
    assert.match(r.out, /dropped {3}\d+ lines:\n {12}menu/);
    // The tree names each review by critic and title.
    const labels = written.map((n) => reviewLabel(readReviewInfo(`file:///film/${n}`, readFileSync(join(dir, 'film', n), 'utf8'))));
    assert.ok(labels.includes('Dana Whitfield — Us Review: Jordan Peele’s Mirror Has Teeth'), labels.join('\n'));
    assert.ok(labels.includes('Marcus Hale — [Review] Arrival'));
  });

  it('--json gives the report as data', async () => {
    const dir = temp();
    const r = await cli(['import', join(FIXTURES, 'nope-wrapped.txt'), join(FIXTURES, 'up-saved-page.htm'), '--into', 'nope', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.imported.length, 2);
    for (const entry of json.imported) assert.deepEqual(Object.keys(entry), ['input', 'file', 'frontMatter', 'kept', 'dropped', 'extracted']);
    const [nope, up] = json.imported;
    assert.equal(nope.file, 'nope/tomas-ibanez-nope-review.md');
    assert.deepEqual(nope.frontMatter.rating, { text: '85/100', value: 85, scale: 100, normalized: 0.85 });
    assert.equal(nope.extracted.date, 'Published: Jul. 21, 2022 at 9:00 a.m. ET'.replace(/^Published: /, ''));
    assert.deepEqual(nope.kept, { paragraphs: 4, characters: 883 });
    assert.ok(nope.dropped.some((d: { text: string; reason: string }) => d.text === 'Score: 85/100' && d.reason === 'rating, in front matter'));
    assert.equal(up.frontMatter.critic, 'Hannah Lindqvist');
  });

  it('never overwrites: a taken name gets -2, -3', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'film'));
    writeFileSync(join(dir, 'film/dana-whitfield-us-review.md'), 'mine\n');
    const input = join(FIXTURES, 'us-mirror-has-teeth.txt');
    const r = await cli(['import', input, input, '--into', 'film', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).imported.map((e: { file: string }) => e.file), ['film/dana-whitfield-us-review-2.md', 'film/dana-whitfield-us-review-3.md']);
    assert.equal(readFileSync(join(dir, 'film/dana-whitfield-us-review.md'), 'utf8'), 'mine\n');
    assert.deepEqual(readdirSync(join(dir, 'film')).filter((n) => n.endsWith('.tmp')), [], 'no temp files left');
  });

  it('unreadable inputs are reported with exit 1; the rest are still imported', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x48, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x53, 0x61, 0x6d, 0xe9, 0x20]));
    writeFileSync(join(dir, 'chrome-only.txt'), 'Home\nReviews\nAbout\nShare\nTweet\n© 2024 Somewhere\n');
    mkdirSync(join(dir, 'a-folder'));
    const r = await cli(['import', 'missing.html', 'binary.txt', join(FIXTURES, 'past-lives-clipboard.txt'), 'latin1.txt', 'chrome-only.txt', 'a-folder', '--into', 'film', '--json'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /missing\.html: no such file/);
    assert.match(r.err, /binary\.txt: cannot read: binary file/);
    assert.match(r.err, /latin1\.txt: cannot read: not valid UTF-8/);
    assert.match(r.err, /chrome-only\.txt: no review text found/);
    assert.match(r.err, /a-folder: not a file/);
    const json = JSON.parse(r.out);
    assert.deepEqual(json.imported.map((e: { file: string }) => e.file), ['film/ruth-okafor.md']);
    assert.deepEqual(readdirSync(join(dir, 'film')), ['ruth-okafor.md']);
  });

  it('--into is required (exit 2)', async () => {
    const r = await cli(['import', join(FIXTURES, 'nope-wrapped.txt')], temp());
    assert.equal(r.code, 2);
    assert.match(r.err, /--into FILMDIR/);
  });

  it('the five Her seeds through the CLI give the corpus bodies (--keep-comments)', async () => {
    const dir = temp();
    const r = await cli(['import', ...SEED_EXPECTATIONS.map((e) => join(SEEDS_DIR, e.seed)), '--into', 'her', '--keep-comments', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    const files = JSON.parse(r.out).imported.map((e: { file: string }) => e.file);
    SEED_EXPECTATIONS.forEach((exp, i) => {
      const ours = readFileSync(join(dir, files[i]), 'utf8');
      const corpus = readFileSync(join(HER_DIR, exp.review), 'utf8');
      assert.equal(ours.slice(parseFrontMatter(ours).bodyStart), corpus.slice(parseFrontMatter(corpus).bodyStart), exp.seed);
    });
  });
});
