// Three-way merge of sidecars by annotation id, on sidecars written by the store for a real
// review: new annotations from both sides kept, deletions honoured, tags and links merged as sets,
// true conflicts recorded (nothing lost), comments and keys of your own kept, re-anchoring against
// the merged text. And: a sidecar diff stays small.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeSidecars, SidecarMergeError } from '../../../src/core/annotations/merge';
import type { Annotation } from '../../../src/core/annotations/model';
import { parseSidecar, textHash } from '../../../src/core/annotations/sidecarFormat';
import { SidecarStore, sidecarUriFor } from '../../../src/core/annotations/sidecarStore';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { HER_DIR, ROOT } from '../fixtures';
import { MemoryFileHost } from '../memoryHost';

const REVIEW = 'memfs:/corpus/her/larb.md';
const SIDECAR = sidecarUriFor(REVIEW);
const TEXT = readFileSync(join(HER_DIR, 'larb-jessica-gross-becoming-human.md'), 'utf8');
const span = (phrase: string) => {
  const start = TEXT.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  return { start, end: start + phrase.length };
};

/** A person with their own checkout of the sidecar: a store on a host holding `sidecar`. */
function annotator(sidecar: string, text = TEXT) {
  const host = new MemoryFileHost({ [REVIEW]: text, ...(sidecar ? { [SIDECAR]: sidecar } : {}) });
  let n = 0;
  const store = new SidecarStore(host, { now: () => new Date(Date.UTC(2024, 3, 1, 12, 0, n++)) });
  return { store, text: () => host.text(SIDECAR)!, host };
}

async function baseSidecar(): Promise<{ text: string; ids: string[] }> {
  const p = annotator('');
  const ids = [
    await p.store.addAnnotation(REVIEW, TEXT, { ...span('the prospect of real love is the scariest of all'), tags: ['love'], note: 'The thesis.' }),
    await p.store.addAnnotation(REVIEW, TEXT, { ...span('The door to feeling opens indiscriminately.'), tags: ['vulnerability', 'style'], note: 'Aphorism.' }),
    await p.store.addAnnotation(REVIEW, TEXT, { ...span('Phoenix’s facial expressions are masterful'), tags: ['joaquin-phoenix'], note: '' }),
  ];
  await p.store.linkAnnotations(REVIEW, ids[0], REVIEW, ids[1]);
  const withComment = p.text().replace('version: 1', '# Seminar notes: keep this comment.\nversion: 1\nseminar: week 7');
  return { text: withComment, ids };
}

const annotations = (text: string): Annotation[] => {
  const parsed = parseSidecar(text, 'merged');
  assert.deepEqual(parsed.errors, []);
  return parsed.sidecar!.annotations;
};

