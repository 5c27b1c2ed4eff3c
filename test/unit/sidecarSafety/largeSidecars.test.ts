// Defect 4: large sidecars. A documented limit (16 MB a file, 2 MB of it read as general YAML)
// with a clear error naming the file, and reading and writing at the limit in seconds: the
// mentions block, written one mention per line, is read and written line by line (mentionLines.ts)
// with exactly the bytes the yaml Document API wrote before. Speed is measured in
// `npm run bench` (bench/sidecarSize.ts), not here.

import * as assert from 'node:assert/strict';
import { Document, YAMLMap, YAMLSeq } from 'yaml';
import { findMentionsBlock, readMentionLines } from '../../../src/core/annotations/mentionLines';
import type { Sidecar, SidecarMention } from '../../../src/core/annotations/model';
import { MAX_SIDECAR_BYTES, MAX_YAML_BYTES, parseSidecar, renderSidecar } from '../../../src/core/annotations/sidecarFormat';
import { SidecarStore } from '../../../src/core/annotations/sidecarStore';
import type { EntityKind } from '../../../src/core/mentions/types';
import { MemoryFileHost } from '../memoryHost';
import { seeded } from './helpers';
import { loadSeedReviews } from '../annotations/groundTruth';
import { TINY_REVIEW } from './tinyFilm';

const PASSAGE = 'Spike Jonze’s sci-fi romance';

/** How the yaml Document API writes a mentions list (what renderSidecar wrote before). */
function referenceMentions(mentions: SidecarMention[]): string {
  const doc = new Document();
  const root = new YAMLMap();
  const seq = new YAMLSeq();
  seq.items = mentions.map((m) => {
    const node = doc.createNode({ entity: m.entity, kind: m.kind, start: m.start, end: m.end, text: m.text }, { aliasDuplicateObjects: false });
    node.flow = true;
    return node;
  });
  root.set('mentions', seq);
  doc.contents = root;
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true });
}

const AWKWARD = [
  'Samantha', 'Spike Jonze’s', 'Her', 'true', 'False', 'null', '~', '123', '1e3', '-1', '.5', '0x1F', '0o7', '.inf', '3D glasses', '1984’s',
  'a: b', 'a:b', 'a #b', 'a#b', '#hash', '- dash', '-dash', '? q', '?q', ':colon', '[x]', '{y}', 'a, b', 'x}', "it's", "'quoted'", '"dq"',
  'back\\slash', ' leading', 'trailing ', 'tab\there', 'crlf\r\n', 'cr\rx', 'nbsp\u00a0x', 'emoji 😀', 'ls\u2028ps\u2029', 'nul\u0000', 'bell\u0007',
  '@at', '`tick', '%pct', '&amp', '*star', '!bang', '|pipe', '>gt', '', ' ', 'Théodore', 'e\u0301', 'x'.repeat(3000),
];

