import * as assert from 'node:assert/strict';
import { parseSidecar, textHash } from '../../../src/core/annotations/sidecarFormat';
import { SidecarStore, SidecarWriteError, sidecarUriFor } from '../../../src/core/annotations/sidecarStore';
import type { Mention } from '../../../src/core/mentions/types';
import { decodeText, encodeText } from '../../../src/core/text';
import { MemoryFileHost } from '../memoryHost';
import { loadSeedReviews } from './groundTruth';

const seeds = loadSeedReviews();
const REVIEW = 'memfs:/corpus/her/hua.txt';
const SIDECAR = sidecarUriFor(REVIEW);
const TEXT = seeds[0].text;

function setup(text = TEXT, path = REVIEW) {
  const host = new MemoryFileHost({ [path]: text });
  let n = 0;
  const store = new SidecarStore(host, { now: () => new Date(Date.UTC(2024, 0, 1, 0, 0, n++)) });
  return { host, store };
}

/** The [start, end) of a phrase in the text (throws when absent, so a broken fixture shows). */
function span(text: string, phrase: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(phrase, from);
  assert.ok(start >= 0, `fixture lacks ${JSON.stringify(phrase)}`);
  return { start, end: start + phrase.length };
}

function onDisk(host: MemoryFileHost, path = SIDECAR) {
  const parsed = parseSidecar(decodeText(host.files.get(path)!), path);
  assert.deepEqual(parsed.errors, []);
  return parsed.sidecar!;
}

const PHRASE = 'Spike Jonze’s sci-fi romance';

