import * as assert from 'node:assert/strict';
import { makeTarget } from '../../../src/core/annotations/anchoring';
import type { Annotation, Sidecar } from '../../../src/core/annotations/model';
import { parseSidecar, renderSidecar, sidecarUriFor, textHash } from '../../../src/core/annotations/sidecarFormat';
import { sha256Hex } from '../../../src/core/model/ids';
import { loadSeedReviews, mulberry32 } from './groundTruth';

const FILE = 'file:///films/her/review.annotations.yaml';
const TEXT_HASH = 'sha256:982d9e3eb996f559e633f4d194def3761d909f5a3b647d1a851fead67c32c9d1'; // of 'text'

function annotation(id: string, start: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    tags: ['loneliness'],
    note: `note ${id}`,
    target: { quote: 'quote', prefix: 'before ', suffix: ' after', start, end: start + 5 },
    links: [],
    created: '2024-05-01T10:00:00.000Z',
    modified: '2024-05-01T10:00:00.000Z',
    ...extra,
  };
}

function sidecar(annotations: Annotation[]): Sidecar {
  return {
    version: 1,
    review: 'review.md',
    textHash: TEXT_HASH,
    annotations,
    mentions: [
      { entity: 'theodore', kind: 'character', start: 40, end: 48, text: 'Theodore' },
      { entity: 'samantha', kind: 'character', start: 12, end: 20, text: 'Samantha' },
    ],
  };
}

function parseOk(source: string) {
  const parsed = parseSidecar(source, FILE);
  assert.deepEqual(parsed.errors, []);
  assert.ok(parsed.sidecar && parsed.document);
  return { sidecar: parsed.sidecar, document: parsed.document };
}

/** The single error a bad source produces, as "line:col message". */
function errorsOf(source: string): string[] {
  const parsed = parseSidecar(source, FILE);
  assert.equal(parsed.sidecar, undefined);
  for (const e of parsed.errors) assert.equal(e.file, FILE);
  return parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
}

