// The brat export opens in brat with every span on the right words: each T line's fragments,
// sliced from the .txt by code points (as brat's Python does), are its text; multi-line passages
// are split at line breaks; annotation.conf declares every type used.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bratExporter, bratType } from '../../../src/core/export/brat';
import { sliceCodePoints } from '../../../src/core/export/codePoints';
import type { ExportOutput } from '../../../src/core/export/types';
import { decodeText } from '../../../src/core/text';
import { ROOT } from '../fixtures';
import { annotatedHer, exportInputOf, PLANNED } from './herCorpus';

interface TLine {
  id: string;
  type: string;
  fragments: Array<[number, number]>;
  text: string;
}

/** Reads a .ann as brat does: T lines `id TAB type start end[;start end]* TAB text`. */
function readAnn(ann: string): { t: TLine[]; notes: string[][]; relations: string[][] } {
  const t: TLine[] = [];
  const notes: string[][] = [];
  const relations: string[][] = [];
  for (const line of ann.split('\n').filter(Boolean)) {
    const cols = line.split('\t');
    if (line.startsWith('T')) {
      assert.equal(cols.length, 3, line);
      const [type, ...rest] = cols[1].split(' ');
      const fragments = rest.join(' ').split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      t.push({ id: cols[0], type, fragments, text: cols[2] });
    } else if (line.startsWith('#')) notes.push(cols);
    else if (line.startsWith('R')) relations.push(cols);
    else assert.fail(`unexpected line ${line}`);
  }
  return { t, notes, relations };
}

function checkSpans(out: ExportOutput): number {
  let checked = 0;
  for (const f of out.files.filter((x) => x.name.endsWith('.ann'))) {
    const txt = out.files.find((x) => x.name === f.name.replace(/\.ann$/, '.txt'))!.text;
    assert.ok(!txt.includes('\r'), 'brat reads the .txt with universal newlines: LF only');
    for (const t of readAnn(f.text).t) {
      const pieces = t.fragments.map(([s, e]) => sliceCodePoints(txt, s, e));
      for (const p of pieces) assert.ok(!p.includes('\n') && p.trim().length > 0, `${f.name} ${t.id}: fragment ${JSON.stringify(p)}`);
      assert.equal(pieces.join(' '), t.text, `${f.name} ${t.id}`);
      checked++;
    }
  }
  return checked;
}

