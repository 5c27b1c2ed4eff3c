// The interchange commands through the CLI on a copy of the annotated corpus: export to stdout and
// to files, import a Hypothesis export (reported, never guessed, nothing twice), the merge driver
// on sidecars that do not parse, and check reporting recorded conflicts.

import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { runMergeDriver } from '../../src/cli/mergeDriverMain';
import { NodeFileHost } from '../../src/platform/node/nodeFileHost';
import { ROOT } from './fixtures';
import { annotatedHer, copyHer } from './export/herCorpus';

async function cli(args: string[], cwd: string, run = runCli) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), cwd, host: new NodeFileHost({ blocking: true }) });
  return { code, out, err };
}

describe('marginalia export / import-annotations', () => {
  it('exports W3C and CSV to stdout, brat into a folder; brat without --out is a usage error', async () => {
    const c = await annotatedHer();
    const w3c = await cli(['export', 'her', '--format', 'w3c'], c.root);
    assert.equal(w3c.code, 0, w3c.err);
    const json = JSON.parse(w3c.out);
    assert.equal(json.type, 'AnnotationCollection');
    assert.equal(json.total, 8);
    assert.equal(json.label, 'Her');
    const csv = await cli(['export', 'her/larb-jessica-gross-becoming-human.md', '--format', 'csv'], c.root);
    assert.equal(csv.code, 0, csv.err);
    assert.ok(csv.out.startsWith('\ufeffreview,critic,'));
    assert.ok(csv.out.endsWith('\r\n'), 'the last row ends CRLF like the others');
    assert.equal(csv.out.match(/\r\nher\/larb/g)?.length, 2);
    const usage = await cli(['export', 'her', '--format', 'brat'], c.root);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /brat writes several files: give --out DIR/);
    const brat = await cli(['export', 'her', '--format', 'brat', '--mentions', '--out', 'brat-out'], c.root);
    assert.equal(brat.code, 0, brat.err);
    assert.match(brat.err, /exported 8 annotations and \d+ mentions from 5 reviews to brat-out \(11 files\)/);
    assert.ok(existsSync(join(c.root, 'brat-out/annotation.conf')));
    assert.ok(readFileSync(join(c.root, 'brat-out/her/movie-review-her.ann'), 'utf8').includes('\tAnnotation '));
    const file = await cli(['export', 'her', '--format', 'w3c', '--out', 'her.jsonld'], c.root);
    assert.equal(file.code, 0, file.err);
    assert.deepEqual({ ...JSON.parse(readFileSync(join(c.root, 'her.jsonld'), 'utf8')), generated: 0 }, { ...json, generated: 0 });
    const bad = await cli(['export', 'her', '--format', 'tei'], c.root);
    assert.equal(bad.code, 2);
  });

  it('imports a Hypothesis export: reports each annotation, exit 1 for the ambiguous and unmatched; a second run adds nothing', async () => {
    const { root } = copyHer();
    const fixture = join(ROOT, 'test/fixtures/interchange/hypothesis-her-export.json');
    const dry = await cli(['import-annotations', fixture, '--format', 'hypothesis', 'her', '--dry-run'], root);
    assert.match(dry.out, /^would import 6, duplicate 0, ambiguous 2, unmatched 1, skipped 2$/m);
    assert.ok(!existsSync(join(root, 'her/hua-ruonan-a-decade-later.annotations.yaml')), 'a dry run writes nothing');
    const first = await cli(['import-annotations', fixture, '--format', 'hypothesis', 'her'], root);
    assert.equal(first.code, 1);
    assert.match(first.out, /^imported 6, duplicate 0, ambiguous 2, unmatched 1, skipped 2$/m);
    assert.match(first.out, /^ambiguous +DhX3ZmC1Ee-iG0j0Aq5IxI: its quote “Scarlett Johansson” fits 4 reviews \(her\/hua/m);
    assert.match(first.out, /^imported +7bR9TmC1Ee-cM6d4Gk1OrC +→ her\/hua-ruonan-a-decade-later\.md#7bR9TmC1Ee-cM6d4Gk1OrC: anchored/m);
    assert.match(first.err, /3 annotations were not imported: ambiguous or unmatched ones are never guessed/);
    const sidecar = readFileSync(join(root, 'her/hua-ruonan-a-decade-later.annotations.yaml'), 'utf8');
    assert.match(sidecar, /note: Shanghai standing in for LA\./);
    assert.match(sidecar, /^mentions:\n {2}- \{ entity: /m, 'mentions written with the imported annotations');
    const second = await cli(['import-annotations', fixture, '--format', 'hypothesis', 'her', '--json'], root);
    const report = JSON.parse(second.out);
    assert.deepEqual([report.imported, report.duplicate], [0, 6]);
    assert.equal(readFileSync(join(root, 'her/hua-ruonan-a-decade-later.annotations.yaml'), 'utf8'), sidecar, 'unchanged');
    const check = await cli(['check', 'her'], root);
    assert.equal(check.code, 0, check.err);
  });
});

describe('marginalia export / import-annotations: guards and format detection', () => {
  it('refuses an export that would write review-like files into a film’s folder, and writes nothing', async () => {
    const c = await annotatedHer();
    const before = readFileSync(join(c.her, 'movie-review-her.md'), 'utf8');
    const r = await cli(['export', 'her', '--format', 'brat', '--out', '.'], c.root);
    assert.equal(r.code, 1);
    assert.match(r.err, /her\/movie-review-her\.txt: not written: it is inside a film’s folder, where the corpus would read it as another review/);
    assert.match(r.err, /nothing exported: choose an --out outside the films' folders/);
    assert.ok(!existsSync(join(c.her, 'movie-review-her.txt')) && !existsSync(join(c.root, 'annotation.conf')), 'nothing written');
    assert.equal(readFileSync(join(c.her, 'movie-review-her.md'), 'utf8'), before);
    const nested = await cli(['export', 'her', '--format', 'brat', '--out', 'exports/brat'], c.root);
    assert.equal(nested.code, 0, nested.err);
    assert.ok(existsSync(join(c.root, 'exports/brat/her/movie-review-her.ann')), 'missing folders are created');
  });

  it('reads the format from the file when --format is not given; a file that does not say is a usage error', async () => {
    const { root } = copyHer();
    const fixture = join(ROOT, 'test/fixtures/interchange/hypothesis-her-export.json');
    const detected = await cli(['import-annotations', fixture, 'her', '--dry-run', '--json'], root);
    const report = JSON.parse(detected.out);
    assert.equal(report.format, 'hypothesis');
    assert.equal(report.imported, 6);
    writeFileSync(join(root, 'other.json'), '{"name": "not annotations"}');
    const unclear = await cli(['import-annotations', 'other.json', 'her'], root);
    assert.equal(unclear.code, 2);
    assert.match(unclear.err, /cannot tell whether this is W3C or Hypothesis JSON: give --format w3c or hypothesis/);
  });
});

// The CLI, and the extension's merge driver (dist/mergeDriver.js: the same command alone).
for (const [label, run] of [['marginalia', runCli], ['mergeDriverMain', runMergeDriver]] as const) describe(`${label} merge-driver on its own`, () => {
  it('leaves git’s line conflict (markers, both sides kept) and exits 1 when a side does not parse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-driver-'));
    const base = 'version: 1\nreview: a.md\nannotations: []\nmentions: []\n';
    const ours = 'version: 1\nreview: a.md\nannotations:\n  - id: a00001\n    note: ours\n    target: { quote: x, start: 0, end: 1 }\nmentions: []\n';
    const theirs = 'version: 1\nreview: a.md\nannotations:\n  - id: [unclosed\nmentions: []\n';
    for (const [n, t] of Object.entries({ base, ours, theirs })) writeFileSync(join(dir, n), t);
    const r = await cli(['merge-driver', 'base', 'ours', 'theirs', 'a.annotations.yaml'], dir, run);
    assert.equal(r.code, 1);
    assert.match(r.err, /a\.annotations\.yaml: not merged by annotation id, left to git as a conflict/);
    const result = readFileSync(join(dir, 'ours'), 'utf8');
    assert.match(result, /^<<<<<<< ours$/m);
    assert.ok(result.includes('note: ours') && result.includes('id: [unclosed'), 'both sides are in the file');
  });

  it('exits 2 on a usage error (too few arguments, an unknown option or command), 0 on --help', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-driver-usage-'));
    for (const args of [['merge-driver', 'base', 'ours'], ['merge-driver', 'a', 'b', 'c', '--nope'], ['no-such-command']]) {
      const r = await cli(args, dir, run);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^marginalia: .*\n\nUsage: marginalia <command>/, args.join(' '));
    }
    const help = await cli(['merge-driver', '--help'], dir, run);
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: marginalia merge-driver BASE OURS THEIRS \[PATH\] \[--strict\]/);
  });
});
