import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { NodeFileHost } from '../../src/platform/node/nodeFileHost';
import { HER_DIR, ROOT } from './fixtures';

async function cli(args: string[], cwd = ROOT) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), cwd, host: new NodeFileHost() });
  return { code, out, err };
}

/** Runs with a streaming writer, as the real CLI does, recording how the output came. */
async function cliStreamed(args: string[], cwd = ROOT) {
  const chunks: string[] = [];
  let err = '';
  const code = await runCli(args, { out: (t) => chunks.push(t + '\n'), write: (c) => void chunks.push(c), err: (t) => (err += t + '\n'), cwd, host: new NodeFileHost() });
  return { code, chunks, out: chunks.join(''), err };
}

describe('marginalia CLI', () => {
  it('mentions --json is written review by review, one review a line, as one JSON document', async () => {
    const r = await cliStreamed(['mentions', 'corpus/her', '--json']);
    assert.equal(r.code, 0, r.err);
    const parsed = JSON.parse(r.out);
    assert.equal(parsed.reviews.length, 5);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 7, 'the opening, a line per review, the closing');
    assert.deepEqual(JSON.parse(lines[1].replace(/,$/, '')), parsed.reviews[0]);
    assert.ok(r.chunks.length >= 7, 'written as it is made');
    const empty = mkdtempSync(join(tmpdir(), 'marginalia-cli-empty-'));
    copyFileSync(join(HER_DIR, 'film.yaml'), join(empty, 'film.yaml'));
    const none = await cliStreamed(['mentions', empty, '--json']);
    assert.deepEqual(JSON.parse(none.out), { reviews: [] });
    const buffered = await cli(['mentions', 'corpus/her', '--json']);
    assert.equal(buffered.out, r.out, 'without a writer, the same text comes through out()');
  });

  it('entities --json follows the contract', async () => {
    const r = await cli(['entities', 'corpus/her', '--json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    const samantha = json.entities.find((e: { id: string }) => e.id === 'samantha');
    assert.deepEqual(Object.keys(samantha).slice(0, 4), ['id', 'kind', 'name', 'aliases']);
    assert.equal(samantha.kind, 'character');
    assert.ok(json.entities.some((e: { kind: string }) => e.kind === 'theme'));
    assert.ok(json.entities.some((e: { kind: string }) => e.kind === 'film'));
  });

  it('entities takes a review, a film.yaml or --lexicon', async () => {
    const a = await cli(['entities', 'corpus/her/poignant-exploration.md', '--json']);
    const b = await cli(['entities', '--lexicon', 'corpus/her/film.yaml', '--json']);
    const c = await cli(['entities', 'corpus/her/film.yaml', '--json']);
    assert.equal(a.out, b.out);
    assert.equal(b.out, c.out);
  });

  it('mentions --json follows the contract over folders, .md and .txt', async () => {
    const r = await cli(['mentions', 'corpus/her', 'test/fixtures/films/arrival', '--json']);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.reviews.length, 8);
    const txt = json.reviews.find((x: { file: string }) => x.file.endsWith('.txt'));
    assert.ok(txt && txt.mentions.length > 10);
    for (const review of json.reviews) {
      for (const m of review.mentions) assert.deepEqual(Object.keys(m).slice(0, 5), ['entity', 'kind', 'start', 'end', 'text']);
    }
    assert.ok(txt.mentions.some((m: { entity: string }) => m.entity === 'louise-banks'), 'the Arrival lexicon is used for Arrival reviews');
  });

  it('prints a readable table without --json', async () => {
    const r = await cli(['mentions', 'corpus/her/poignant-exploration.md']);
    assert.equal(r.code, 0);
    assert.match(r.out, /LINE:COL\s+KIND\s+ENTITY\s+TEXT/);
    assert.match(r.out, /character\s+samantha\s+Samantha/);
  });

  it('unknown options and commands exit 2 with usage on stderr', async () => {
    for (const args of [['mentions', '--jsn', 'x'], ['frobnicate'], []]) {
      const r = await cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, /Usage: marginalia/);
    }
  });

  it('bad files fail clearly while the others are still processed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-cli-'));
    const film = join(dir, 'her');
    mkdirSync(film);
    copyFileSync(join(HER_DIR, 'film.yaml'), join(film, 'film.yaml'));
    copyFileSync(join(HER_DIR, 'poignant-exploration.md'), join(film, 'good.md'));
    writeFileSync(join(film, 'binary.txt'), Buffer.from([0x48, 0x00, 0x01, 0x02]));
    writeFileSync(join(film, 'huge.txt'), Buffer.alloc(3 * 1024 * 1024, 0x61));
    writeFileSync(join(film, 'latin1.txt'), Buffer.from([0x53, 0x61, 0x6d, 0xe9, 0x20]));
    const r = await cli(['mentions', 'her', 'missing.md', '--json'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /her\/binary\.txt: cannot read: binary file/);
    assert.match(r.err, /her\/huge\.txt: file is 3\.0 MB, over the 2 MB limit/);
    assert.match(r.err, /her\/latin1\.txt: cannot read: not valid UTF-8/);
    assert.match(r.err, /missing\.md: no such file or folder/);
    const json = JSON.parse(r.out);
    assert.deepEqual(json.reviews.map((x: { file: string }) => x.file), ['her/good.md']);
  });

  it('a review with no film.yaml above it asks for --lexicon; --lexicon makes it work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-cli-'));
    writeFileSync(join(dir, 'lone.txt'), 'Theodore meets Samantha.');
    const r = await cli(['mentions', 'lone.txt'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /no film\.yaml above this review; pass --lexicon FILE/);
    const ok = await cli(['mentions', 'lone.txt', '--lexicon', join(HER_DIR, 'film.yaml'), '--json'], dir);
    assert.equal(ok.code, 0);
    assert.deepEqual(JSON.parse(ok.out).reviews[0].mentions.map((m: { entity: string }) => m.entity), ['theodore', 'samantha']);
  });

  it('lexicon errors are reported as file:line:col and the rest still works', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-cli-'));
    writeFileSync(join(dir, 'film.yaml'), 'version: 1\nfilm: {id: x, title: Vertigo}\ncharacters:\n  - id: scottie\n    name: Scottie\n    colour: blue\n');
    writeFileSync(join(dir, 'r.txt'), 'Scottie falls for Vertigo.');
    const r = await cli(['mentions', 'r.txt', '--json'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /^film\.yaml:6:5: error: unknown key "colour"/m);
    assert.equal(JSON.parse(r.out).reviews[0].mentions.length, 2);
  });

});
