// Importing a Hypothesis export and W3C annotations into the Her corpus: matched by source URL,
// then by quote; anchored with our anchoring; the ambiguous and the unmatched reported and never
// guessed; replies and page notes skipped; nothing added twice on a second import.

import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SidecarStore } from '../../../src/core/annotations/sidecarStore';
import { exportRootFor, relativeNameOf } from '../../../src/core/export/gather';
import { parseHypothesisAnnotations } from '../../../src/core/export/importers/hypothesisImporter';
import { type ImportCandidate, type ImportPlan, planImport } from '../../../src/core/export/importers/planImport';
import { parseW3cAnnotations } from '../../../src/core/export/importers/w3cImporter';
import { writeImport } from '../../../src/core/export/importers/writeImport';
import { parseFrontMatter } from '../../../src/core/frontMatter';
import { parseLexicon } from '../../../src/core/lexicon/parseLexicon';
import { fileUri, joinUri } from '../../../src/core/model/uri';
import { NodeFileHost } from '../../../src/platform/node/nodeFileHost';
import { ROOT } from '../fixtures';
import { copyHer, HER_REVIEWS } from './herCorpus';

const LARB_SOURCE = 'https://lareviewofbooks.org/article/becoming-human-on-spike-jonzes-her/';
const HYPOTHESIS = readFileSync(join(ROOT, 'test/fixtures/interchange/hypothesis-her-export.json'), 'utf8');

function herCopyWithLarbSource() {
  const { root, her } = copyHer();
  const path = join(her, 'larb-jessica-gross-becoming-human.md');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n/, `\nsource: ${LARB_SOURCE.replace(/\/$/, '')}\n---\n`));
  const lexicon = parseLexicon(fileUri(join(her, 'film.yaml')), readFileSync(join(her, 'film.yaml'), 'utf8'));
  return { root, her, lexicon };
}

async function candidates(her: string, lexicon: ReturnType<typeof parseLexicon>, store: SidecarStore): Promise<ImportCandidate[]> {
  const out: ImportCandidate[] = [];
  for (const name of HER_REVIEWS) {
    const uri = joinUri(fileUri(her), name);
    const text = readFileSync(join(her, name), 'utf8');
    const source = parseFrontMatter(text).data.source as string | undefined;
    const { sidecar } = await store.load(uri);
    out.push({ uri, relativeName: relativeNameOf(exportRootFor(lexicon), uri), text, ...(source ? { source } : {}), annotations: sidecar?.annotations ?? [] });
  }
  return out;
}

const counts = (plan: ImportPlan) => Object.fromEntries(['imported', 'duplicate', 'ambiguous', 'unmatched', 'skipped'].map((s) => [s, plan.entries.filter((e) => e.status === s).length]));