describe('brat standoff export', () => {
  let out: ExportOutput;
  before(async () => {
    const corpus = await annotatedHer();
    out = bratExporter.export(await exportInputOf(corpus, { mentions: true }));
  });

  it('writes a .txt and a .ann per review and one annotation.conf', () => {
    const names = out.files.map((f) => f.name).sort();
    assert.equal(names.length, 11);
    assert.ok(names.includes('annotation.conf'));
    assert.ok(names.includes('her/hua-ruonan-a-decade-later.txt') && names.includes('her/hua-ruonan-a-decade-later.ann'));
  });

  it('every T span, sliced from the .txt by code points, is its text (emoji before and inside passages)', () => {
    const n = checkSpans(out);
    console.log(`      brat export of Her: ${n} T spans (8 annotations + mentions) each equal to its text, by code points`);
    assert.ok(n > 600);
  });

  it('splits a passage over a paragraph break into a discontinuous span of its lines', () => {
    const larb = readAnn(out.files.find((f) => f.name === 'her/larb-jessica-gross-becoming-human.ann')!.text);
    const structure = larb.t.find((t) => t.type === 'structure')!;
    assert.equal(structure.fragments.length, 2);
    assert.equal(structure.text, 'The door to feeling opens indiscriminately. Spike Jonze’s new movie\u00a0Her');
  });

  it('types are first tags (sanitised) or the default; notes are AnnotatorNotes; links inside a review are R lines', () => {
    const blog = readAnn(out.files.find((f) => f.name === 'her/blog-eyelights-her.ann')!.text);
    const emoji = blog.t.find((t) => t.text.endsWith('🙂'))!;
    assert.equal(emoji.type, 'mise_en_scene');
    const note = blog.notes.find((n) => n[1] === `AnnotatorNotes ${emoji.id}`)!;
    assert.equal(note[2], '=SUM(A1) is text, not a formula | tags: mise en scène, reference');
    const movie = readAnn(out.files.find((f) => f.name === 'her/movie-review-her.ann')!.text);
    assert.ok(movie.t.some((t) => t.type === 'Annotation' && t.text === 'an artificial intelligence operating system'));
    const larb = readAnn(out.files.find((f) => f.name === 'her/larb-jessica-gross-becoming-human.ann')!.text);
    assert.equal(larb.relations.length, 1, 'one R line for a link both sides record');
    const [thesis, structure] = [larb.t.find((t) => t.type === 'love')!, larb.t.find((t) => t.type === 'structure')!];
    assert.equal(larb.relations[0][1], `Link Arg1:${thesis.id} Arg2:${structure.id}`);
    assert.deepEqual(
      out.warnings.filter((w) => w.includes('crosses documents')).length,
      2,
      'the hua ↔ poignant link is reported (both sides), not written',
    );
    assert.equal(PLANNED.filter((p) => p.review.startsWith('larb')).length, 2);
  });

  it('annotation.conf declares every type used, the link relation, and overlaps', () => {
    const conf = out.files.find((f) => f.name === 'annotation.conf')!.text;
    const entities = conf.split('[entities]')[1].split('[relations]')[0].split('\n').filter((l) => l && !l.startsWith('#'));
    const used = new Set(out.files.filter((f) => f.name.endsWith('.ann')).flatMap((f) => readAnn(f.text).t.map((t) => t.type)));
    for (const type of used) assert.ok(entities.includes(type), `${type} declared`);
    for (const kind of ['Character', 'Person', 'Film', 'Theme']) assert.ok(entities.includes(kind));
    assert.match(conf, /^Link\tArg1:<ENTITY>, Arg2:<ENTITY>$/m);
    assert.match(conf, /^<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>$/m);
    for (const e of entities) assert.match(e, /^[A-Za-z][A-Za-z0-9_-]*$/);
  });

  it('a CRLF review with a BOM and astral characters: LF copy, offsets counted in it', () => {
    const text = decodeText(readFileSync(join(ROOT, 'test/fixtures/interchange/crlf-emoji-review.md')));
    const quote = 'loneliness 💔 and the city.\r\nIt goes on';
    const start = text.indexOf(quote);
    const orphan = { id: 'dead00', tags: ['x'], note: '', target: { quote: 'gone', prefix: '', suffix: '', start: 1, end: 5 }, links: [], created: '', modified: '', orphan: true };
    const crlf = bratExporter.export({
      reviews: [
        {
          uri: 'memfs:/x/crlf.md',
          relativeName: 'x/crlf.md',
          film: 'her',
          text,
          frontMatter: {},
          annotations: [{ id: 'c0ffee', tags: ['Réalité 2'], note: 'line one\r\nline two', target: { quote, prefix: '', suffix: '', start, end: start + quote.length }, links: [], created: '', modified: '' }, orphan],
          mentions: [{ entity: 'samantha', kind: 'character', start: text.indexOf('Samantha'), end: text.indexOf('Samantha') + 8, text: 'Samantha' }],
        },
      ],
      entities: [{ film: 'her', id: 'samantha', kind: 'character', name: 'Samantha' }],
      options: { mentions: true },
    });
    assert.equal(checkSpans(crlf), 2);
    const ann = readAnn(crlf.files.find((f) => f.name === 'x/crlf.ann')!.text);
    assert.deepEqual(ann.t.map((t) => [t.type, t.text]), [
      ['Realite_2', 'loneliness 💔 and the city. It goes on'],
      ['Character', 'Samantha'],
    ]);
    assert.equal(ann.notes[0][2], 'line one line two | tags: Réalité 2');
    assert.ok(crlf.warnings.some((w) => w.includes('dead00') && w.includes('orphaned')));
  });

  it('type names keep to what brat accepts', () => {
    assert.equal(bratType('mise en scène'), 'mise_en_scene');
    assert.equal(bratType('2013'), 'tag_2013');
    assert.equal(bratType('  '), undefined);
    assert.equal(bratType('blind-date'), 'blind-date');
    assert.equal(bratType('人工知能'), undefined);
  });
});
