// Battery: bad inputs of every kind, through `check` and `annotate` on a real file system. For
// each: no crash and no stack trace; exit 0 or 1 as expected; a sidecar that is refused is left
// byte for byte; one that is read comes out parseable; the other reviews are still done. Then
// failing disks (permission denied, a disk full in the middle of a write) through a host that
// fails on cue: a clear line, the old file intact, no temp file left.

import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar } from '../../../../src/core/annotations/sidecarFormat';
import { uriToFsPath } from '../../../../src/core/model/uri';
import { NodeFileHost } from '../../../../src/platform/node/nodeFileHost';
import { cli, tempDir } from '../helpers';
import { HookedHost } from '../hookedHost';
import { TINY_LEXICON, TINY_REVIEW } from '../tinyFilm';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const big = (n: number, s: string) => s.repeat(Math.ceil(n / s.length)).slice(0, n);

/** Sidecar contents and whether Marginalia reads them ('read') or refuses them ('refused'). */
const SIDECARS: Array<[string, Buffer, 'read' | 'refused']> = [
  ['bad YAML', utf8('version: 1\nannotations: [\n'), 'refused'],
  ['merge-conflict markers', utf8('version: 1\n<<<<<<< HEAD\nannotations: []\n=======\nannotations: [ ]\n>>>>>>> theirs\n'), 'refused'],
  ['a billion laughs', utf8('a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c]\nversion: 1\n'), 'refused'],
  ['20,000 nested brackets', utf8('version: 1\nx: ' + '['.repeat(20_000) + '\n'), 'refused'],
  ['two YAML documents', utf8('version: 1\n---\nversion: 1\n'), 'refused'],
  ['a list at the top', utf8('[1, 2, 3]\n'), 'refused'],
  ['a bare word', utf8('hello\n'), 'refused'],
  ['UTF-16 with a BOM', Buffer.from('\ufeffversion: 1\n', 'utf16le'), 'refused'],
  ['Latin-1 bytes', Buffer.from([...utf8('version: 1\nreview: caf'), 0xe9, 0x0a]), 'refused'],
  ['a NUL byte', utf8('version: 1\n\0\n'), 'refused'],
  ['a UTF-8 surrogate half', Buffer.from([...utf8('version: 1\nreview: '), 0xed, 0xa0, 0x80, 0x0a]), 'refused'],
  ['an overlong UTF-8 sequence', Buffer.from([...utf8('version: 1\nreview: '), 0xc0, 0xaf, 0x0a]), 'refused'],
  ['a 3 MB line', utf8('version: 1\nnote: ' + big(3 * 1048576, 'lorem ipsum ') + '\n'), 'refused'],
  ['a 2,000-character key', utf8(big(2000, 'k') + ': 1\nversion: 1\n'), 'refused'],
  ['tabs for indentation', utf8('version: 1\nannotations:\n\t- id: abcdef\n'), 'refused'],
  ['an unterminated quote', utf8('version: 1\nreview: "r.md\n'), 'refused'],
  ['an unknown version', utf8('version: 2\n'), 'refused'],
  ['version as a string', utf8('version: "1"\n'), 'refused'],
  ['no version', utf8('annotations: []\n'), 'refused'],
  ['duplicate keys', utf8('version: 1\nversion: 1\n'), 'refused'],
  ['a negative offset', utf8('version: 1\nannotations:\n  - id: abcdef\n    target: { quote: Scottie, prefix: "", suffix: "", start: -1, end: 7 }\n'), 'refused'],
  ['a fractional offset', utf8('version: 1\nannotations:\n  - id: abcdef\n    target: { quote: Scottie, prefix: "", suffix: "", start: 1.5, end: 7 }\n'), 'refused'],
  ['an offset in quotes', utf8('version: 1\nannotations:\n  - id: abcdef\n    target: { quote: Scottie, prefix: "", suffix: "", start: "0", end: 7 }\n'), 'refused'],
  ['end before start', utf8('version: 1\nannotations:\n  - id: abcdef\n    target: { quote: Scottie, prefix: "", suffix: "", start: 9, end: 7 }\n'), 'refused'],
  ['a numeric id', utf8('version: 1\nannotations:\n  - id: 123456\n    target: { quote: Scottie, prefix: "", suffix: "", start: 0, end: 7 }\n'), 'refused'],
  ['duplicate ids', utf8('version: 1\nannotations:\n  - id: abcdef\n    target: { quote: Scottie, prefix: "", suffix: "", start: 0, end: 7 }\n  - id: abcdef\n    target: { quote: Scottie, prefix: "", suffix: "", start: 0, end: 7 }\n'), 'refused'],
  ['orphan: yes', utf8('version: 1\nannotations:\n  - id: abcdef\n    orphan: yes\n    target: { quote: Scottie, prefix: "", suffix: "", start: 0, end: 7 }\n'), 'refused'],
  ['tags not a list', utf8('version: 1\nannotations:\n  - id: abcdef\n    tags: love\n    target: { quote: Scottie, prefix: "", suffix: "", start: 0, end: 7 }\n'), 'refused'],
  ['a link that is a string', utf8('version: 1\nannotations:\n  - id: abcdef\n    links: [ x.md ]\n    target: { quote: Scottie, prefix: "", suffix: "", start: 0, end: 7 }\n'), 'refused'],
  ['an empty quote', utf8('version: 1\nannotations:\n  - id: abcdef\n    target: { quote: "", prefix: "", suffix: "", start: 0, end: 0 }\n'), 'refused'],
  ['an empty file', Buffer.alloc(0), 'read'],
  ['only whitespace', utf8('  \n\n\t\n'), 'read'],
  ['only comments', utf8('# nothing yet\n# really\n'), 'read'],
  ['a BOM, then a sidecar', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('version: 1\nannotations: []\n')]), 'read'],
  ['CRLF line endings', utf8('version: 1\r\nreview: r.md\r\nannotations: []\r\nmentions: []\r\n'), 'read'],
  ['written as JSON', utf8('{"version": 1, "annotations": [], "mentions": []}\n'), 'read'],
  ['mentions by hand, block style', utf8('version: 1\nmentions:\n  - entity: scottie\n    kind: character\n    start: 0\n    end: 7\n    text: Scottie\n'), 'read'],
  ['keys of its own everywhere', utf8('version: 1\nproject: thesis\nannotations:\n  - id: abcdef\n    colour: amber\n    target: { quote: Scottie, prefix: "", suffix: "", start: 27, end: 34, checked: true }\n'), 'read'],
  ['an offset past the end of the review', utf8('version: 1\nannotations:\n  - id: abcdef\n    target: { quote: Scottie, prefix: "", suffix: "", start: 900000, end: 900007 }\n'), 'read'],
  ['a quote not in the review', utf8('version: 1\nannotations:\n  - id: abcdef\n    target: { quote: Rear Window, prefix: "", suffix: "", start: 0, end: 11 }\n'), 'read'],
];