describe('mergeSidecars', () => {
  it('keeps both sides’ new annotations, and merges tags and links as sets', async () => {
    const base = await baseSidecar();
    const ours = annotator(base.text);
    const mine = await ours.store.addAnnotation(REVIEW, TEXT, { ...span('It’s hilarious and terrible.'), tags: ['tone'], note: 'Ours.' });
    await ours.store.updateAnnotation(REVIEW, TEXT, base.ids[1], { tags: ['vulnerability', 'style', 'rhetoric'] });
    const theirs = annotator(base.text);
    const yours = await theirs.store.addAnnotation(REVIEW, TEXT, { ...span('Buildings’ glossy exteriors'), tags: ['production-design'], note: 'Theirs.' });
    await theirs.store.updateAnnotation(REVIEW, TEXT, base.ids[1], { tags: ['vulnerability'] });
    await theirs.store.linkAnnotations(REVIEW, base.ids[2], REVIEW, yours);

    const r = await mergeSidecars({ base: base.text, ours: ours.text(), theirs: theirs.text() });
    assert.equal(r.clean, true);
    assert.equal(r.conflicts, 0);
    const merged = annotations(r.text);
    assert.deepEqual(merged.map((a) => a.id).sort(), [...base.ids, mine, yours].sort());
    assert.deepEqual(merged.find((a) => a.id === base.ids[1])!.tags, ['vulnerability', 'rhetoric'], 'theirs removed style, ours added rhetoric');
    assert.deepEqual(merged.find((a) => a.id === base.ids[2])!.links.map((l) => l.id), [yours]);
    assert.deepEqual(merged.find((a) => a.id === base.ids[0])!.links.map((l) => l.id), [base.ids[1]]);
    assert.match(r.text, /^# Seminar notes: keep this comment\.$/m);
    assert.match(r.text, /^seminar: week 7$/m);
  });

  it('honours a deletion; a deletion against a change keeps the changed one and records it', async () => {
    const base = await baseSidecar();
    const ours = annotator(base.text);
    await ours.store.deleteAnnotation(REVIEW, base.ids[2]);
    await ours.store.deleteAnnotation(REVIEW, base.ids[0]);
    const theirs = annotator(base.text);
    await theirs.store.updateAnnotation(REVIEW, TEXT, base.ids[0], { note: 'The thesis, restated by the seminar.' });
    const r = await mergeSidecars({ base: base.text, ours: ours.text(), theirs: theirs.text() });
    const merged = annotations(r.text);
    assert.ok(!merged.some((a) => a.id === base.ids[2]), 'deleted on our side, untouched on theirs: gone');
    const kept = merged.find((a) => a.id === base.ids[0])!;
    assert.equal(kept.note, 'The thesis, restated by the seminar.');
    assert.deepEqual(kept.conflicts, [{ field: 'annotation', deletedBy: 'ours' }]);
    assert.equal(r.conflicts, 1);
    assert.equal(r.clean, false);
  });

  it('the same note edited on both sides: ours in place, theirs and the base recorded, nothing lost', async () => {
    const base = await baseSidecar();
    const ours = annotator(base.text);
    await ours.store.updateAnnotation(REVIEW, TEXT, base.ids[0], { note: 'Ours: love as risk.' });
    const theirs = annotator(base.text);
    await theirs.store.updateAnnotation(REVIEW, TEXT, base.ids[0], { note: 'Theirs: love as growth.', tags: ['love', 'growth'] });
    const r = await mergeSidecars({ base: base.text, ours: ours.text(), theirs: theirs.text() });
    const a = annotations(r.text).find((x) => x.id === base.ids[0])!;
    assert.equal(a.note, 'Ours: love as risk.');
    assert.deepEqual(a.tags, ['love', 'growth'], 'the tag theirs added still merges');
    assert.deepEqual(a.conflicts, [{ field: 'note', theirs: 'Theirs: love as growth.', base: 'The thesis.' }]);
    assert.equal(r.conflicts, 1);
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas/sidecar.schema.json'), 'utf8')));
    assert.ok(validate(parseYaml(r.text)), `the JSON Schema accepts conflicts: ${JSON.stringify(validate.errors)}`);
    assert.equal(validate(parseYaml(r.text.replace('field: note', 'field: 42'))), false, 'and checks them');
    // The merged file is itself a sidecar the store reads and keeps writing, conflicts included.
    const after = annotator(r.text);
    await after.store.write(REVIEW, TEXT);
    assert.deepEqual(annotations(after.text()).find((x) => x.id === base.ids[0])!.conflicts, a.conflicts);
  });

  it('keys of your own merge like fields; a top-level key changed on both sides is recorded at the top', async () => {
    const base = await baseSidecar();
    const withKey = (s: string, value: string) => s.replace(`  - id: ${base.ids[1]}\n`, `  - id: ${base.ids[1]}\n    colour: ${value}\n`);
    const b0 = withKey(base.text, 'amber');
    const ours = b0.replace('seminar: week 7', 'seminar: week 8');
    const theirs = withKey(base.text, 'teal').replace('seminar: week 7', 'seminar: week 9');
    const r = await mergeSidecars({ base: b0, ours, theirs });
    assert.match(r.text, /^ {4}colour: teal$/m, 'only theirs changed it');
    assert.match(r.text, /^seminar: week 8$/m);
    const parsed = parseSidecar(r.text, 'm').sidecar!;
    assert.deepEqual(parsed.conflicts, [{ field: 'seminar', theirs: 'week 9', base: 'week 7' }]);
  });

  it('re-anchors against the merged review text and regenerates the text hash', async () => {
    const base = await baseSidecar();
    const edited = TEXT.replace('THE PROSPECT of an unfulfilling relationship is scary.', 'THE PROSPECT of an unfulfilling relationship — any relationship — is scary.');
    const ours = annotator(base.text, edited);
    await ours.store.write(REVIEW, edited);
    const theirs = annotator(base.text);
    const added = await theirs.store.addAnnotation(REVIEW, TEXT, { ...span('It’s hilarious and terrible.'), tags: [], note: '' });
    const r = await mergeSidecars({ base: base.text, ours: ours.text(), theirs: theirs.text(), reviewText: edited });
    const merged = parseSidecar(r.text, 'm').sidecar!;
    assert.equal(merged.textHash, await textHash(edited));
    for (const a of merged.annotations) {
      assert.equal(edited.slice(a.target.start, a.target.end), a.target.quote, a.id);
      assert.equal(a.orphan, undefined);
    }
    assert.ok(merged.annotations.some((a) => a.id === added));
  });

  it('refuses a side that does not parse (conflict markers), so the caller leaves git’s conflict', async () => {
    const base = await baseSidecar();
    const broken = base.text.replace('annotations:', '<<<<<<< HEAD\nannotations:');
    await assert.rejects(mergeSidecars({ base: base.text, ours: base.text, theirs: broken, file: 'larb.annotations.yaml' }), (e: unknown) => e instanceof SidecarMergeError && /merge conflict marker/.test(e.message));
  });

  it('a file new on both sides (empty base) merges by id', async () => {
    const ours = annotator('');
    const a = await ours.store.addAnnotation(REVIEW, TEXT, { ...span('It’s hilarious and terrible.'), tags: [], note: '' });
    const theirs = annotator('');
    const b = await theirs.store.addAnnotation(REVIEW, TEXT, { ...span('Buildings’ glossy exteriors'), tags: [], note: '' });
    const r = await mergeSidecars({ base: '', ours: ours.text(), theirs: theirs.text() });
    assert.deepEqual(annotations(r.text).map((x) => x.id).sort(), [a, b].sort());
    assert.equal(r.clean, true);
  });
});

describe('a sidecar diff stays small', () => {
  it('adding one annotation adds only that annotation’s lines and changes no other', async () => {
    const base = await baseSidecar();
    const p = annotator(base.text);
    await p.store.write(REVIEW, TEXT, [{ entity: 'theodore', kind: 'character', ...span('Theodore Twombly'), text: 'Theodore Twombly' }]);
    const before = p.text().split('\n');
    const id = await p.store.addAnnotation(REVIEW, TEXT, { ...span('Computers are encased in wood.'), tags: ['production-design'], note: 'Warm tech.' });
    const after = p.text().split('\n');
    // The lines before it and after it are the same; what is between is the new annotation alone.
    let head = 0;
    while (before[head] === after[head]) head++;
    let tail = 0;
    while (before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
    assert.equal(head + tail, before.length, 'no line of the old file changed or went away');
    const added = after.slice(head, after.length - tail);
    assert.equal(added[0], `  - id: ${id}`);
    assert.equal(added.length, 12, added.join('\n'));
    assert.ok(added.slice(1).every((l) => l.startsWith('    ')), 'every added line belongs to that annotation');
  });
});
