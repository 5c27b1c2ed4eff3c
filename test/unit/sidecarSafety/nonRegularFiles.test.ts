// Defect 6: only regular files are read. A sidecar path that is a folder, and FIFOs or sockets
// named like reviews or sidecars, get one clear line each from `check` and `annotate`, never a
// hang (reading a FIFO blocks until someone writes to it) or a stack trace. These run the built
// CLI as its own process, with a timeout, because a blocking read would hang the test runner.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { cliProcess, herCopy } from './helpers';

function linesNaming(text: string, name: string): string[] {
  return text.split('\n').filter((l) => l.includes(name));
}

function noStackTrace(text: string): void {
  assert.doesNotMatch(text, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
}

describe('non-regular files (defect 6)', function () {
  this.timeout(60_000);

  it('a sidecar path that is a folder: one clear line from check and annotate, the rest still done', () => {
    const { root, her } = herCopy('dir-sidecar');
    mkdirSync(join(her, 'poignant-exploration.annotations.yaml'));
    const check = cliProcess(['check', 'her'], root);
    noStackTrace(check.err);
    assert.equal(check.code, 1, check.err);
    assert.deepEqual(linesNaming(check.err, 'poignant-exploration.annotations.yaml').length, 1, check.err);
    assert.match(check.err, /poignant-exploration\.annotations\.yaml.*is a folder/);
    const annotate = cliProcess(['annotate', 'her'], root);
    noStackTrace(annotate.err);
    assert.equal(annotate.code, 1);
    assert.equal(linesNaming(annotate.err, 'poignant-exploration.annotations.yaml').length, 1, annotate.err);
    assert.match(annotate.err, /poignant-exploration\.annotations\.yaml.*is a folder/);
    assert.equal(annotate.out.match(/^written/gm)?.length, 4, annotate.out);
  });

  it('FIFOs named like a review and like a sidecar: no hang, one clear line each', () => {
    const { root, her } = herCopy('fifo');
    execFileSync('mkfifo', [join(her, 'a-pipe.md')]);
    execFileSync('mkfifo', [join(her, 'movie-review-her.annotations.yaml')]);
    for (const command of ['check', 'annotate']) {
      const r = cliProcess([command, 'her'], root, 20_000);
      assert.doesNotMatch(r.err, /killed by/, `${command} hung on a FIFO`);
      noStackTrace(r.err);
      assert.equal(r.code, 1, `${command}: ${r.err}`);
      assert.equal(linesNaming(r.err, 'a-pipe.md').length, 1, `${command}: ${r.err}`);
      assert.match(r.err, /a-pipe\.md.*not a regular file/);
      assert.equal(linesNaming(r.err, 'movie-review-her.annotations.yaml').length, 1, `${command}: ${r.err}`);
      assert.match(r.err, /movie-review-her\.annotations\.yaml.*not a regular file/);
    }
    // The same through a path given directly (not found by walking the folder).
    const direct = cliProcess(['annotate', 'her/a-pipe.md'], root, 20_000);
    assert.doesNotMatch(direct.err, /killed by/);
    assert.equal(direct.code, 1);
    assert.equal(linesNaming(direct.err, 'a-pipe.md').length, 1, direct.err);
  });

  describe('a socket named like a review', () => {
    let server: Server | undefined;
    after(() => server?.close());

    it('gets one clear line, and the other reviews are annotated', async () => {
      const { root, her } = herCopy('socket');
      const path = join(her, 'socket-review.txt');
      server = createServer();
      await new Promise<void>((resolve) => server!.listen(path, resolve));
      const r = cliProcess(['annotate', 'her'], root, 20_000);
      assert.doesNotMatch(r.err, /killed by/);
      noStackTrace(r.err);
      assert.equal(r.code, 1);
      assert.equal(linesNaming(r.err, 'socket-review.txt').length, 1, r.err);
      assert.equal(r.out.match(/^written/gm)?.length, 5, r.out);
      assert.ok(readFileSync(join(her, 'movie-review-her.annotations.yaml'), 'utf8').startsWith('version: 1'));
    });
  });
});
