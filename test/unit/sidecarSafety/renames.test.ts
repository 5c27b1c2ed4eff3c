// Defect 2: a renamed review must not lose its annotations. In the editor, the lead wires
// onDidRenameFiles to moveSidecarWithReview (tested here in memory); in the CLI, `annotate`
// re-attaches a sidecar left without its review when its annotations anchor in exactly one
// review that has no sidecar, and `check` exits 1 naming any sidecar without a review.

import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar } from '../../../src/core/annotations/sidecarFormat';
import { moveSidecarsWithReviews, moveSidecarWithReview } from '../../../src/core/annotations/sidecarMove';
import { SidecarStore } from '../../../src/core/annotations/sidecarStore';
import { fileUri } from '../../../src/core/model/uri';
import { NodeFileHost } from '../../../src/platform/node/nodeFileHost';
import { MemoryFileHost } from '../memoryHost';
import { cli, herCopy } from './helpers';
import { TINY_PASSAGE, TINY_REVIEW } from './tinyFilm';

const span = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  return { start, end: start + phrase.length };
};

function sidecarOf(host: MemoryFileHost, uri: string) {
  const parsed = parseSidecar(host.text(uri)!, uri);
  assert.deepEqual(parsed.errors, []);
  return parsed.sidecar!;
}