describe('large sidecars (defect 4)', function () {
  this.timeout(60_000);

  it('writes the mentions byte for byte as the yaml Document API did, and reads them back line by line', () => {
    const rnd = seeded(4);
    for (let round = 0; round < 40; round++) {
      const mentions: SidecarMention[] = [];
      for (let i = 0; i < 30; i++) {
        const pick = () => AWKWARD[Math.floor(rnd() * AWKWARD.length)];
        mentions.push({ entity: pick() || 'e', kind: pick() as EntityKind, start: i * 10, end: i * 10 + Math.floor(rnd() * 9), text: pick() });
      }
      const sidecar: Sidecar = { version: 1, review: 'r.md', textHash: 'sha256:00', annotations: [], mentions };
      const text = renderSidecar(sidecar);
      const reference = referenceMentions(mentions);
      assert.ok(text.endsWith(reference), `round ${round}:\n${text.slice(-2000)}\n---\n${reference.slice(-2000)}`);
      const block = findMentionsBlock(text);
      assert.ok(block && block !== 'several');
      const lines = readMentionLines(text, block);
      assert.ok('mentions' in lines, `round ${round}: read line by line, not left to the yaml package: ${JSON.stringify(lines)}`);
      assert.deepEqual(lines.mentions, mentions);
      assert.deepEqual(parseSidecar(text, 'x').sidecar!.mentions, mentions);
    }
  });

  it('a mention spanning a line break (a name split across lines) stays on one line, double-quoted', () => {
    const mentions: SidecarMention[] = [{ entity: 'spike-jonze', kind: 'person', start: 3, end: 14, text: 'Spike\nJonze' }];
    const text = renderSidecar({ version: 1, review: 'r.md', textHash: 'sha256:00', annotations: [], mentions });
    assert.match(text, /^ {2}- \{ entity: spike-jonze, kind: person, start: 3, end: 14, text: "Spike\\nJonze" \}$/m);
    const block = findMentionsBlock(text);
    assert.ok(block && block !== 'several');
    assert.deepEqual(readMentionLines(text, block), { mentions });
    // The form the yaml Document API wrote before (over several lines) is still read.
    assert.deepEqual(parseSidecar('version: 1\nmentions:\n' + referenceMentions(mentions).slice('mentions:\n'.length), 'x').sidecar!.mentions, mentions);
  });

  it('errors after a long mentions block keep their real line numbers; odd mention lines are still read (as YAML)', () => {
    const mentions = Array.from({ length: 500 }, (_, i) => ({ entity: 'samantha', kind: 'character' as EntityKind, start: i, end: i + 1, text: 'S' }));
    const text = renderSidecar({ version: 1, review: 'r.md', textHash: 'sha256:00', annotations: [], mentions });
    const broken = text + 'seminar: [week 7\n';
    const lineOfError = broken.split('\n').length - 1;
    const r = parseSidecar(broken, 'x.annotations.yaml');
    assert.ok(r.errors.length > 0);
    assert.ok(r.errors.every((e) => e.line >= lineOfError - 1), JSON.stringify(r.errors.slice(0, 2)));
    const typeError = text.replace('annotations: []', 'annotations: []\nextra: 1') + 'version: 2\n';
    assert.match(parseSidecar(typeError, 'x').errors[0].message, /Map keys must be unique/);
    const blockStyle = text.replace('  - { entity: samantha, kind: character, start: 3, end: 4, text: S }', '  - entity: samantha\n    kind: character\n    start: 3\n    end: 4\n    text: S');
    const parsed = parseSidecar(blockStyle, 'x');
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.sidecar!.mentions, mentions);
  });

  it('refuses a sidecar over 16 MB with a clear error naming the file, without reading it', async () => {
    const host = new MemoryFileHost({ 'memfs:/f/r.md': TINY_REVIEW });
    host.put('memfs:/f/r.annotations.yaml', new Uint8Array(MAX_SIDECAR_BYTES + 1).fill(0x20));
    const store = new SidecarStore(host);
    const outcome = await store.write('memfs:/f/r.md', TINY_REVIEW, []);
    assert.equal(outcome.status, 'failed');
    assert.match(outcome.errors[0].message, /^r\.annotations\.yaml is 16\.0 MB, over the 16 MB limit for a sidecar/);
    assert.deepEqual(host.callsOf('readFile'), [], 'not read');
    assert.equal((await store.load('memfs:/f/r.md')).errors.length, 1);
  });

  it('refuses more than 2 MB of annotations (what is read as general YAML), saying so', () => {
    const note = 'n'.repeat(1000);
    const annotations = Array.from({ length: 2200 }, (_, i) => ({
      id: `a${i.toString(16).padStart(5, '0')}`, tags: [], note, links: [], created: '', modified: '',
      target: { quote: 'q', prefix: '', suffix: '', start: i, end: i + 1 },
    }));
    const text = renderSidecar({ version: 1, review: 'r.md', textHash: 'sha256:00', annotations, mentions: [] });
    assert.ok(text.length > MAX_YAML_BYTES);
    const r = parseSidecar(text, 'memfs:/f/r.annotations.yaml');
    assert.match(r.errors[0].message, /^r\.annotations\.yaml: its annotations and other keys \(all but the mentions\) come to 2\.\d MB, over the 2 MB/);
  });

  it('a large file whose mentions are not one per line is refused at the first such line', () => {
    const mentions = Array.from({ length: 40_000 }, (_, i) => ({ entity: 'samantha', kind: 'character' as EntityKind, start: i, end: i + 1, text: 'Samantha' }));
    const text = renderSidecar({ version: 1, review: 'r.md', textHash: 'sha256:00', annotations: [], mentions });
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('start: 30000,'));
    lines[at] = '  - { entity: samantha, kind: character, start: 30000, end: 30001, text: Samantha, extra: 1 }';
    const r = parseSidecar(lines.join('\n'), 'big.annotations.yaml');
    assert.equal(r.errors.length, 1);
    assert.deepEqual([r.errors[0].line, r.errors[0].column], [at + 1, 3]);
    assert.match(r.errors[0].message, /not written one per line as Marginalia writes them/);
  });

  it('writes and re-reads a sidecar at the limit (14 MB of mentions and 1,000 annotations) through the store', async () => {
    const review = loadSeedReviews().map((r) => r.text).join('\n\n');
    const host = new MemoryFileHost({ 'memfs:/f/r.md': review });
    const store = new SidecarStore(host);
    const start = review.indexOf(PASSAGE);
    await store.addAnnotation('memfs:/f/r.md', review, { start, end: start + PASSAGE.length, tags: ['x'], note: 'n'.repeat(400) });
    const text = host.text('memfs:/f/r.annotations.yaml')!;
    const parsed = parseSidecar(text, 'x').sidecar!;
    for (let i = 1; i < 1000; i++) parsed.annotations.push({ ...parsed.annotations[0], id: `b${i.toString(16).padStart(5, '0')}` });
    host.put('memfs:/f/r.annotations.yaml', renderSidecar(parsed));
    const mentions = Array.from({ length: 190_000 }, (_, i) => ({ entity: 'scottie', kind: 'character' as EntityKind, start: i % 1000, end: (i % 1000) + 7, text: 'Scottie' }));
    const outcome = await store.write('memfs:/f/r.md', review, mentions);
    assert.equal(outcome.status, 'written', JSON.stringify(outcome.errors));
    const size = host.files.get('memfs:/f/r.annotations.yaml')!.length;
    assert.ok(size > 14 * 1048576 && size < MAX_SIDECAR_BYTES, `${(size / 1048576).toFixed(1)} MB`);
    const again = await store.write('memfs:/f/r.md', review, mentions);
    assert.equal(again.status, 'unchanged', 'byte-stable at the limit');
    const loaded = await store.load('memfs:/f/r.md');
    assert.equal(loaded.sidecar!.annotations.length, 1000);
    assert.equal(loaded.sidecar!.mentions.length, 190_000);
  });
});