describe('sidecar format', () => {
  it('names the sidecar after the review stem, next to it', () => {
    assert.equal(sidecarUriFor('file:///films/her/hua-ruonan.md'), 'file:///films/her/hua-ruonan.annotations.yaml');
    assert.equal(sidecarUriFor('memfs:/films/her/001_6d2c.txt'), 'memfs:/films/her/001_6d2c.annotations.yaml');
    assert.equal(sidecarUriFor('file:///films/her/d%C3%A9j%C3%A0%20vu.v2.md'), 'file:///films/her/d%C3%A9j%C3%A0%20vu.v2.annotations.yaml');
  });

  it('hashes text with SHA-256', async () => {
    assert.equal(await sha256Hex(new TextEncoder().encode('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(await textHash(''), 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(await textHash('text'), TEXT_HASH);
  });

  it('round-trips awkward strings exactly (emoji, NBSP, CRLF, quotes, YAML look-alikes)', () => {
    const a = annotation('a1b2c3', 3, {
      tags: ['yes', '123', 'null', 'two words', '#hash', 'x: y'],
      note: 'Line one  \n  indented line two\n\n- looks like a list\n',
      target: { quote: '“Her” 😀\u00a0and\r\nmore', prefix: '  leading: spaces', suffix: "'single' \"double\" # not a comment ", start: 3, end: 18 },
      links: [{ review: '../other/review.txt', id: 'f00ba4' }],
      orphan: true,
    });
    const s = sidecar([a, annotation('b00000', 1, { note: '' })]);
    const text = renderSidecar(s);
    const { sidecar: back } = parseOk(text);
    assert.deepEqual(back.annotations, [annotation('b00000', 1, { note: '' }), a]); // sorted by start
    assert.deepEqual(
      back.mentions.map((m) => m.start),
      [12, 40],
    );
  });

  it('round-trips targets cut from the real reviews', function () {
    const reviews = loadSeedReviews();
    const rnd = mulberry32(7);
    for (let i = 0; i < 300; i++) {
      const { text } = reviews[i % reviews.length];
      const crlf = i % 3 === 0 ? text.replace(/\n/g, '\r\n') : text;
      const start = Math.floor(rnd() * (crlf.length - 400));
      const end = start + 1 + Math.floor(rnd() * 300);
      const a = annotation('c' + i.toString(16).padStart(5, '0'), start, { target: makeTarget(crlf, start, end), note: crlf.slice(end, end + 200) });
      const rendered = renderSidecar(sidecar([a]));
      assert.deepEqual(parseOk(rendered).sidecar.annotations, [a]);
      assert.equal(renderSidecar(parseOk(rendered).sidecar, parseOk(rendered).document), rendered);
    }
  });

  it('is deterministic: fixed key order, sorted annotations, LF, trailing newline; re-rendering is byte-identical', () => {
    const s = sidecar([annotation('bbbbbb', 10), annotation('aaaaaa', 10), annotation('cccccc', 2)]);
    const first = renderSidecar(s);
    assert.equal(renderSidecar(s), first);
    const { sidecar: parsed, document } = parseOk(first);
    assert.equal(renderSidecar(parsed, document), first);
    assert.ok(first.endsWith('\n') && !first.includes('\r'));
    assert.deepEqual(
      [...first.matchAll(/- id: (\w+)/g)].map((m) => m[1]),
      ['cccccc', 'aaaaaa', 'bbbbbb'],
    );
    const keys = first
      .split('\n')
      .slice(first.split('\n').indexOf('  - id: cccccc'), first.split('\n').indexOf('  - id: aaaaaa'))
      .map((l) => l.trim().split(':')[0]);
    assert.deepEqual(keys, ['- id', 'tags', 'note', 'target', 'quote', 'prefix', 'suffix', 'start', 'end', 'links', 'created', 'modified']);
    assert.match(first, /^version: 1\nreview: review\.md\ntextHash: sha256:[0-9a-f]{64}\nannotations:\n/);
  });

  it('writes mentions one flow mapping per line, in offset order', () => {
    const lines = renderSidecar(sidecar([])).split('\n');
    const at = lines.indexOf('mentions:');
    assert.deepEqual(lines.slice(at + 1), [
      '  - { entity: samantha, kind: character, start: 12, end: 20, text: Samantha }',
      '  - { entity: theodore, kind: character, start: 40, end: 48, text: Theodore }',
      '',
    ]);
  });

  it('keeps comments and unknown keys (top level, in an annotation, in its target) when updating', () => {
    const source = [
      '# Annotations kept by hand too.',
      'version: 1',
      'review: review.md',
      `textHash: ${TEXT_HASH}`,
      'reviewer: jane # who wrote these',
      'annotations:',
      '  # the opening line',
      '  - id: aaaaaa',
      '    tags: [ loneliness ] # one tag for now',
      '    note: note aaaaaa',
      '    target:',
      '      quote: quote',
      '      prefix: "before "',
      '      suffix: " after"',
      '      start: 2',
      '      end: 7',
      '      page: 3',
      '    links: []',
      '    created: 2024-05-01T10:00:00.000Z',
      '    modified: 2024-05-01T10:00:00.000Z',
      '    colour: amber',
      '  - id: bbbbbb',
      '    tags: [ loneliness ]',
      '    note: note bbbbbb',
      '    target:',
      '      quote: quote',
      '      prefix: "before "',
      '      suffix: " after"',
      '      start: 9',
      '      end: 14',
      '    links: []',
      '    created: 2024-05-01T10:00:00.000Z',
      '    modified: 2024-05-01T10:00:00.000Z',
      'mentions:',
      '  - { entity: samantha, kind: character, start: 12, end: 20, text: Samantha }',
      '  - { entity: theodore, kind: character, start: 40, end: 48, text: Theodore }',
      '',
    ].join('\n');
    const { sidecar: s, document } = parseOk(source);
    assert.equal(renderSidecar(s, document), source, 'unchanged: byte-identical');

    s.annotations[1].note = 'a longer note, which must not be folded however long it gets '.repeat(4).trim();
    s.annotations[1].modified = '2024-06-01T08:00:00.000Z';
    const updated = renderSidecar(s, document);
    const before = source.split('\n');
    const after = updated.split('\n');
    assert.equal(after.length, before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i + 1]));
    assert.deepEqual(changed, [24, 33], 'only the note and modified lines of bbbbbb change');
  });

  it('reports bad YAML with its line and column, and returns nothing to write over', () => {
    const errors = errorsOf('version: 1\nannotations:\n  - id: a\n    tags: [x, y\n    note: z\n');
    assert.ok(errors.length > 0);
    assert.match(errors[0], /^[45]:\d+ /);
  });

  it('refuses merge-conflict markers, pointing at each', () => {
    const source = 'version: 1\nannotations:\n<<<<<<< HEAD\n  - id: a\n=======\n  - id: b\n>>>>>>> theirs\nmentions: []\n';
    const errors = errorsOf(source);
    assert.deepEqual(
      errors.map((e) => e.split(' ')[0]),
      ['3:1', '5:1', '7:1'],
    );
    assert.match(errors[0], /merge conflict marker/);
  });

  it('refuses a "billion laughs" document (excessive aliases)', () => {
    const laughs = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'version: 1',
      'annotations: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    const errors = errorsOf(laughs);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^2:\d+ too many YAML aliases/);
  });

  it('reports each wrong type at its own line:col', () => {
    const source = [
      'version: 1', // 1
      'annotations:', // 2
      '  - id: aaaaaa', // 3
      '    tags: loneliness', // 4: not a list
      '    note: 42', // 5: not a string
      '    target:', // 6
      '      quote: quote', // 7
      '      start: "2"', // 8: a string
      '      end: -1', // 9: negative
      '  - id: aaaaaa', // 10: duplicate id, and no target
      '    orphan: maybe', // 11
      'mentions: {}', // 12: not a list
    ].join('\n');
    assert.deepEqual(errorsOf(source), [
      '4:11 "tags" must be a list',
      '5:11 "note" must be a string (write it in quotes: "42")',
      '8:14 "start" must be a whole number ≥ 0 (a UTF-16 offset into the review)',
      '9:12 "end" must be a whole number ≥ 0 (a UTF-16 offset into the review)',
      '10:5 missing "target" (quote, prefix, suffix, start, end)',
      '10:9 duplicate annotation id "aaaaaa"',
      '11:13 "orphan" must be true or false',
      '12:11 "mentions" must be a list',
    ]);
  });

  it('refuses an unknown version, a missing version, duplicate keys and a non-mapping', () => {
    assert.deepEqual(errorsOf('version: 2\nannotations: []\n'), [
      '1:10 unknown sidecar version 2: this Marginalia reads version 1; upgrade Marginalia to use this file',
    ]);
    assert.match(errorsOf('annotations: []\n')[0], /^1:1 missing "version"/);
    assert.match(errorsOf('version: 1\nversion: 1\n')[0], /^2:1 .*[Mm]ap keys must be unique/);
    assert.match(errorsOf('- version: 1\n')[0], /^1:1 a sidecar must be a YAML mapping/);
  });

  it('reads an empty file as an empty sidecar', () => {
    const { sidecar: s } = parseOk('# nothing yet\n');
    assert.deepEqual(s.annotations, []);
  });
});
