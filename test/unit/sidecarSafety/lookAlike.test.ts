// Defect 8: a copy of an annotated passage pasted right beside it, carrying its old context on
// one side. The text then reads equally well as "the copy was pasted before" or "after": no
// anchoring can tell which is the passage. The choice made (docs/sidecar-format.md, "Look-alikes
// next door"): anchor as before, but flag the annotation as ambiguous, naming the other place
// (AnchorResult.ambiguous; `check` names both places and exits 1; `annotate` counts them).

import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXT_LENGTH, makeTarget, reanchor } from '../../../src/core/annotations/anchoring';
import { SidecarStore } from '../../../src/core/annotations/sidecarStore';
import { fileUri } from '../../../src/core/model/uri';
import { NodeFileHost } from '../../../src/platform/node/nodeFileHost';
import { loadSeedReviews } from '../annotations/groundTruth';
import { cli, herCopy } from './helpers';

const [review] = loadSeedReviews();
const TEXT = review.text;
const PASSAGE = 'Spike Jonze’s sci-fi romance';

describe('look-alike next door (defect 8)', () => {
  const s = TEXT.indexOf(PASSAGE);
  const e = s + PASSAGE.length;
  const target = makeTarget(TEXT, s, e);
  const A = TEXT.slice(s - CONTEXT_LENGTH, s);
  const B = TEXT.slice(e, e + CONTEXT_LENGTH);

  const cases: Array<[string, string, number]> = [
    // [what, edited text, where the original passage now starts]
    ['its prefix and the passage pasted just before it', TEXT.slice(0, s - CONTEXT_LENGTH) + A + PASSAGE + TEXT.slice(s - CONTEXT_LENGTH), s + CONTEXT_LENGTH + PASSAGE.length],
    ['the passage and its suffix pasted just before it', TEXT.slice(0, s) + PASSAGE + B + TEXT.slice(s), s + PASSAGE.length + CONTEXT_LENGTH],
    ['the passage and its suffix pasted just after its suffix', TEXT.slice(0, e + CONTEXT_LENGTH) + PASSAGE + B + TEXT.slice(e + CONTEXT_LENGTH), s],
    ['its prefix and the passage pasted just after it', TEXT.slice(0, e) + A + PASSAGE + TEXT.slice(e), s],
  ];
  for (const [what, edited, original] of cases) {
    it(`${what}: never silently on the copy; flagged, naming the other place`, () => {
      const copy = edited.indexOf(PASSAGE) === original ? edited.indexOf(PASSAGE, original + 1) : edited.indexOf(PASSAGE);
      assert.notEqual(copy, original);
      const r = reanchor(edited, target);
      assert.notEqual(r.kind, 'orphan');
      if (r.kind === 'orphan') return;
      const places = [r.start, ...(r.ambiguous ?? []).map((p) => p.start)];
      assert.ok(places.includes(original), `the original (${original}) is the place chosen or named: ${JSON.stringify(r)}`);
      assert.deepEqual(new Set(places), new Set([original, copy]), 'both places, and only those, are given');
      assert.equal(r.ambiguous?.length, 1, 'flagged ambiguous');
      for (const p of r.ambiguous!) assert.equal(edited.slice(p.start, p.end), PASSAGE);
    });
  }

  it('is not flagged for a copy far away carrying one side, nor for an untouched passage; a far twin with both sides is', () => {
    const flag = (r: ReturnType<typeof reanchor>) => (r.kind === 'orphan' ? 'orphan' : r.ambiguous);
    assert.equal(flag(reanchor(TEXT, target)), undefined);
    const far = TEXT + '\n\n' + A + PASSAGE + '\n'; // with one side of its context, as a quotation would
    const r = reanchor(far, target);
    assert.equal(r.kind, 'exact-position');
    assert.equal(flag(r), undefined);
    // A copy far away with both sides of its context cannot be told from the passage: flagged.
    const twin = TEXT + '\n\n' + A + PASSAGE + B + '\n';
    assert.equal(reanchor(twin, target).kind, 'exact-position');
    assert.deepEqual(flag(reanchor(twin, target)), [{ start: twin.lastIndexOf(PASSAGE), end: twin.lastIndexOf(PASSAGE) + PASSAGE.length }]);
  });

  it('check names both places and exits 1; annotate counts it', async function () {
    this.timeout(20_000);
    const { root, her } = herCopy('lookalike');
    const path = join(her, 'hua-ruonan-a-decade-later.md');
    const text = readFileSync(path, 'utf8');
    const at = text.indexOf(PASSAGE);
    assert.ok(at > CONTEXT_LENGTH);
    const id = await new SidecarStore(new NodeFileHost()).addAnnotation(fileUri(path), text, { start: at, end: at + PASSAGE.length, tags: [], note: '' });
    const prefix = text.slice(at - CONTEXT_LENGTH, at);
    writeFileSync(path, text.slice(0, at - CONTEXT_LENGTH) + prefix + PASSAGE + text.slice(at - CONTEXT_LENGTH));
    const check = await cli(['check', 'her'], root);
    assert.equal(check.code, 1);
    assert.match(check.err, new RegExp(`her/hua-ruonan-a-decade-later\\.md:\\d+:\\d+: annotation ${id} is ambiguous: its passage .* is also at \\d+:\\d+`));
    const annotate = await cli(['annotate', 'her'], root);
    assert.match(annotate.out, /hua-ruonan-a-decade-later\.annotations\.yaml\s+\(1 ambiguous\)/);
  });
});