describe('import: Hypothesis export into the Her corpus', () => {
  const { her, lexicon } = herCopyWithLarbSource();
  const host = new NodeFileHost({ blocking: true });
  const store = new SidecarStore(host);
  const parsed = parseHypothesisAnnotations(HYPOTHESIS, 'hypothesis-her-export.json');
  let first: ImportPlan;
  let n = 0;
  const options = { now: '2024-05-02T10:00:00.000Z', newId: () => `b0000${n++}` };

  it('reads all eleven annotations of the client export', () => {
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.annotations.length, 11);
    assert.equal(parsed.annotations[0].position?.unit, 'utf16');
  });

  it('matches by source URL, then by quote; reports the ambiguous, the unmatched, replies and page notes', async () => {
    const cands = await candidates(her, lexicon, store);
    first = planImport(parsed.annotations, cands, options);
    const by = (label: string) => first.entries.find((e) => e.label === label)!;
    console.log(`      Hypothesis import: ${JSON.stringify(counts(first))}`);
    assert.deepEqual(counts(first), { imported: 6, duplicate: 0, ambiguous: 2, unmatched: 1, skipped: 2 });
    const larb = cands.find((c) => c.relativeName.endsWith('larb-jessica-gross-becoming-human.md'))!;
    const hua = cands.find((c) => c.relativeName.endsWith('hua-ruonan-a-decade-later.md'))!;
    const blog = cands.find((c) => c.relativeName.endsWith('blog-eyelights-her.md'))!;
    assert.equal(by('3Xv2QmC1Ee-ZtXcK7a9QqA').review, larb.uri, 'source URL in front matter (trailing slash aside)');
    assert.equal(by('4J8nPmC1Ee-0pH1d2yq7Zw').status, 'ambiguous', '“coming to terms with” twice, context matching neither');
    assert.equal(by('6aQ0SmC1Ee-bN7c3Hj2PqB').status, 'unmatched', 'site chrome');
    assert.equal(by('7bR9TmC1Ee-cM6d4Gk1OrC').review, hua.uri, 'an unknown page matched by its quote');
    assert.equal(by('9dT7VmC1Ee-eK4f6Em9MtE').review, hua.uri, '“Joaquin Phoenix” is in every review; its page’s other quotes are in Hua’s');
    assert.equal(by('AeU6WmC1Ee-fJ3g7Dn8LuF').status, 'skipped', 'a reply');
    assert.equal(by('BfV5XmC1Ee-gI2h8Co7KvG').review, blog.uri, 'the emoji quote');
    assert.equal(by('CgW4YmC1Ee-hH1i9Bp6JwH').status, 'skipped', 'a page note');
    assert.equal(by('DhX3ZmC1Ee-iG0j0Aq5IxI').status, 'ambiguous', 'a lone “Scarlett Johansson”: five reviews, not guessed');
    for (const { reviewUri, annotation } of first.additions) {
      const c = cands.find((x) => x.uri === reviewUri)!;
      assert.equal(c.text.slice(annotation.target.start, annotation.target.end), annotation.target.quote);
    }
  });

  it('writes them to the sidecars with the Hypothesis ids, notes, tags and times', async () => {
    const texts = new Map(HER_REVIEWS.map((name) => [joinUri(fileUri(her), name), { text: readFileSync(join(her, name), 'utf8') }]));
    const outcomes = await writeImport(store, first, texts);
    assert.ok(outcomes.every((o) => o.status === 'written'), JSON.stringify(outcomes.map((o) => o.errors)));
    const { sidecar } = await store.load(joinUri(fileUri(her), 'larb-jessica-gross-becoming-human.md'));
    const thesis = sidecar!.annotations.find((a) => a.id === '3Xv2QmC1Ee-ZtXcK7a9QqA')!;
    assert.deepEqual([thesis.target.quote, thesis.note, thesis.tags, thesis.created, thesis.modified], [
      'the prospect of real love is the scariest of all',
      'The thesis of the whole piece: love as **risk**.',
      ['love', 'thesis'],
      '2024-04-18T14:02:11.512803+00:00',
      '2024-04-18T14:09:11.100212+00:00',
    ]);
    assert.equal(thesis.orphan, undefined);
  });

  it('a second import adds nothing: every one already there is a duplicate', async () => {
    const again = planImport(parsed.annotations, await candidates(her, lexicon, store), options);
    assert.deepEqual(counts(again), { imported: 0, duplicate: 6, ambiguous: 2, unmatched: 1, skipped: 2 });
    assert.deepEqual(again.additions, []);
  });

  it('the same passage, note and tags under another id is a duplicate too', async () => {
    const renamed = parseHypothesisAnnotations(HYPOTHESIS.replace(/3Xv2QmC1Ee-ZtXcK7a9QqA/g, 'ZZZZZZZZZZ-newid'), 'h.json');
    const plan = planImport(renamed.annotations, await candidates(her, lexicon, store), options);
    const e = plan.entries.find((x) => x.label === 'ZZZZZZZZZZ-newid')!;
    assert.equal(e.status, 'duplicate');
    assert.equal(e.id, '3Xv2QmC1Ee-ZtXcK7a9QqA');
  });
});

describe('import: W3C annotations from another tool', () => {
  const { her, lexicon } = herCopyWithLarbSource();
  const store = new SidecarStore(new NodeFileHost({ blocking: true }));
  const recogito = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://recogito.example.org/annotation/7a1c2e4f-0d3b-4d0e-9a55-3c1f4f9f2b10',
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        {
          '@context': 'http://www.w3.org/ns/anno.jsonld',
          id: 'https://recogito.example.org/annotation/1',
          type: 'Annotation',
          motivation: 'tagging',
          body: [
            { type: 'TextualBody', value: 'samantha' },
            { type: 'TextualBody', value: 'Her count is the turn.', purpose: 'commenting' },
          ],
          target: {
            source: 'https://recogito.example.org/document/4kq/part/1',
            selector: [
              { type: 'TextQuoteSelector', exact: 'maintaining romantic relationships with 641' },
              { type: 'TextPositionSelector', start: 4000, end: 4043 },
            ],
          },
        },
        { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:2', type: 'Annotation', bodyValue: 'A range only.', target: { source: 'urn:x:doc', selector: { type: 'RangeSelector', startSelector: {}, endSelector: {} } } },
      ],
    },
  };

  it('reads tagging and commenting bodies, skips a target without a quote', async () => {
    const parsed = parseW3cAnnotations(JSON.stringify(recogito), 'recogito.jsonld');
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.annotations[0].tags, ['samantha'], 'a body without purpose takes the motivation');
    assert.equal(parsed.annotations[0].note, 'Her count is the turn.');
    const plan = planImport(parsed.annotations, await candidates(her, lexicon, store), { now: '2024-01-01T00:00:00Z', newId: () => 'c00001' });
    assert.deepEqual(plan.entries.map((e) => e.status), ['imported', 'skipped']);
    assert.ok(plan.additions[0].reviewUri.endsWith('hua-ruonan-a-decade-later.md'));
  });

  it('reports a collection whose pages are not in the file, and bad JSON with line and column', () => {
    const remote = parseW3cAnnotations(JSON.stringify({ ...recogito, first: 'https://recogito.example.org/page/1' }), 'c.jsonld');
    assert.match(remote.errors[0], /first page \(https:\/\/recogito\.example\.org\/page\/1\) is not embedded/);
    const bad = parseW3cAnnotations('{\n  "type": "Annotation",\n  "id": oops\n}', 'bad.jsonld');
    assert.match(bad.errors[0], /^bad\.jsonld:3:\d+: not valid JSON/);
  });
});
