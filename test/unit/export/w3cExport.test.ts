// The W3C export of the annotated Her corpus: every annotation valid on its own against the MUST
// requirements of the W3C test suite (restated in test/fixtures/interchange/w3c-musts.schema.json;
// scripts/w3c-suite.mjs runs the suite itself), positions in code points, bodies as documented.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { sliceCodePoints } from '../../../src/core/export/codePoints';
import { annotationIri, entityIri, reviewIri, reviewUrn } from '../../../src/core/export/iris';
import { w3cExporter } from '../../../src/core/export/w3c';
import { decodeText } from '../../../src/core/text';
import { ROOT } from '../fixtures';
import { type AnnotatedCorpus, annotatedHer, exportInputOf, PLANNED } from './herCorpus';

const LARB_SOURCE = 'https://lareviewofbooks.org/article/becoming-human-on-spike-jonzes-her/';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function mustValidators() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/interchange/w3c-musts.schema.json'), 'utf8')));
  const get = (name: string) => ajv.getSchema(`urn:marginalia:test:w3c-musts#/definitions/${name}`)!;
  return { annotation: get('annotation'), collection: get('collection') };
}

describe('W3C Web Annotation export', () => {
  let corpus: AnnotatedCorpus;
  let collection: Json;
  let items: Json[];
  let texts: Map<string, string>;
  const must = mustValidators();

  before(async () => {
    corpus = await annotatedHer({ larbSource: LARB_SOURCE });
    const input = await exportInputOf(corpus, { mentions: true });
    texts = new Map(input.reviews.flatMap((r) => [[r.relativeName, r.text], [reviewIri(r.relativeName, r.frontMatter.source), r.text]]));
    const out = w3cExporter.export(input);
    assert.deepEqual(out.warnings, []);
    assert.equal(out.files.length, 1);
    collection = JSON.parse(out.files[0].text);
    items = collection.first.items;
  });

  it('passes the MUST requirements: the collection, its embedded page, and every annotation on its own', () => {
    assert.ok(must.collection(collection), JSON.stringify(must.collection.errors));
    let valid = 0;
    for (const item of items) {
      assert.ok(must.annotation(item), `${item.id}: ${JSON.stringify(must.annotation.errors)}`);
      assert.equal(item['@context'], 'http://www.w3.org/ns/anno.jsonld');
      valid++;
    }
    assert.equal(collection.total, items.length);
    const mentions = items.filter((i) => i.motivation === 'identifying').length;
    assert.equal(valid - mentions, PLANNED.length);
    console.log(`      W3C export of Her: ${PLANNED.length} annotations + ${mentions} mentions, ${valid} items each valid on its own; collection and page valid`);
  });

  it('the requirement schema rejects what the suite rejects (so the test above can fail)', () => {
    const good = items[0];
    const broken: Array<[string, Json]> = [
      ['no @context', { ...good, '@context': undefined }],
      ['another context', { ...good, '@context': 'http://schema.org/' }],
      ['a relative id', { ...good, id: 'her/a1b2c3' }],
      ['no target', { ...good, target: undefined }],
      ['body and bodyValue', { ...good, bodyValue: 'x' }],
      ['created not a date-time', { ...good, created: 'last Tuesday' }],
      ['a negative position', { ...good, target: { ...good.target, selector: [good.target.selector[0], { type: 'TextPositionSelector', start: -1, end: 3 }] } }],
      ['a quote selector without exact', { ...good, target: { ...good.target, selector: [{ type: 'TextQuoteSelector', prefix: 'a' }] } }],
      ['a relative source', { ...good, target: { ...good.target, source: 'her/movie-review-her.md' } }],
      ['a textual body as target', { ...good, target: { type: 'TextualBody', value: 'x' } }],
      ['a purpose outside the model', { ...good, body: { type: 'TextualBody', value: 'x', purpose: 'liking' } }],
    ];
    for (const [why, item] of broken) {
      const json = JSON.parse(JSON.stringify(item));
      assert.equal(must.annotation(json), false, why);
    }
    assert.equal(must.collection({ ...collection, total: 3, first: undefined }), false, 'total > 0 without first');
  });

  it('counts TextPositionSelector offsets in code points, so an emoji counts 1', () => {
    let astralBefore = 0;
    for (const item of items) {
      const t = texts.get(item.target.source)!;
      const [quote, position] = item.target.selector;
      assert.equal(sliceCodePoints(t, position.start, position.end), quote.exact, item.id);
      const utf16Start = t.indexOf(quote.exact);
      astralBefore = Math.max(astralBefore, utf16Start - position.start);
    }
    const emoji = items.find((i) => i.target.selector[0].exact.endsWith('🙂'))!;
    const after = items.find((i) => i.target.selector[0].exact.startsWith('Just like'))!;
    const text = texts.get('her/blog-eyelights-her.md')!;
    assert.equal(emoji.target.selector[1].end - emoji.target.selector[1].start, Array.from(emoji.target.selector[0].exact).length);
    assert.equal(text.indexOf(after.target.selector[0].exact) - after.target.selector[1].start, 1, 'one emoji before it: UTF-16 is one ahead');
    assert.ok(astralBefore >= 1);
  });

  it('names the review by its source URL when front matter has one, else by a stable URN', () => {
    const sources = new Set(items.map((i) => i.target.source));
    assert.ok(sources.has(LARB_SOURCE));
    assert.ok(sources.has(reviewUrn('her/hua-ruonan-a-decade-later.md')));
    assert.ok(![...sources].some((s) => s.includes('/tmp/') || s.startsWith('file:')), 'no machine paths');
  });

  it('notes are commenting bodies, tags tagging bodies, lexicon tags also identifying, links linking bodies', () => {
    const byQuote = (q: string) => items.find((i) => i.target.selector[0].exact === q)!;
    const thesis = byQuote('the prospect of real love is the scariest of all');
    const bodies: Json[] = thesis.body;
    assert.equal(thesis.motivation, 'commenting');
    assert.deepEqual(bodies[0], { type: 'TextualBody', value: 'The thesis.\nEverything else follows from it.', format: 'text/plain', purpose: 'commenting' });
    assert.deepEqual(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value), ['love', 'thesis']);
    assert.deepEqual(bodies.filter((b) => b.purpose === 'identifying').map((b) => b.source), [entityIri('her', 'love')], '"thesis" is not in the lexicon');
    const [structure] = corpus.ids.slice(1, 2);
    assert.deepEqual(bodies.filter((b) => b.purpose === 'linking').map((b) => b.source), [annotationIri('her/larb-jessica-gross-becoming-human.md', structure)]);
    const cocoon = byQuote('a solitary individual within an information cocoon');
    assert.deepEqual(cocoon.body.filter((b: Json) => b.purpose === 'linking').map((b: Json) => b.source), [annotationIri('her/poignant-exploration.md', corpus.ids[7])]);
    const highlight = byQuote('an artificial intelligence operating system');
    assert.equal(highlight.motivation, 'highlighting');
    assert.equal(highlight.body, undefined);
    assert.equal(thesis.created, '2024-03-10T09:41:00.000Z');
    assert.match(thesis.modified, /^2024-03-10T09:41:\d\d\.000Z$/);
  });

  it('with mentions: one identifying annotation per mention, naming the entity', () => {
    const mentions = items.filter((i) => i.motivation === 'identifying');
    const samantha = mentions.filter((m) => m.body.source === entityIri('her', 'samantha'));
    assert.ok(samantha.length > 20);
    assert.ok(samantha.every((m) => /^Samantha/.test(m.target.selector[0].exact)));
    const none = w3cExporter.export({ reviews: [], entities: [], options: { generated: '2024-01-01T00:00:00Z' } });
    assert.ok(must.collection(JSON.parse(none.files[0].text)), 'an empty export is valid too');
  });

  it('a CRLF review with a BOM and astral characters: code points over the text as stored (CRLF kept)', () => {
    const text = decodeText(readFileSync(join(ROOT, 'test/fixtures/interchange/crlf-emoji-review.md')));
    const quote = 'loneliness 💔 and the city.\r\nIt goes on';
    const start = text.indexOf(quote);
    const out = w3cExporter.export({
      reviews: [
        {
          uri: 'memfs:/x/crlf.md',
          relativeName: 'x/crlf.md',
          film: 'her',
          text,
          frontMatter: { source: 'https://reviews.example.org/her-again' },
          annotations: [{ id: 'c0ffee', tags: [], note: '', target: { quote, prefix: '', suffix: '', start, end: start + quote.length }, links: [], created: '', modified: '' }],
        },
      ],
      entities: [],
      options: { generated: '2024-01-01T00:00:00Z' },
    });
    const item = JSON.parse(out.files[0].text).first.items[0];
    assert.ok(must.annotation(item), JSON.stringify(must.annotation.errors));
    const [, pos] = item.target.selector;
    assert.equal(sliceCodePoints(text, pos.start, pos.end), quote);
    assert.equal(start - pos.start, 5, 'five astral characters before it: 🎬 😂 𝒽 𝒆 𝒓');
    assert.equal(item.created, undefined, 'an empty created is left out rather than written invalid');
  });
});
