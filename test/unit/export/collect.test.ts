// The export orchestration the CLI and the editor share: reviews gathered with their sidecars (a
// broken sidecar reported with its position and its review left out, never silently), progress
// and cancellation, where files go, and the targets an export refuses because they are the corpus.

import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectForExport, exportCounts, placeExportFiles, refusedExportTargets } from '../../../src/core/export/collect';
import { bratExporter } from '../../../src/core/export/brat';
import { CancelledError } from '../../../src/core/host';
import { fileUri, joinUri } from '../../../src/core/model/uri';
import { type AnnotatedCorpus, annotatedHer, HER_REVIEWS, PLANNED } from './herCorpus';

describe('collectForExport', () => {
  let corpus: AnnotatedCorpus;
  before(async () => {
    corpus = await annotatedHer();
  });
  const sources = (withMatcher: boolean) => HER_REVIEWS.map((name) => ({ uri: corpus.reviewUri(name), lexicon: corpus.lexicon, ...(withMatcher ? { matcher: corpus.matcher } : {}) }));

  it('gathers every review with its annotations, the lexicon’s entities once, and the film as label', async () => {
    const seen: string[] = [];
    const c = await collectForExport(corpus.host, sources(true), { onProgress: (n, total) => seen.push(`${n}/${total}`) });
    assert.deepEqual(c.skipped, []);
    assert.equal(c.reviews.length, 5);
    assert.equal(c.label, 'Her');
    assert.equal(c.entities.length, corpus.lexicon.entities.length, 'entities are not repeated per review');
    assert.deepEqual(seen, ['1/5', '2/5', '3/5', '4/5', '5/5']);
    const n = exportCounts(c.reviews, true);
    assert.equal(n.annotations, PLANNED.length);
    assert.ok(n.mentions > 100, `${n.mentions} mentions`);
    assert.equal(exportCounts(c.reviews, false).mentions, 0);
  });

  it('leaves out a review whose sidecar does not parse, and says where it broke', async () => {
    const broken = join(corpus.her, 'hua-ruonan-a-decade-later.annotations.yaml');
    const good = readFileSync(broken, 'utf8');
    writeFileSync(broken, good.replace(/^annotations:\n/m, 'annotations:\n<<<<<<< HEAD\n'));
    try {
      const c = await collectForExport(corpus.host, sources(false));
      assert.equal(c.reviews.length, 4);
      assert.equal(c.skipped.length, 1);
      assert.equal(c.skipped[0].review, corpus.reviewUri('hua-ruonan-a-decade-later.md'));
      const e = c.skipped[0].errors[0];
      assert.equal(e.file, fileUri(broken));
      assert.equal(e.line, good.split('\n').indexOf('annotations:') + 2);
      assert.match(e.message, /merge conflict marker/);
    } finally {
      writeFileSync(broken, good);
    }
  });

  it('stops when cancelled', async () => {
    let n = 0;
    const signal = { get isCancellationRequested() { return n >= 2; } };
    await assert.rejects(collectForExport(corpus.host, sources(false), { signal, onProgress: () => n++ }), CancelledError);
    assert.equal(n, 2);
  });
});

describe('where exported files go', () => {
  const root = 'file:///home/me/corpus';
  const her = joinUri(root, 'her');
  const corpus = { reviews: [joinUri(her, 'a.md'), joinUri(her, 'notes.txt')], filmDirs: [her] };

  it('one file at the chosen path; several below the chosen folder', () => {
    assert.deepEqual(placeExportFiles([{ name: 'annotations.jsonld', text: '{}' }], 'file:///tmp/x.json', false).map((p) => p.uri), ['file:///tmp/x.json']);
    assert.deepEqual(placeExportFiles([{ name: 'her/a b.ann', text: '' }], 'file:///tmp/out', true).map((p) => p.uri), ['file:///tmp/out/her/a%20b.ann']);
    assert.throws(() => placeExportFiles([{ name: 'a', text: '' }, { name: 'b', text: '' }], 'file:///tmp/x', false), /2 files cannot be written to one file/);
  });

  it('refuses to overwrite a review, a sidecar or a lexicon, or to drop a review-like file into a film', () => {
    // brat into the corpus root: her/notes.txt would overwrite the .txt review itself.
    const brat = bratExporter.export({
      reviews: [{ uri: corpus.reviews[1], relativeName: 'her/notes.txt', film: 'her', text: 'Samantha.', frontMatter: {}, annotations: [] }],
      entities: [],
    });
    const placed = placeExportFiles(brat.files, root, true).map((p) => p.uri);
    const refused = refusedExportTargets(placed, corpus);
    assert.deepEqual(refused.map((r) => r.uri), [joinUri(her, 'notes.txt')]);
    assert.match(refused[0].reason, /is a review of the corpus/);
    assert.deepEqual(refusedExportTargets([joinUri(her, 'a.annotations.yaml'), joinUri(her, 'film.yaml')], corpus).map((r) => r.reason), ['it is an annotation sidecar of the corpus', 'it is a film’s lexicon']);
    assert.match(refusedExportTargets([joinUri(her, 'brat/her/a.txt')], corpus)[0].reason, /read it as another review/);
    // Outside the film, or not review-like: allowed.
    assert.deepEqual(refusedExportTargets([joinUri(root, 'brat/her/a.txt'), joinUri(her, 'her.jsonld'), joinUri(her, 'annotations.csv'), joinUri(her, 'a.ann')], corpus), []);
  });
});
