// Battery: random damage to a real sidecar (truncation anywhere, a flipped byte, a line doubled
// or dropped, YAML-significant characters or a conflict marker dropped in), written over through
// the store. Whatever the damage: the store never throws; a file it refuses is left byte for byte;
// a file it reads and writes keeps every annotation the damaged file still held, and comes out
// parseable.

import * as assert from 'node:assert/strict';
import { parseSidecar } from '../../../../src/core/annotations/sidecarFormat';
import { SidecarStore } from '../../../../src/core/annotations/sidecarStore';
import { decodeText } from '../../../../src/core/text';
import { MemoryFileHost } from '../../memoryHost';
import { loadSeedReviews } from '../../annotations/groundTruth';
import { seeded, times } from '../helpers';

const REVIEW = 'memfs:/f/r.md';
const SIDECAR = 'memfs:/f/r.annotations.yaml';

describe('battery: damaged sidecars (fuzz)', function () {
  this.timeout(times(60_000));

  it(`${times(120)} random damages: refused untouched, or read with nothing lost`, async () => {
    const text = loadSeedReviews()[1].text;
    const host = new MemoryFileHost({ [REVIEW]: text });
    const store = new SidecarStore(host);
    const rnd = seeded(0xf022);
    for (let i = 0; i < 6; i++) {
      const start = Math.floor(rnd() * (text.length - 80));
      await store.addAnnotation(REVIEW, text, { start, end: start + 10 + Math.floor(rnd() * 60), tags: ['t', `n${i}`], note: `note ${i}\nsecond line: with a colon` });
    }
    const base = host.text(SIDECAR)!.replace('version: 1', '# reading notes\nversion: 1\nproject: thesis');
    const bytes = new TextEncoder().encode(base);
    const lines = base.split('\n');
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const damages: Array<[string, () => Uint8Array]> = [
      ['truncated', () => bytes.slice(0, Math.floor(rnd() * bytes.length))],
      ['a byte flipped', () => {
        const b = bytes.slice();
        b[Math.floor(rnd() * b.length)] ^= 1 << Math.floor(rnd() * 8);
        return b;
      }],
      ['a line doubled', () => {
        const l = lines.slice();
        const k = Math.floor(rnd() * l.length);
        l.splice(k, 0, l[k]);
        return new TextEncoder().encode(l.join('\n'));
      }],
      ['a line dropped', () => {
        const l = lines.slice();
        l.splice(Math.floor(rnd() * l.length), 1);
        return new TextEncoder().encode(l.join('\n'));
      }],
      ['a YAML character dropped in', () => {
        const at = Math.floor(rnd() * base.length);
        return new TextEncoder().encode(base.slice(0, at) + pick([':', '- ', '#', '&a ', '*a', '!!str ', '{', ']', '"', "'", '|', '>', '\t', '%', '@', '\u0000', '\r', '?']) + base.slice(at));
      }],
      ['a conflict marker', () => {
        const l = lines.slice();
        l.splice(Math.floor(rnd() * l.length), 0, pick(['<<<<<<< HEAD', '=======', '>>>>>>> theirs']));
        return new TextEncoder().encode(l.join('\n'));
      }],
    ];
    const tally = { cases: 0, refused: 0, read: 0, written: 0, thrown: 0, lostAnnotations: 0, changedWhenRefused: 0 };
    for (let n = 0; n < times(120); n++) {
      const [, damage] = pick(damages);
      const damaged = damage();
      host.put(SIDECAR, damaged);
      let held: string[] = [];
      try {
        const parsed = parseSidecar(decodeText(damaged), SIDECAR);
        held = parsed.sidecar?.annotations.map((a) => a.id) ?? [];
      } catch {
        held = [];
      }
      tally.cases++;
      let outcome;
      try {
        outcome = await store.write(REVIEW, text, []);
      } catch {
        tally.thrown++;
        continue;
      }
      if (outcome.status === 'failed') {
        tally.refused++;
        if (!Buffer.from(host.files.get(SIDECAR)!).equals(Buffer.from(damaged))) tally.changedWhenRefused++;
        continue;
      }
      tally.read++;
      if (outcome.status === 'written') tally.written++;
      const after = parseSidecar(host.text(SIDECAR)!, SIDECAR);
      assert.deepEqual(after.errors, [], 'what is written parses');
      const ids = new Set(after.sidecar!.annotations.map((a) => a.id));
      tally.lostAnnotations += held.filter((id) => !ids.has(id)).length;
    }
    console.log(`      fuzz: ${JSON.stringify(tally)}`);
    assert.deepEqual([tally.thrown, tally.changedWhenRefused, tally.lostAnnotations], [0, 0, 0]);
    assert.ok(tally.refused > 0 && tally.read > 0);
  });
});