describe('SidecarStore', () => {
  it('adds an annotation: quote, context and offsets in the sidecar, written via temp file + rename', async () => {
    const { host, store } = setup();
    const id = await store.addAnnotation(REVIEW, TEXT, { ...span(TEXT, PHRASE), tags: ['technology'], note: 'The opening.' });
    assert.match(id, /^[a-f][0-9a-f]{5}$/);
    const s = onDisk(host);
    assert.equal(s.review, 'hua.txt');
    assert.equal(s.textHash, await textHash(TEXT));
    const [a] = s.annotations;
    assert.deepEqual({ id: a.id, tags: a.tags, note: a.note, quote: a.target.quote, start: a.target.start }, { id, tags: ['technology'], note: 'The opening.', quote: PHRASE, start: TEXT.indexOf(PHRASE) });
    assert.equal(a.created, '2024-01-01T00:00:00.000Z');
    // A compare-and-rename: the temp file replaces the sidecar only if it is still what was read.
    const renames = host.callsOf('renameIfUnchanged');
    assert.equal(renames.length + host.callsOf('rename').length, 1);
    assert.equal(renames[0].to, SIDECAR);
    assert.deepEqual(host.callsOf('writeFile').map((c) => c.path), [renames[0].path], 'the only write is the temp file');
    assert.deepEqual([...host.files.keys()].sort(), [SIDECAR, REVIEW].sort(), 'no temp file left behind');
  });

  it('a second write without changes leaves the file alone, byte for byte', async () => {
    const { host, store } = setup();
    await store.addAnnotation(REVIEW, TEXT, { ...span(TEXT, PHRASE), tags: [], note: '' });
    const mentions: Mention[] = [{ entity: 'x', kind: 'theme', ...span(TEXT, PHRASE), text: PHRASE }];
    assert.equal((await store.write(REVIEW, TEXT, mentions)).status, 'written');
    const bytes = host.files.get(SIDECAR)!;
    const renames = host.callsOf('renameIfUnchanged').length;
    const again = await store.write(REVIEW, TEXT, mentions);
    assert.equal(again.status, 'unchanged');
    assert.deepEqual(host.files.get(SIDECAR), bytes);
    assert.equal(host.callsOf('renameIfUnchanged').length, renames);
  });

  it('loads what it wrote, and keeps a person’s comments and own keys through its writes', async () => {
    const { host, store } = setup();
    const first = await store.addAnnotation(REVIEW, TEXT, { ...span(TEXT, PHRASE), tags: ['a'], note: 'one' });
    const edited = host
      .text(SIDECAR)!
      .replace('version: 1', '# my notes on this review\nversion: 1\nproject: thesis')
      .replace(`  - id: ${first}`, `  # keep this one\n  - id: ${first}\n    colour: amber`);
    host.put(SIDECAR, edited);
    const second = await store.addAnnotation(REVIEW, TEXT, { start: 0, end: 4, tags: [], note: 'two' });
    const after = host.text(SIDECAR)!;
    for (const kept of ['# my notes on this review', 'project: thesis', '  # keep this one', '    colour: amber']) assert.ok(after.includes(kept), kept);
    const { sidecar } = await store.load(REVIEW);
    assert.deepEqual(sidecar?.annotations.map((a) => a.id), [second, first]);
  });

  for (const [what, source] of [
    ['bad YAML', 'version: 1\nannotations: [\n'],
    ['merge-conflict markers', 'version: 1\n<<<<<<< HEAD\nannotations: []\n=======\nannotations: [ ]\n>>>>>>> b\n'],
    ['a billion laughs', 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nversion: 1\n'],
    ['a wrong type', 'version: 1\nannotations:\n  - id: abcdef\n    target: here\n'],
    ['an unknown version', 'version: 9\nannotations: []\n'],
  ]) {
    it(`never overwrites a sidecar with ${what}; says where the problem is`, async () => {
      const { host, store } = setup();
      host.put(SIDECAR, source);
      const outcome = await store.write(REVIEW, TEXT, []);
      assert.equal(outcome.status, 'failed');
      assert.ok(outcome.errors.length > 0);
      for (const e of outcome.errors) {
        assert.equal(e.file, SIDECAR);
        assert.ok(e.line >= 1 && e.column >= 1);
      }
      await assert.rejects(store.addAnnotation(REVIEW, TEXT, { start: 0, end: 4, tags: [], note: '' }), SidecarWriteError);
      assert.equal(host.text(SIDECAR), source);
      assert.deepEqual(host.callsOf('writeFile'), []);
      assert.deepEqual(host.callsOf('rename'), []);
    });
  }

  it('reports a failing disk as a failed write, leaving the old file and no temp file', async () => {
    const { host, store } = setup();
    await store.addAnnotation(REVIEW, TEXT, { ...span(TEXT, PHRASE), tags: [], note: 'one' });
    const before = host.text(SIDECAR);
    host.beforeCall = (call) => {
      if (call.op === 'rename' || call.op === 'renameIfUnchanged') throw new Error('EACCES: permission denied');
    };
    const outcome = await store.write(REVIEW, 'Edited.\n' + TEXT, []);
    assert.equal(outcome.status, 'failed');
    assert.match(outcome.errors[0].message, /permission denied/);
    assert.equal(host.text(SIDECAR), before);
    assert.deepEqual([...host.files.keys()].filter((p) => p.endsWith('.tmp')), []);
  });

  it('merges with a sidecar changed on disk since it was read, instead of clobbering it', async () => {
    const { host, store } = setup();
    const mine = await store.addAnnotation(REVIEW, TEXT, { ...span(TEXT, PHRASE), tags: [], note: 'mine' });
    // Someone else (another window, a git pull) adds an annotation and a comment meanwhile.
    const other = new SidecarStore(host);
    const theirs = await other.addAnnotation(REVIEW, TEXT, { start: 0, end: 4, tags: ['theirs'], note: 'theirs' });
    host.put(SIDECAR, '# pulled from a colleague\n' + host.text(SIDECAR)!);
    const outcome = await store.updateAnnotation(REVIEW, TEXT, mine, { note: 'mine, edited' });
    assert.equal(outcome.status, 'written');
    assert.equal(outcome.merged, true);
    const s = onDisk(host);
    assert.deepEqual(
      s.annotations.map((a) => [a.id, a.note]),
      [
        [theirs, 'theirs'],
        [mine, 'mine, edited'],
      ],
    );
    assert.ok(host.text(SIDECAR)!.startsWith('# pulled from a colleague\n'));
  });

  it('starts over when the file changes between reading it and renaming into place', async () => {
    const { host, store } = setup();
    const mine = await store.addAnnotation(REVIEW, TEXT, { ...span(TEXT, PHRASE), tags: [], note: 'mine' });
    let sneaked = false;
    host.beforeCall = async (call) => {
      if (call.op === 'writeFile' && !sneaked) {
        sneaked = true;
        host.put(SIDECAR, host.text(SIDECAR)!.replace('version: 1', '# sneaked in\nversion: 1'));
      }
    };
    await store.updateAnnotation(REVIEW, TEXT, mine, { tags: ['late'] });
    const text = host.text(SIDECAR)!;
    assert.ok(text.startsWith('# sneaked in\n'), 'the concurrent change survived');
    assert.deepEqual(onDisk(host).annotations[0].tags, ['late']);
    assert.deepEqual([...host.files.keys()].filter((p) => p.endsWith('.tmp')), []);
  });

  it('refuses, with a clear error, to edit an annotation someone deleted on disk meanwhile', async () => {
    const { host, store } = setup();
    const mine = await store.addAnnotation(REVIEW, TEXT, { ...span(TEXT, PHRASE), tags: [], note: 'mine' });
    await new SidecarStore(host).deleteAnnotation(REVIEW, mine);
    const theirs = host.text(SIDECAR);
    await assert.rejects(store.updateAnnotation(REVIEW, TEXT, mine, { note: 'x' }), (e: SidecarWriteError) => {
      assert.match(e.message, new RegExp(`no annotation "${mine}".*changed on disk since Marginalia read it`));
      return true;
    });
    assert.equal(host.text(SIDECAR), theirs);
  });

  it('keeps an annotation whose passage was deleted as an orphan, unmoved, and re-attaches it if the text comes back', async () => {
    const { host, store } = setup();
    const id = await store.addAnnotation(REVIEW, TEXT, { ...span(TEXT, PHRASE), tags: [], note: 'kept' });
    const before = onDisk(host).annotations[0].target;
    const cut = TEXT.replace(PHRASE, '');
    const outcome = await store.write(REVIEW, cut, []);
    assert.equal(outcome.orphans, 1);
    assert.equal(outcome.anchors[id].kind, 'orphan');
    const orphan = onDisk(host).annotations[0];
    assert.equal(orphan.orphan, true);
    assert.deepEqual(orphan.target, before, 'quote and offsets untouched');
    assert.match(host.text(SIDECAR)!, /orphan: true/);
    const back = await store.write(REVIEW, TEXT, []);
    assert.equal(back.orphans, 0);
    assert.equal(onDisk(host).annotations[0].orphan, undefined);
    // Or a person re-attaches it to another passage.
    await store.write(REVIEW, cut, []);
    await store.updateAnnotation(REVIEW, cut, id, { start: 0, end: 4 });
    const moved = onDisk(host).annotations[0];
    assert.deepEqual([moved.orphan, moved.target.quote, moved.target.start, moved.note], [undefined, cut.slice(0, 4), 0, 'kept']);
    assert.notEqual(moved.modified, moved.created);
  });

  it('moves annotations with the text and regenerates mentions on each write', async () => {
    const { host, store } = setup();
    await store.addAnnotation(REVIEW, TEXT, { ...span(TEXT, PHRASE), tags: [], note: '' });
    const edited = 'A new first line.\n' + TEXT;
    const mentions: Mention[] = [{ entity: 'film', kind: 'film', start: 2, end: 5, text: 'new' }];
    const outcome = await store.write(REVIEW, edited, mentions);
    const s = onDisk(host);
    assert.equal(s.annotations[0].target.start, edited.indexOf(PHRASE));
    assert.equal(outcome.anchors[s.annotations[0].id].kind, 'exact-quote');
    assert.deepEqual(s.mentions, mentions);
    assert.equal(s.textHash, await textHash(edited));
  });

  it('counts offsets in UTF-16 after the BOM, with CRLF, emoji and non-breaking spaces', async () => {
    const text = 'Her 😀 by\u00a0Spike\u00a0Jonze\r\nTheodore 🤖 meets Samantha.\r\n';
    const host = new MemoryFileHost({ [REVIEW]: encodeText(text, true) });
    const store = new SidecarStore(host);
    const decoded = decodeText(host.files.get(REVIEW)!);
    assert.equal(decoded, text);
    const at = span(text, 'Samantha');
    assert.equal(at.start, 41, 'emoji count as two code units, CRLF as two, NBSP as one');
    const id = await store.addAnnotation(REVIEW, decoded, { ...at, tags: [], note: '' });
    // deleteAnnotation/link read the review from disk themselves: same offsets.
    const other = await store.addAnnotation(REVIEW, decoded, { ...span(text, 'Spike\u00a0Jonze'), tags: [], note: '' });
    await store.deleteAnnotation(REVIEW, other);
    const [a] = onDisk(host).annotations;
    assert.deepEqual([a.id, a.target.quote, a.target.start, a.target.end, a.target.prefix], [id, 'Samantha', 41, 49, '\u00a0Spike\u00a0Jonze\r\nTheodore 🤖 meets ']);
    assert.equal(onDisk(host).textHash, await textHash(text));
    assert.equal((await store.write(REVIEW, decoded, [])).orphans, 0);
  });

  it('links two annotations on both sides, across folders, and unlinks the other side on delete', async () => {
    const other = 'memfs:/corpus/her/critics/lee.md';
    const { host, store } = setup();
    host.put(other, TEXT);
    const a = await store.addAnnotation(REVIEW, TEXT, { ...span(TEXT, PHRASE), tags: [], note: 'a' });
    const b = await store.addAnnotation(other, TEXT, { start: 0, end: 4, tags: [], note: 'b' });
    const outcomes = await store.linkAnnotations(REVIEW, a, other, b);
    assert.deepEqual(outcomes.map((o) => o.status), ['written', 'written']);
    assert.deepEqual(onDisk(host).annotations[0].links, [{ review: 'critics/lee.md', id: b }]);
    assert.deepEqual(onDisk(host, sidecarUriFor(other)).annotations[0].links, [{ review: '../hua.txt', id: a }]);
    await assert.rejects(store.linkAnnotations(REVIEW, a, other, 'ffffff'), SidecarWriteError);
    assert.equal(onDisk(host).annotations[0].links.length, 1, 'a failed link writes neither side');
    await store.deleteAnnotation(REVIEW, a);
    assert.deepEqual(onDisk(host).annotations, []);
    assert.deepEqual(onDisk(host, sidecarUriFor(other)).annotations[0].links, []);
  });

  it('gives every annotation an id unique within its file', async () => {
    const host = new MemoryFileHost({ [REVIEW]: TEXT });
    const proposals = ['abc123', 'abc123', 'abc123', 'def456'];
    const store = new SidecarStore(host, { newId: () => proposals.shift() ?? 'eeeeee' });
    const ids = [
      await store.addAnnotation(REVIEW, TEXT, { start: 0, end: 4, tags: [], note: '' }),
      await store.addAnnotation(REVIEW, TEXT, { start: 5, end: 9, tags: [], note: '' }),
    ];
    assert.deepEqual(ids, ['abc123', 'def456']);
  });
});
