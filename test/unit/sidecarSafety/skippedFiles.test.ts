// Defect 7: nothing silently skipped or never cleaned up. Symlinked reviews are followed when
// they stay inside the corpus and reported otherwise; temp files left by an interrupted write
// are removed by a later `annotate` (only old ones, only names of the exact pattern); `check`
// reports links to reviews or annotations that do not exist; quotes match under Unicode
// normalisation (NFC/NFD) with UTF-16 offsets into the text as it is; a NUL byte anywhere in a
// review is refused the same way.

import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTarget, reanchor } from '../../../src/core/annotations/anchoring';
import { parseSidecar } from '../../../src/core/annotations/sidecarFormat';
import { SidecarStore } from '../../../src/core/annotations/sidecarStore';
import { fileUri } from '../../../src/core/model/uri';
import { NodeFileHost } from '../../../src/platform/node/nodeFileHost';
import { cli, herCopy, tempDir } from './helpers';

const span = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  return { start, end: start + phrase.length };
};

describe('nothing silently skipped or left behind (defect 7)', function () {
  this.timeout(30_000);

  it('a symlinked review inside the corpus is followed; one outside, or broken, is reported once each', async () => {
    const { root, her } = herCopy('symlink');
    const outside = tempDir('outside');
    writeFileSync(join(outside, 'elsewhere.md'), 'Theodore and Samantha, from outside the corpus.\n');
    mkdirSync(join(her, 'archive'));
    writeFileSync(join(her, 'archive', 'kept.txt'), 'Theodore writes letters for other people; Samantha reads them.\n');
    symlinkSync(join(her, 'archive', 'kept.txt'), join(her, 'linked-inside.txt'));
    symlinkSync(join(outside, 'elsewhere.md'), join(her, 'linked-outside.md'));
    symlinkSync(join(her, 'nowhere.md'), join(her, 'linked-broken.md'));
    const r = await cli(['annotate', 'her'], root);
    assert.equal(r.code, 1);
    assert.match(r.out, /^written\s+her\/linked-inside\.annotations\.yaml/m, 'the link inside the corpus is annotated under its own name');
    assert.ok(parseSidecar(readFileSync(join(her, 'linked-inside.annotations.yaml'), 'utf8'), 'x').sidecar!.mentions.some((m) => m.entity === 'samantha'));
    assert.equal(r.err.split('\n').filter((l) => l.includes('linked-outside.md')).length, 1, r.err);
    assert.match(r.err, /her\/linked-outside\.md: is a symbolic link to .*elsewhere\.md, outside the corpus/);
    assert.equal(r.err.split('\n').filter((l) => l.includes('linked-broken.md')).length, 1, r.err);
    assert.match(r.err, /her\/linked-broken\.md: is a broken symbolic link/);
    assert.equal(existsSync(join(her, 'linked-outside.annotations.yaml')), false);
    const check = await cli(['check', 'her'], root);
    assert.equal(check.err.split('\n').filter((l) => l.includes('linked-outside.md')).length, 1, check.err);
  });

  it('annotate removes temp files left by an interrupted write once they are over a minute old, and reports them', async () => {
    const { root, her } = herCopy('temps');
    assert.equal((await cli(['annotate', 'her'], root)).code, 0);
    const old = join(her, '.poignant-exploration.annotations.yaml.0123abcd.tmp');
    const fresh = join(her, '.movie-review-her.annotations.yaml.89abcdef.tmp');
    const lookalikes = ['.poignant-exploration.annotations.yaml.0123abcd.tmp.bak', '.notes.0123abcd.tmp', 'poignant-exploration.annotations.yaml.0123abcd.tmp', '.poignant-exploration.annotations.yaml.0123ABCD.tmp'];
    for (const f of [old, fresh, ...lookalikes.map((l) => join(her, l))]) writeFileSync(f, 'version: 1\nannotations: [\n'); // torn
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const f of [old, ...lookalikes.map((l) => join(her, l))]) utimesSync(f, hourAgo, hourAgo);
    const r = await cli(['annotate', 'her'], root);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /removed her\/\.poignant-exploration\.annotations\.yaml\.0123abcd\.tmp, left by an interrupted write/);
    assert.equal(existsSync(old), false);
    assert.equal(existsSync(fresh), true, 'a temp file under a minute old may belong to a writer still at work');
    for (const l of lookalikes) assert.equal(existsSync(join(her, l)), true, `${l} does not match the pattern exactly`);
  });

  it('check reports links to a review or an annotation that does not exist', async () => {
    const { root, her } = herCopy('links');
    assert.equal((await cli(['annotate', 'her'], root)).code, 0);
    const store = new SidecarStore(new NodeFileHost());
    const a = join(her, 'poignant-exploration.md');
    const b = join(her, 'movie-review-her.md');
    const ida = await store.addAnnotation(fileUri(a), readFileSync(a, 'utf8'), { start: 0, end: 10, tags: [], note: '' });
    const idb = await store.addAnnotation(fileUri(b), readFileSync(b, 'utf8'), { start: 0, end: 10, tags: [], note: '' });
    await store.linkAnnotations(fileUri(a), ida, fileUri(b), idb);
    assert.equal((await cli(['check', 'her'], root)).code, 0);
    // By hand: one link to a review that is not there, one to an id that is not in its sidecar.
    const sidecar = join(her, 'poignant-exploration.annotations.yaml');
    writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace(`- { review: movie-review-her.md, id: ${idb} }`, `- { review: movie-review-her.md, id: ${idb} }\n      - { review: no-such-review.md, id: ${idb} }\n      - { review: movie-review-her.md, id: f00000 }`));
    const r = await cli(['check', 'her'], root);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`her/poignant-exploration\\.md:\\d+:\\d+: annotation ${ida} links to her/no-such-review\\.md, which does not exist`));
    assert.match(r.err, new RegExp(`her/poignant-exploration\\.md:\\d+:\\d+: annotation ${ida} links to annotation f00000 in her/movie-review-her\\.md, which has no such annotation`));
    assert.equal(r.err.trim().split('\n').length, 2, r.err);
  });

  describe('Unicode normalisation (a review copied through macOS comes back in NFD)', () => {
    const NFC = 'Théodore écrit des lettres pour d’autres, à Los Angeles. La mélancolie est douce ; Samantha, une voix, apprend à désirer. Le café, la plage, l’été : tout est reflété dans la vitre, où Théodore se voit.\n';
    const passages = ['La mélancolie est douce', 'apprend à désirer', 'café', 'Théodore se voit'];

    for (const [from, to] of [
      ['NFC', 'NFD'],
      ['NFD', 'NFC'],
    ] as const) {
      it(`annotations made on ${from} text are found in ${to} text, offsets counted in the ${to} text`, () => {
        const before = NFC.normalize(from);
        const after = ('Une ligne ajoutée en tête.\n' + NFC).normalize(to);
        for (const phrase of passages) {
          const p = phrase.normalize(from);
          const target = makeTarget(before, before.indexOf(p), before.indexOf(p) + p.length);
          const r = reanchor(after, target);
          assert.notEqual(r.kind, 'orphan', `${phrase}: ${JSON.stringify(r)}`);
          if (r.kind === 'orphan') continue;
          assert.equal(after.slice(r.start, r.end), phrase.normalize(to), phrase);
        }
      });
    }

    it('through the store: a sidecar written for NFC text keeps its annotations on the NFD text, not orphaned', async () => {
      const dir = tempDir('nfd');
      const review = join(dir, 'r.md');
      writeFileSync(review, NFC);
      const store = new SidecarStore(new NodeFileHost());
      for (const p of passages) await store.addAnnotation(fileUri(review), NFC, { ...span(NFC, p), tags: [], note: p });
      const nfd = NFC.normalize('NFD');
      writeFileSync(review, nfd);
      const outcome = await store.write(fileUri(review), nfd, []);
      assert.equal(outcome.orphans, 0);
      const s = parseSidecar(readFileSync(join(dir, 'r.annotations.yaml'), 'utf8'), 'x').sidecar!;
      for (const a of s.annotations) assert.equal(nfd.slice(a.target.start, a.target.end).normalize('NFC'), a.note);
    });
  });

  it('a NUL byte anywhere in a review is refused the same way (not only in the first 8 KB)', async () => {
    const dir = tempDir('nul');
    writeFileSync(join(dir, 'film.yaml'), readFileSync(join(__dirname, '../../../../corpus/her/film.yaml')));
    const body = 'Theodore writes letters. '.repeat(400); // 10 KB
    writeFileSync(join(dir, 'early.md'), Buffer.concat([Buffer.from('Samantha\0'), Buffer.from(body)]));
    writeFileSync(join(dir, 'late.md'), Buffer.concat([Buffer.from(body), Buffer.from('Samantha\0')]));
    for (const command of ['mentions', 'annotate']) {
      const r = await cli([command, '.'], dir);
      assert.equal(r.code, 1);
      assert.match(r.err, /early\.md: cannot read: binary file \(contains NUL bytes\)/, command);
      assert.match(r.err, /late\.md: cannot read: binary file \(contains NUL bytes\)/, command);
    }
    assert.equal(existsSync(join(dir, 'late.annotations.yaml')), false);
  });
});
