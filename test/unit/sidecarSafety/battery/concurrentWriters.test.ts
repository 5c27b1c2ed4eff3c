// Battery: concurrent writers on one corpus — several `annotate` processes at once, while this
// process adds annotations through its own SidecarStore (as the editor would). Afterwards every
// sidecar parses, every annotation added is there (no lost update), the processes failed only by
// saying a file kept changing, and a last run finds nothing left to do.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar } from '../../../../src/core/annotations/sidecarFormat';
import { SidecarStore } from '../../../../src/core/annotations/sidecarStore';
import { fileUri } from '../../../../src/core/model/uri';
import { NodeFileHost } from '../../../../src/platform/node/nodeFileHost';
import { HER_DIR } from '../../fixtures';
import { CLI_JS, cliProcess, seeded, tempDir, times } from '../helpers';
import { TINY_LEXICON } from '../tinyFilm';

function annotate(cwd: string): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_JS, 'annotate', '.'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => resolve({ code, err }));
  });
}

describe('battery: concurrent writers', function () {
  this.timeout(times(90_000));

  it(`${times(3)} rounds of 4 annotate processes at once and annotations added meanwhile: nothing lost`, async () => {
    const root = tempDir('concurrent');
    const film = join(root, 'her');
    mkdirSync(film);
    writeFileSync(join(film, 'film.yaml'), TINY_LEXICON);
    for (const f of readdirSync(HER_DIR).filter((n) => n.endsWith('.md'))) for (let k = 0; k < 2; k++) cpSync(join(HER_DIR, f), join(film, f.replace(/\.md$/, `-${k}.md`)));
    const reviews = readdirSync(film).filter((f) => f.endsWith('.md')).map((f) => join(film, f));
    const store = new SidecarStore(new NodeFileHost());
    const rnd = seeded(0xc0);
    const added = new Map<string, string[]>(); // review → ids
    const tally = { rounds: 0, processes: 0, exitedClean: 0, gaveUpKeptChanging: 0, added: 0, addRetries: 0, lost: 0 };
    for (let round = 0; round < times(3); round++) {
      for (const r of reviews) writeFileSync(r, readFileSync(r, 'utf8') + `\nRound ${round}: Scottie and Madeleine again.\n`);
      const processes = Array.from({ length: 4 }, () => annotate(root));
      const adds = (async () => {
        for (let i = 0; i < 12; i++) {
          const review = reviews[Math.floor(rnd() * reviews.length)];
          const text = readFileSync(review, 'utf8');
          const start = Math.floor(rnd() * (text.length - 40));
          for (let attempt = 0; ; attempt++) {
            try {
              const id = await store.addAnnotation(fileUri(review), text, { start, end: start + 20, tags: [`round-${round}`], note: `added while annotate ran (${i})` });
              added.set(review, [...(added.get(review) ?? []), id]);
              tally.added++;
              break;
            } catch (e) {
              // The one failure allowed: the file kept changing under a long burst of writes.
              assert.match(String(e), /kept changing/);
              tally.addRetries++;
              assert.ok(attempt < 5);
            }
          }
          await new Promise((resolve) => setTimeout(resolve, Math.floor(rnd() * 60)));
        }
      })();
      const [results] = await Promise.all([Promise.all(processes), adds]);
      for (const r of results) {
        tally.processes++;
        if (r.code === 0) tally.exitedClean++;
        else {
          const lines = r.err.trim().split('\n');
          assert.ok(lines.every((l) => /kept changing/.test(l)), `only "kept changing" failures: ${r.err}`);
          tally.gaveUpKeptChanging += lines.length;
        }
      }
      tally.rounds++;
      for (const r of reviews) {
        const sidecar = r.replace(/\.md$/, '.annotations.yaml');
        const parsed = parseSidecar(readFileSync(sidecar, 'utf8'), sidecar);
        assert.deepEqual(parsed.errors, [], sidecar);
        const ids = new Set(parsed.sidecar!.annotations.map((a) => a.id));
        tally.lost += (added.get(r) ?? []).filter((id) => !ids.has(id)).length;
      }
    }
    const last = cliProcess(['annotate', '.'], root);
    assert.equal(last.code, 0, last.err);
    console.log(`      concurrent: ${JSON.stringify(tally)}; the last run wrote ${last.out.match(/^written/gm)?.length ?? 0} of ${reviews.length}`);
    assert.equal(tally.lost, 0, 'no annotation added meanwhile was lost');
  });
});
