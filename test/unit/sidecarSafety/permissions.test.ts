// Defect 5: a read-only sidecar (0444, or a host saying readonly) is refused with a clear error
// and never replaced; every write keeps the file's permission bits and group, so a group-shared
// corpus (0664, group "critics") stays writable by the group.

import * as assert from 'node:assert/strict';
import { chmodSync, chownSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SidecarStore, sidecarUriFor } from '../../../src/core/annotations/sidecarStore';
import { MemoryFileHost } from '../memoryHost';
import { cli, herCopy } from './helpers';
import { TINY_PASSAGE, TINY_REVIEW } from './tinyFilm';

const REVIEW = 'memfs:/film/r.md';
const SIDECAR = sidecarUriFor(REVIEW);

async function annotated(): Promise<{ host: MemoryFileHost; store: SidecarStore; id: string }> {
  const host = new MemoryFileHost({ [REVIEW]: TINY_REVIEW });
  const store = new SidecarStore(host);
  const start = TINY_REVIEW.indexOf(TINY_PASSAGE);
  const id = await store.addAnnotation(REVIEW, TINY_REVIEW, { start, end: start + TINY_PASSAGE.length, tags: [], note: 'x' });
  return { host, store, id };
}

describe('read-only and group-shared sidecars (defect 5)', () => {
  it('refuses a read-only sidecar with a clear error; nothing is written, no temp file', async () => {
    const { host, store, id } = await annotated();
    host.chmod(SIDECAR, 0o444);
    const before = host.text(SIDECAR);
    const writes = host.callsOf('writeFile').length;
    const outcome = await store.write(REVIEW, TINY_REVIEW + '\nMore.\n', []);
    assert.equal(outcome.status, 'failed');
    assert.match(outcome.errors[0].message, /r\.annotations\.yaml is read-only \(mode 0444\).*chmod u\+w/);
    await assert.rejects(store.updateAnnotation(REVIEW, TINY_REVIEW, id, { note: 'y' }), /read-only/);
    assert.equal(host.text(SIDECAR), before);
    assert.equal(host.callsOf('writeFile').length, writes, 'not even a temp file');
    assert.deepEqual([...host.files.keys()].filter((k) => k.endsWith('.tmp')), []);
  });

  it('keeps mode and group through a write (the temp file gets them before the rename)', async () => {
    const { host, store } = await annotated();
    host.chmod(SIDECAR, 0o664, 4242);
    host.defaultGid = 1000; // the writer's own group: what a new file would get
    const outcome = await store.write(REVIEW, TINY_REVIEW + '\nMore.\n', []);
    assert.equal(outcome.status, 'written');
    assert.deepEqual({ mode: host.metaOf(SIDECAR)!.mode, gid: host.metaOf(SIDECAR)!.gid }, { mode: 0o664, gid: 4242 });
  });

  it('through the CLI on a real file system: 0444 refused and untouched, 0664 and the group kept', async () => {
    const { root, her } = herCopy('perm');
    assert.equal((await cli(['annotate', 'her'], root)).code, 0);
    const locked = join(her, 'poignant-exploration.annotations.yaml');
    const shared = join(her, 'movie-review-her.annotations.yaml');
    chmodSync(locked, 0o444);
    chmodSync(shared, 0o664);
    chownSync(shared, statSync(shared).uid, 4242);
    const lockedBefore = readFileSync(locked, 'utf8');
    for (const r of ['poignant-exploration.md', 'movie-review-her.md']) writeFileSync(join(her, r), readFileSync(join(her, r), 'utf8') + '\nA line added later.\n');
    const r = await cli(['annotate', 'her'], root);
    assert.equal(r.code, 1);
    assert.match(r.err, /her\/poignant-exploration\.annotations\.yaml:1:1: poignant-exploration\.annotations\.yaml is read-only \(mode 0444\)/);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.equal(readFileSync(locked, 'utf8'), lockedBefore, 'the read-only file is untouched');
    assert.equal(statSync(locked).mode & 0o777, 0o444);
    assert.match(r.out, /^written\s+her\/movie-review-her\.annotations\.yaml/m);
    assert.match(readFileSync(shared, 'utf8'), /textHash/);
    assert.equal(statSync(shared).mode & 0o777, 0o664, 'mode kept');
    assert.equal(statSync(shared).gid, 4242, 'group kept');
  });
});
