// Defect 1: a sidecar replaced on disk by another writer between `annotate`'s last read and its
// rename must not be overwritten. The store compares just before the rename (bytes, size, mtime,
// inode) and, if the file changed, applies its change and re-anchoring again to the new version.
//
// Proof at the granularity of file operations: another writer steps in before a random one of
// annotate's file operations (including the one right before the rename), hundreds of times,
// in memory and on the real file system; nothing it wrote may be lost, and annotate's own update
// must land too. Then a real second process races annotate in a tight loop; what is left (the
// few microseconds between the last check and rename(2), which POSIX cannot close) is measured
// and reported (bounded, not zero), see docs/sidecar-format.md.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar, renderSidecar, textHash } from '../../../src/core/annotations/sidecarFormat';
import { SidecarStore } from '../../../src/core/annotations/sidecarStore';
import { fileUri } from '../../../src/core/model/uri';
import { decodeText, encodeText } from '../../../src/core/text';
import { NodeFileHost } from '../../../src/platform/node/nodeFileHost';
import { MemoryFileHost } from '../memoryHost';
import { cli, seeded, tempDir, times } from './helpers';
import { HookedHost } from './hookedHost';
import { TINY_LEXICON, TINY_PASSAGE, TINY_REVIEW } from './tinyFilm';

/** A sidecar for TINY_REVIEW with one annotation, as Marginalia writes it. */
async function initialSidecar(): Promise<string> {
  const host = new MemoryFileHost({ 'memfs:/f/r.md': TINY_REVIEW });
  const start = TINY_REVIEW.indexOf(TINY_PASSAGE);
  await new SidecarStore(host).addAnnotation('memfs:/f/r.md', TINY_REVIEW, { start, end: start + TINY_PASSAGE.length, tags: ['fall'], note: 'mine' });
  return host.text('memfs:/f/r.annotations.yaml')!;
}

/** The other writer's change: a new annotation `id`, on whatever version is there now. */
function withAnnotation(current: string, id: string): Uint8Array {
  const parsed = parseSidecar(decodeText(encodeText(current)), 'x');
  assert.deepEqual(parsed.errors, [], 'the other writer reads a whole file');
  const s = parsed.sidecar!;
  s.annotations.push({ ...s.annotations[0], id, note: 'theirs', links: [] });
  return encodeText(renderSidecar(s, parsed.document));
}

interface RaceTally {
  runs: number;
  /** Runs in which the other writer stepped in (the rest: annotate made fewer calls than the chosen step). */
  interleaved: number;
  steppedInBefore: Record<string, number>;
  lostTheirs: number;
  lostOurs: number;
  retried: number;
}

function report(label: string, t: RaceTally): void {
  const ops = Object.entries(t.steppedInBefore).map(([op, n]) => `${op} ${n}`).join(', ');
  console.log(`      ${label}: ${t.runs} runs, ${t.interleaved} interleaved (before ${ops}); lost theirs ${t.lostTheirs}, lost ours ${t.lostOurs}; annotate started over ${t.retried} times`);
}