/** Reviews beside the one under test, and whether each is read. */
const REVIEWS: Array<[string, Buffer, 'read' | 'refused']> = [
  ['empty.md', Buffer.alloc(0), 'read'],
  ['bom-only.md', Buffer.from([0xef, 0xbb, 0xbf]), 'read'],
  ['crlf-emoji-nbsp.txt', utf8('Scottie 😀 follows\u00a0Madeleine.\r\nThe bay.\rThe tower.\r\n'), 'read'],
  ['my review #1 (50% é).md', utf8(TINY_REVIEW), 'read'],
  ['huge.md', utf8(big(2 * 1048576 + 10, 'Scottie falls. ')), 'refused'],
  ['late-nul.md', Buffer.concat([utf8(big(20_000, 'Scottie falls. ')), Buffer.from([0])]), 'refused'],
  ['utf16.md', Buffer.from('\ufeffScottie falls.', 'utf16le'), 'refused'],
  ['latin1.txt', Buffer.from([0x53, 0x63, 0x6f, 0x74, 0x74, 0x69, 0x65, 0xe9]), 'refused'],
];

function noStackTrace(text: string): void {
  assert.doesNotMatch(text, /^\s+at .+:\d+:\d+\)?$/m, `no stack trace:\n${text}`);
}

function film(label: string): { root: string; dir: string } {
  const root = tempDir(label);
  const dir = join(root, 'film');
  mkdirSync(dir);
  writeFileSync(join(dir, 'film.yaml'), TINY_LEXICON);
  writeFileSync(join(dir, 'r.md'), TINY_REVIEW);
  writeFileSync(join(dir, 'other.md'), TINY_REVIEW.replace('again', 'once more'));
  return { root, dir };
}

