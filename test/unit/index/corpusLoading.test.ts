// Loading a corpus through the hosts' one-open-file fast path (readText) reads exactly what the
// stat-then-read path reads and refuses exactly what it refuses; a load in time slices yields to
// the event loop (the extension host stays responsive) and indexes the same mentions.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileProblem, loadCorpus, readTextFile } from '../../../src/core/corpusLoader';
import type { FileHost } from '../../../src/core/host';
import { fileUri } from '../../../src/core/model/uri';
import { NodeFileHost } from '../../../src/platform/node/nodeFileHost';
import { HER_DIR } from '../fixtures';

/** The same host without its fast path: what the loader did before readText. */
function withoutReadText(host: FileHost): FileHost {
  return new Proxy(host, { get: (target, key) => (key === 'readText' ? undefined : Reflect.get(target, key, target)) });
}

async function outcome(host: FileHost, uri: string): Promise<string> {
  try {
    return `text ${await readTextFile(host, uri)}`;
  } catch (e) {
    return e instanceof FileProblem ? `problem ${e.message}` : `error ${String(e)}`;
  }
}

describe('corpus loading', () => {
  let dir: string;
  const files: Record<string, string> = {};

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-load-'));
    const add = (name: string, data: string | Buffer) => {
      writeFileSync(join(dir, name), data);
      files[name] = fileUri(join(dir, name));
    };
    add('plain.md', 'Theodore meets Samantha.\n');
    add('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Amy 🎬 Samantha\r\n')]));
    // Larger than the host's first read buffer (64 KB): it grows, and the text is whole.
    add('long.md', 'Samantha sings. ñ '.repeat(12_000));
    add('binary.txt', Buffer.from([0x48, 0x00, 0x01]));
    add('latin1.txt', Buffer.from([0x53, 0x61, 0x6d, 0xe9, 0x20]));
    add('huge.md', Buffer.alloc(2 * 1024 * 1024 + 1, 0x61));
    mkdirSync(join(dir, 'folder.md'));
    files['folder.md'] = fileUri(join(dir, 'folder.md'));
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'dangling.md'));
    files['dangling.md'] = fileUri(join(dir, 'dangling.md'));
    symlinkSync(join(dir, 'plain.md'), join(dir, 'link.md'));
    files['link.md'] = fileUri(join(dir, 'link.md'));
    files['missing.md'] = fileUri(join(dir, 'missing.md'));
    execFileSync('mkfifo', [join(dir, 'fifo.md')]); // read naively, a FIFO blocks until someone writes
    files['fifo.md'] = fileUri(join(dir, 'fifo.md'));
  });

  for (const mode of ['blocking', 'blockingReads', 'non-blocking'] as const) {
    it(`readText (${mode}) gives what stat-then-read gives, file by file`, async () => {
      const host = new NodeFileHost(mode === 'non-blocking' ? {} : { [mode]: true });
      assert.ok(host.readText);
      for (const [name, uri] of Object.entries(files)) {
        const fast = await outcome(host, uri);
        assert.equal(fast, await outcome(withoutReadText(host), uri), name);
        if (name === 'long.md') assert.equal(fast, `text ${readFileSync(join(dir, name), 'utf8')}`);
        if (name === 'bom.md') assert.equal(fast, 'text Amy 🎬 Samantha\r\n', 'BOM dropped, CRLF and emoji kept');
        if (name === 'fifo.md') assert.match(fast, /is not a regular file/);
        if (name === 'huge.md') assert.match(fast, /over the 2 MB limit/);
      }
    });
  }

  it('a load in time slices lets timers run while it reads, and finds the same mentions', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'marginalia-slices-'));
    const film = join(corpus, 'her');
    mkdirSync(film);
    copyFileSync(join(HER_DIR, 'film.yaml'), join(film, 'film.yaml'));
    const review = readFileSync(join(HER_DIR, 'larb-jessica-gross-becoming-human.md'));
    for (let i = 0; i < 60; i++) writeFileSync(join(film, `r${String(i).padStart(2, '0')}.md`), review);
    const host = new NodeFileHost({ blockingReads: true });

    const load = async (sliceMs?: number) => {
      let progress = 0;
      let seenByTimer = -1;
      setTimeout(() => (seenByTimer = progress), 0);
      const result = await loadCorpus(host, fileUri(corpus), undefined, { sliceMs, onProgress: (n) => (progress = n) });
      const mentions = result.index.allFilms()[0].orderedReviews().reduce((n, r) => n + r.mentionCount, 0);
      return { seenByTimer, mentions, reviews: result.reviewCount };
    };
    const whole = await load();
    assert.equal(whole.seenByTimer, -1, 'without slices, synchronous reads never yield to timers');
    const sliced = await load(0);
    assert.ok(sliced.seenByTimer >= 0 && sliced.seenByTimer < 60, `the timer ran mid-load (after ${sliced.seenByTimer} of 60 reviews)`);
    assert.deepEqual({ mentions: sliced.mentions, reviews: sliced.reviews }, { mentions: whole.mentions, reviews: 60 });
    assert.ok(whole.mentions > 60 * 50);
  });
});