describe('renamed reviews keep their annotations (defect 2)', () => {
  describe('moveSidecarWithReview (what the editor calls from onDidRenameFiles)', () => {
    async function corpus() {
      const host = new MemoryFileHost({
        'memfs:/film/a.md': TINY_REVIEW,
        'memfs:/film/b.md': TINY_REVIEW,
        'memfs:/film/critics/c.md': TINY_REVIEW,
      });
      const store = new SidecarStore(host);
      const draft = { ...span(TINY_REVIEW, TINY_PASSAGE), tags: [], note: '' };
      const a1 = await store.addAnnotation('memfs:/film/a.md', TINY_REVIEW, draft);
      const a2 = await store.addAnnotation('memfs:/film/a.md', TINY_REVIEW, { ...span(TINY_REVIEW, 'Scottie follows Madeleine'), tags: [], note: '' });
      const b1 = await store.addAnnotation('memfs:/film/b.md', TINY_REVIEW, draft);
      const c1 = await store.addAnnotation('memfs:/film/critics/c.md', TINY_REVIEW, draft);
      await store.linkAnnotations('memfs:/film/a.md', a1, 'memfs:/film/b.md', b1);
      await store.linkAnnotations('memfs:/film/a.md', a1, 'memfs:/film/critics/c.md', c1);
      await store.linkAnnotations('memfs:/film/a.md', a1, 'memfs:/film/a.md', a2); // within the review
      host.put('memfs:/film/a.annotations.yaml', '# my reading notes\n' + host.text('memfs:/film/a.annotations.yaml'));
      return { host, a1, a2, b1, c1 };
    }

    it('moves the sidecar into another folder: review field, its own links, links in other sidecars, comments kept', async () => {
      const { host, a1, a2, b1, c1 } = await corpus();
      // The review was renamed (the editor already did it; onDidRenameFiles reports it).
      host.put('memfs:/film/critics/a-renamed.md', host.text('memfs:/film/a.md')!);
      await host.delete('memfs:/film/a.md');
      const report = await moveSidecarWithReview(host, 'memfs:/film/a.md', 'memfs:/film/critics/a-renamed.md', { root: 'memfs:/film' });
      assert.deepEqual(report.errors, []);
      assert.deepEqual(report.moved, [{ from: 'memfs:/film/a.annotations.yaml', to: 'memfs:/film/critics/a-renamed.annotations.yaml' }]);
      assert.equal(host.files.has('memfs:/film/a.annotations.yaml'), false);
      const moved = sidecarOf(host, 'memfs:/film/critics/a-renamed.annotations.yaml');
      assert.equal(moved.review, 'a-renamed.md');
      assert.ok(host.text('memfs:/film/critics/a-renamed.annotations.yaml')!.startsWith('# my reading notes\n'));
      const links = Object.fromEntries(moved.annotations.map((a) => [a.id, a.links]));
      assert.deepEqual(links[a1], [
        { review: '../b.md', id: b1 },
        { review: 'c.md', id: c1 },
        { review: 'a-renamed.md', id: a2 },
      ]);
      assert.deepEqual(sidecarOf(host, 'memfs:/film/b.annotations.yaml').annotations[0].links, [{ review: 'critics/a-renamed.md', id: a1 }]);
      assert.deepEqual(sidecarOf(host, 'memfs:/film/critics/c.annotations.yaml').annotations[0].links, [{ review: 'a-renamed.md', id: a1 }]);
      assert.deepEqual(report.relinked.sort(), ['memfs:/film/b.annotations.yaml', 'memfs:/film/critics/c.annotations.yaml']);
    });

    it('never overwrites a sidecar already at the new name', async () => {
      const { host } = await corpus();
      const theirs = host.text('memfs:/film/b.annotations.yaml');
      const ours = host.text('memfs:/film/a.annotations.yaml');
      const report = await moveSidecarWithReview(host, 'memfs:/film/a.md', 'memfs:/film/b.md', { replaceGenerated: true });
      assert.deepEqual(report.moved, []);
      assert.match(report.refused[0].reason, /b\.annotations\.yaml already exists; a\.annotations\.yaml was not moved onto it/);
      assert.equal(host.text('memfs:/film/b.annotations.yaml'), theirs);
      assert.equal(host.text('memfs:/film/a.annotations.yaml'), ours);
    });

    it('replaces a sidecar at the new name only if it holds nothing a person wrote, and only when asked', async () => {
      const { host } = await corpus();
      const generated = 'memfs:/film/d.annotations.yaml';
      await new SidecarStore(host).write('memfs:/film/d.md', TINY_REVIEW, []);
      const before = host.text(generated)!;
      assert.equal((await moveSidecarWithReview(host, 'memfs:/film/a.md', 'memfs:/film/d.md')).refused.length, 1, 'not without replaceGenerated');
      host.put(generated, '# a comment is something a person wrote\n' + before);
      assert.equal((await moveSidecarWithReview(host, 'memfs:/film/a.md', 'memfs:/film/d.md', { replaceGenerated: true })).refused.length, 1);
      host.put(generated, before);
      const report = await moveSidecarWithReview(host, 'memfs:/film/a.md', 'memfs:/film/d.md', { replaceGenerated: true });
      assert.equal(report.moved.length, 1);
      assert.equal(sidecarOf(host, generated).annotations.length, 2);
    });

    it('a folder renamed: sidecars already moved with it get their links fixed, both ends mapped', async () => {
      const { host, a1, c1 } = await corpus();
      for (const [from, to] of [
        ['memfs:/film/critics/c.md', 'memfs:/film/voices/c.md'],
        ['memfs:/film/critics/c.annotations.yaml', 'memfs:/film/voices/c.annotations.yaml'],
      ]) {
        host.put(to, host.text(from)!);
        await host.delete(from);
      }
      const report = await moveSidecarsWithReviews(host, [{ from: 'memfs:/film/critics/c.md', to: 'memfs:/film/voices/c.md' }], { root: 'memfs:/film' });
      assert.deepEqual(report.errors, []);
      assert.deepEqual(report.moved, [{ from: 'memfs:/film/critics/c.annotations.yaml', to: 'memfs:/film/voices/c.annotations.yaml' }]);
      assert.deepEqual(sidecarOf(host, 'memfs:/film/voices/c.annotations.yaml').annotations[0].links, [{ review: '../a.md', id: a1 }]);
      const a = sidecarOf(host, 'memfs:/film/a.annotations.yaml').annotations.find((x) => x.id === a1)!;
      assert.ok(a.links.some((l) => l.review === 'voices/c.md' && l.id === c1), JSON.stringify(a.links));
    });

    it('a new extension only (a.md → a.txt): same sidecar, review field and links updated', async () => {
      const { host, a1 } = await corpus();
      host.put('memfs:/film/a.txt', host.text('memfs:/film/a.md')!);
      await host.delete('memfs:/film/a.md');
      const report = await moveSidecarWithReview(host, 'memfs:/film/a.md', 'memfs:/film/a.txt');
      assert.equal(report.moved.length, 1);
      assert.equal(sidecarOf(host, 'memfs:/film/a.annotations.yaml').review, 'a.txt');
      assert.deepEqual(sidecarOf(host, 'memfs:/film/b.annotations.yaml').annotations[0].links, [{ review: 'a.txt', id: a1 }]);
    });
  });

  describe('the CLI', function () {
    this.timeout(30_000);

    async function annotatedCopy(label: string) {
      const { root, her } = herCopy(label);
      assert.equal((await cli(['annotate', 'her'], root)).code, 0);
      const store = new SidecarStore(new NodeFileHost());
      const larb = join(her, 'larb-jessica-gross-becoming-human.md');
      const other = join(her, 'movie-review-her.md');
      const text = readFileSync(larb, 'utf8');
      const ids = [
        await store.addAnnotation(fileUri(larb), text, { ...span(text, 'the prospect of real love is the scariest of all'), tags: ['love'], note: 'The thesis.' }),
        await store.addAnnotation(fileUri(larb), text, { ...span(text, 'THE PROSPECT of an unfulfilling relationship is scary'), tags: [], note: '' }),
      ];
      const otherText = readFileSync(other, 'utf8');
      const o = await store.addAnnotation(fileUri(other), otherText, { start: 0, end: 20, tags: [], note: '' });
      await store.linkAnnotations(fileUri(other), o, fileUri(larb), ids[0]);
      return { root, her, larb, ids };
    }

    it('`git mv` of a review: annotate re-attaches its sidecar, says so, fixes links; check is clean', async () => {
      const { root, her, larb, ids } = await annotatedCopy('rename');
      const renamed = join(her, 'gross-on-her.md');
      renameSync(larb, renamed);
      const check = await cli(['check', 'her'], root);
      assert.equal(check.code, 1, 'check names the sidecar without a review');
      assert.match(check.err, /her\/larb-jessica-gross-becoming-human\.annotations\.yaml: no review named larb-jessica-gross-becoming-human\.md beside it.*its 2 annotations anchor in her\/gross-on-her\.md/);
      const r = await cli(['annotate', 'her'], root);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /re-attached her\/larb-jessica-gross-becoming-human\.annotations\.yaml to her\/gross-on-her\.md .*now her\/gross-on-her\.annotations\.yaml; links updated in 1 other sidecar/);
      assert.equal(existsSync(join(her, 'larb-jessica-gross-becoming-human.annotations.yaml')), false);
      const moved = parseSidecar(readFileSync(join(her, 'gross-on-her.annotations.yaml'), 'utf8'), 'x').sidecar!;
      assert.deepEqual(moved.annotations.map((a) => a.id).sort(), [...ids].sort());
      assert.equal(moved.review, 'gross-on-her.md');
      assert.ok(moved.mentions.length > 10, 'and annotate then regenerated its mentions');
      assert.match(readFileSync(join(her, 'movie-review-her.annotations.yaml'), 'utf8'), new RegExp(`review: gross-on-her\\.md, id: ${ids[0]}`));
      const after = await cli(['check', 'her'], root);
      assert.equal(after.code, 0, after.err);
    });

    it('after an older annotate already wrote an empty sidecar for the new name: that one is replaced', async () => {
      const { root, her, larb, ids } = await annotatedCopy('rename-legacy');
      const renamed = join(her, 'gross-on-her.md');
      renameSync(larb, renamed);
      await new SidecarStore(new NodeFileHost()).write(fileUri(renamed), readFileSync(renamed, 'utf8'), []); // what the old annotate did
      const r = await cli(['annotate', 'her'], root);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /re-attached/);
      assert.equal(parseSidecar(readFileSync(join(her, 'gross-on-her.annotations.yaml'), 'utf8'), 'x').sidecar!.annotations.length, ids.length);
    });

    it('when the annotations fit two reviews, or none, nothing is guessed: annotate and check exit 1 naming the sidecar', async () => {
      const { root, her, larb } = await annotatedCopy('rename-ambiguous');
      const old = readFileSync(join(her, 'larb-jessica-gross-becoming-human.annotations.yaml'), 'utf8');
      copyFileSync(larb, join(her, 'copy-one.md'));
      renameSync(larb, join(her, 'copy-two.md'));
      for (const command of ['annotate', 'check']) {
        const r = await cli([command, 'her'], root);
        assert.equal(r.code, 1, command);
        assert.match(r.err, /larb-jessica-gross-becoming-human\.annotations\.yaml: no review named .* anchor in 2 reviews \(her\/copy-one\.md, her\/copy-two\.md\)/, `${command}: ${r.err}`);
      }
      assert.equal(readFileSync(join(her, 'larb-jessica-gross-becoming-human.annotations.yaml'), 'utf8'), old, 'left where it is');
      rmSync(join(her, 'copy-one.md'));
      rmSync(join(her, 'copy-two.md'));
      const gone = await cli(['check', 'her'], root);
      assert.equal(gone.code, 1);
      assert.match(gone.err, /larb-jessica-gross-becoming-human\.annotations\.yaml: no review named .*anchor in no review/);
    });
  });
});

void writeFileSync;