describe('battery: hostile inputs', function () {
  this.timeout(60_000);

  it(`${SIDECARS.length} bad or odd sidecars: refused and untouched, or read; never a crash`, async () => {
    const { root, dir } = film('hostile-sidecars');
    const sidecar = join(dir, 'r.annotations.yaml');
    const tally = { read: 0, refused: 0 };
    for (const [what, bytes, expected] of SIDECARS) {
      writeFileSync(sidecar, bytes);
      const old = new Date(Date.now() - 10_000);
      utimesSync(sidecar, old, old); // an empty file just written would be given a second to fill
      for (const command of ['check', 'annotate']) {
        const r = await cli([command, 'film'], root);
        noStackTrace(r.err);
        const mine = r.err.split('\n').filter((l) => l.includes('r.annotations.yaml'));
        if (expected === 'refused') {
          assert.equal(r.code, 1, `${what}: ${command} exits 1`);
          assert.ok(mine.length >= 1 && mine.every((l) => /r\.annotations\.yaml:\d+:\d+: /.test(l)), `${what}: ${command} says where:\n${r.err}`);
          assert.ok(readFileSync(sidecar).equals(bytes), `${what}: left byte for byte by ${command}`);
        } else {
          // Read: no problem in the file itself (an orphaned annotation is reported in the review).
          assert.deepEqual(mine.filter((l) => /r\.annotations\.yaml:\d+:\d+: /.test(l)), [], `${what}: ${command}: ${r.err}`);
          if (command === 'annotate') assert.deepEqual(parseSidecar(readFileSync(sidecar, 'utf8').replace(/^\uFEFF/, ''), sidecar).errors, [], what);
        }
        if (command === 'annotate') assert.match(r.out, /film\/other\.annotations\.yaml/, `${what}: the other review is still done`);
      }
      tally[expected]++;
    }
    console.log(`      hostile sidecars: ${tally.refused} refused and left as they were, ${tally.read} read; no crash, no stack trace`);
  });

  it(`${REVIEWS.length} odd reviews: the readable ones annotated, the others refused with one line each`, async () => {
    const { root, dir } = film('hostile-reviews');
    for (const [name, bytes] of REVIEWS) writeFileSync(join(dir, name), bytes);
    for (const command of ['check', 'annotate']) {
      const r = await cli([command, 'film'], root);
      noStackTrace(r.err);
      assert.equal(r.code, 1);
      for (const [name, , expected] of REVIEWS) {
        const lines = r.err.split('\n').filter((l) => l.includes(name));
        if (expected === 'refused') assert.equal(lines.length, 1, `${command}, ${name}:\n${r.err}`);
        else assert.deepEqual(lines, [], `${command}, ${name}`);
      }
    }
    const written = readdirSync(dir).filter((f) => f.endsWith('.annotations.yaml'));
    for (const [name, , expected] of REVIEWS) assert.equal(written.includes(name.replace(/\.(md|txt)$/, '.annotations.yaml')), expected === 'read', name);
  });

  describe('failing disks', () => {
    const failures: Array<[string, (host: HookedHost, sidecar: string) => void, RegExp]> = [
      ['permission denied reading the sidecar', (h, s) => (h.beforeCall = (op, uri) => fail(op === 'readFile' && uri.endsWith(s), 'EACCES: permission denied')), /cannot read r\.annotations\.yaml: EACCES/],
      ['permission denied writing the temp file', (h) => (h.beforeCall = (op, uri) => fail(op === 'writeFile' && uri.endsWith('.tmp'), 'EACCES: permission denied')), /could not replace r\.annotations\.yaml: EACCES/],
      ['the disk full halfway through the temp file', (h) => (h.beforeCall = (op, uri) => {
        if (op === 'writeFile' && uri.endsWith('.tmp')) {
          writeFileSync(uriToFsPath(uri), 'version: 1\nannotations:\n  - id: ab'); // what made it to disk
          fail(true, 'ENOSPC: no space left on device');
        }
      }), /could not replace r\.annotations\.yaml: ENOSPC/],
      ['the rename refused', (h) => (h.beforeCall = (op) => fail(op === 'renameIfUnchanged', 'EPERM: operation not permitted')), /could not replace r\.annotations\.yaml: EPERM/],
      ['the folder unreadable', (h) => (h.beforeCall = (op) => fail(op === 'readDirectory', 'EACCES: permission denied')), /film: cannot be read: EACCES/],
    ];
    for (const [what, arrange, message] of failures) {
      it(`${what}: a clear line, the old file intact, no temp file left`, async () => {
        const { root, dir } = film('hostile-disk');
        assert.equal((await cli(['annotate', 'film'], root)).code, 0);
        const sidecar = join(dir, 'r.annotations.yaml');
        const before = readFileSync(sidecar);
        writeFileSync(join(dir, 'r.md'), TINY_REVIEW + '\nScottie, later.\n');
        const host = new HookedHost(new NodeFileHost({ blocking: true }));
        arrange(host, 'r.annotations.yaml');
        const r = await cli(['annotate', 'film'], root, host);
        noStackTrace(r.err);
        assert.equal(r.code, 1);
        assert.match(r.err, message);
        assert.ok(readFileSync(sidecar).equals(before), 'the old sidecar is intact');
        assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temp file left');
      });
    }
  });
});

function fail(when: boolean, message: string): void {
  if (when) throw Object.assign(new Error(message), { code: message.split(':')[0] });
}