describe('lost update: another writer between annotate’s read and its rename (defect 1)', function () {
  this.timeout(120_000);
  let sidecar0: string;
  before(async () => {
    sidecar0 = await initialSidecar();
  });

  it(`in memory: a writer stepping in before any of annotate's file operations loses nothing (${times(150)} runs)`, async () => {
    const rnd = seeded(0x1057);
    const tally: RaceTally = { runs: 0, interleaved: 0, steppedInBefore: {}, lostTheirs: 0, lostOurs: 0, retried: 0 };
    const SIDECAR = 'file:///c/film/r.annotations.yaml';
    for (let i = 0; i < times(150); i++) {
      const review = `${TINY_REVIEW}\nEdit number ${i}.\n`;
      const host = new MemoryFileHost({ 'file:///c/film/film.yaml': TINY_LEXICON, 'file:///c/film/r.md': review, [SIDECAR]: sidecar0 });
      const k = Math.floor(rnd() * 16);
      let n = 0;
      let acted = false;
      host.beforeCall = (call) => {
        if (n++ !== k) return;
        acted = true;
        tally.steppedInBefore[call.op] = (tally.steppedInBefore[call.op] ?? 0) + 1;
        // Half the time an atomic save (new inode), half an in-place save (same inode).
        const bytes = withAnnotation(host.text(SIDECAR)!, 'theirs');
        if (i % 2) host.replace(SIDECAR, bytes);
        else host.put(SIDECAR, bytes);
      };
      const r = await cli(['annotate', 'film'], '/c', host);
      host.beforeCall = undefined;
      assert.equal(r.code, 0, r.err);
      tally.runs++;
      if (acted) tally.interleaved++;
      tally.retried += host.callsOf('renameIfUnchanged').length - 1;
      const final = parseSidecar(host.text(SIDECAR)!, SIDECAR).sidecar!;
      if (acted && !final.annotations.some((a) => a.id === 'theirs')) tally.lostTheirs++;
      if (final.textHash !== (await textHash(review)) || !final.annotations.some((a) => a.note === 'mine')) tally.lostOurs++;
    }
    report('memory', tally);
    assert.ok((tally.steppedInBefore.renameIfUnchanged ?? tally.steppedInBefore.rename) > 0, 'the writer stepped in right before the rename');
    assert.deepEqual([tally.lostTheirs, tally.lostOurs], [0, 0]);
  });

  it(`on the real file system: a writer stepping in before any of annotate's file operations loses nothing (${times(100)} runs)`, async () => {
    const rnd = seeded(0x2013);
    const tally: RaceTally = { runs: 0, interleaved: 0, steppedInBefore: {}, lostTheirs: 0, lostOurs: 0, retried: 0 };
    const root = tempDir('race-fs');
    const film = join(root, 'film');
    mkdirSync(film);
    writeFileSync(join(film, 'film.yaml'), TINY_LEXICON);
    const path = join(film, 'r.annotations.yaml');
    for (let i = 0; i < times(100); i++) {
      const review = `${TINY_REVIEW}\nEdit number ${i}.\n`;
      writeFileSync(join(film, 'r.md'), review);
      writeFileSync(path, sidecar0);
      const host = new HookedHost(new NodeFileHost({ blocking: true }));
      const k = Math.floor(rnd() * 16);
      let n = 0;
      let acted = false;
      host.beforeCall = (op) => {
        if (n++ !== k) return;
        acted = true;
        tally.steppedInBefore[op] = (tally.steppedInBefore[op] ?? 0) + 1;
        const bytes = withAnnotation(readFileSync(path, 'utf8'), 'theirs');
        if (i % 2) {
          writeFileSync(path + '.theirs.tmp', bytes);
          renameSync(path + '.theirs.tmp', path);
        } else writeFileSync(path, bytes);
      };
      const r = await cli(['annotate', 'film'], root, host);
      assert.equal(r.code, 0, r.err);
      tally.runs++;
      if (acted) tally.interleaved++;
      tally.retried += host.calls.filter((c) => c.op === 'renameIfUnchanged').length - 1;
      const final = parseSidecar(readFileSync(path, 'utf8'), path).sidecar!;
      if (acted && !final.annotations.some((a) => a.id === 'theirs')) tally.lostTheirs++;
      if (final.textHash !== (await textHash(review)) || !final.annotations.some((a) => a.note === 'mine')) tally.lostOurs++;
    }
    report('node:fs', tally);
    assert.ok((tally.steppedInBefore.renameIfUnchanged ?? tally.steppedInBefore.rename) > 0, 'the writer stepped in right before the rename');
    assert.deepEqual([tally.lostTheirs, tally.lostOurs], [0, 0]);
  });

  it('an in-place save that lands in the file the rename replaces (after the check) is kept aside, and said', async () => {
    const REVIEW = 'memfs:/f/r.md';
    const SIDECAR = 'memfs:/f/r.annotations.yaml';
    const host = new MemoryFileHost({ [REVIEW]: TINY_REVIEW, [SIDECAR]: sidecar0 });
    const store = new SidecarStore(host);
    // The host reports that, after its check, someone saved in place (possibly only half-way).
    const theirs = withAnnotation(sidecar0, 'theirs').slice(0, 300);
    host.displaceNext = theirs;
    const outcome = await store.write(REVIEW, TINY_REVIEW + '\nLater.\n', []);
    assert.equal(outcome.status, 'written');
    assert.match(outcome.errors[0].message, /another program saved r\.annotations\.yaml in place at the moment Marginalia replaced it; its version is kept in r\.annotations\.yaml\.displaced-[0-9a-f]{6} — merge it/);
    const kept = [...host.files.keys()].find((k) => k.includes('.displaced-'))!;
    assert.deepEqual(host.files.get(kept), theirs, 'their bytes, exactly');
    assert.equal(parseSidecar(host.text(SIDECAR)!, SIDECAR).sidecar!.annotations[0].note, 'mine', 'ours in place');
  });

  for (const mode of ['atomic', 'inplace'] as const) {
    it(`a real second process saving ${mode === 'atomic' ? 'atomically' : 'in place'} in a tight loop while annotate runs ${times(25)} times`, async () => {
      const root = tempDir(`race-proc-${mode}`);
      const film = join(root, 'film');
      mkdirSync(film);
      writeFileSync(join(film, 'film.yaml'), TINY_LEXICON);
      const path = join(film, 'r.annotations.yaml');
      writeFileSync(path, sidecar0);
      writeFileSync(join(film, 'r.md'), TINY_REVIEW);
      const stop = join(root, 'stop');
      const writer = spawn(process.execPath, [join(__dirname, 'racingWriter.js'), path, stop, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
      const lines = createInterface({ input: writer.stdout! })[Symbol.asyncIterator]();
      assert.equal((await lines.next()).value, 'ready');
      const outcomes = new Map<string, number>();
      for (let i = 0; i < times(25); i++) {
        writeFileSync(join(film, 'r.md'), `${TINY_REVIEW}\nEdit number ${i}.\n`);
        const r = await cli(['annotate', 'film/r.md'], root);
        const key =
          r.code === 0
            ? r.out.trim().split(/\s+/)[0]
            : r.err.includes('kept changing')
              ? 'gave up: kept changing'
              : /in place at the moment Marginalia replaced it/.test(r.err)
                ? 'written, an in-place save caught and reported'
                : `error: ${r.err.trim()}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
      writeFileSync(stop, '');
      const timer = setTimeout(() => writer.kill('SIGKILL'), 10_000);
      const last = await lines.next();
      clearTimeout(timer);
      assert.ok(!last.done, 'the other writer stopped and reported');
      const result = JSON.parse(last.value as string) as { writes: number; lost: number; keptAside: number; unreadable: number; wiped: number; lostIds: string[] };
      await new Promise((resolve) => writer.on('exit', resolve));
      console.log(`      ${mode}: annotate ${JSON.stringify(Object.fromEntries(outcomes))}; the other process wrote ${result.writes} times, lost ${result.lost} (and ${result.keptAside} kept aside by Marginalia), found every annotation gone ${result.wiped} times, read an unparseable file ${result.unreadable} times`);
      assert.ok(result.writes > 0);
      for (const key of outcomes.keys()) assert.match(key, /^(written|unchanged|gave up: kept changing|written, an in-place save caught and reported)$/);
      assert.ok(parseSidecar(readFileSync(path, 'utf8'), path).sidecar, 'the final file parses');
      assert.equal(result.wiped, 0, 'a sidecar was written from a torn (empty) read');
      // What compare-and-swap cannot close (docs/sidecar-format.md, "Concurrent changes"): the
      // other program's rename or save landing between the last check and rename(2) — a few
      // microseconds, longer on a loaded machine while its rename flushes data holding the
      // folder. The tests above prove nothing is lost at any other moment; this one measures
      // what is left against a writer saving back to back, and bounds it.
      const reported = outcomes.get('written, an in-place save caught and reported') ?? 0;
      const written = (outcomes.get('written') ?? 0) + reported;
      const silent = Math.max(0, result.lost - reported);
      console.log(`      ${mode}: lost without a word ${silent} in ${written} writes by annotate`);
      assert.ok(silent <= Math.max(1, Math.floor(written / 20)), `the other writer's updates lost: ${result.lostIds.join(', ')} (${silent} silently in ${written} writes)`);
    });
  }
});

void fileUri;
