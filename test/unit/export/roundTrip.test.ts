// The lossless round trip: the annotated Her corpus exported as W3C JSON-LD, imported into a
// copy of the corpus without sidecars, gives the same annotations (quotes, tags, notes, links,
// offsets, times) and, once `annotate` has written both, byte-identical sidecars. Orphans come
// back as orphans.

import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SidecarStore } from '../../../src/core/annotations/sidecarStore';
import { exportRootFor, relativeNameOf } from '../../../src/core/export/gather';
import { type ImportCandidate, planImport } from '../../../src/core/export/importers/planImport';
import { parseW3cAnnotations } from '../../../src/core/export/importers/w3cImporter';
import { writeImport } from '../../../src/core/export/importers/writeImport';
import { w3cExporter } from '../../../src/core/export/w3c';
import { parseLexicon } from '../../../src/core/lexicon/parseLexicon';
import { MentionMatcher } from '../../../src/core/mentions/mentionMatcher';
import { fileUri, joinUri } from '../../../src/core/model/uri';
import { NodeFileHost } from '../../../src/platform/node/nodeFileHost';
import { annotateAll, annotatedHer, copyHer, exportInputOf, HER_REVIEWS } from './herCorpus';

async function importInto(her: string, jsonld: string, store: SidecarStore) {
  const lexicon = parseLexicon(fileUri(join(her, 'film.yaml')), readFileSync(join(her, 'film.yaml'), 'utf8'));
  const herUri = fileUri(her);
  const cands: ImportCandidate[] = [];
  for (const name of HER_REVIEWS) {
    const uri = joinUri(herUri, name);
    cands.push({ uri, relativeName: relativeNameOf(exportRootFor(lexicon), uri), text: readFileSync(join(her, name), 'utf8'), annotations: (await store.load(uri)).sidecar?.annotations ?? [] });
  }
  const parsed = parseW3cAnnotations(jsonld, 'her.jsonld');
  assert.deepEqual(parsed.errors, []);
  const plan = planImport(parsed.annotations, cands, { now: '2030-01-01T00:00:00.000Z', newId: () => assert.fail('every id is kept') });
  return { plan, lexicon, herUri, cands };
}

describe('round trip: W3C export → import into a copy without sidecars', () => {
  it('gives the same annotations and byte-identical sidecars after annotate', async () => {
    const a = await annotatedHer();
    const jsonld = w3cExporter.export(await exportInputOf(a, { mentions: true })).files[0].text;

    const { her } = copyHer();
    const host = new NodeFileHost({ blocking: true });
    const store = new SidecarStore(host);
    const { plan, lexicon, herUri, cands } = await importInto(her, jsonld, store);
    const statuses = plan.entries.reduce<Record<string, number>>((n, e) => ({ ...n, [e.status]: (n[e.status] ?? 0) + 1 }), {});
    assert.equal(statuses.imported, a.ids.length);
    assert.equal(statuses.ambiguous ?? 0, 0);
    assert.equal(statuses.unmatched ?? 0, 0);
    await writeImport(store, plan, new Map(cands.map((c) => [c.uri, { text: c.text }])));
    const b = { host, matcher: new MentionMatcher(lexicon), reviewUri: (name: string) => joinUri(herUri, name) };
    await annotateAll(b);

    let bytes = 0;
    for (const name of HER_REVIEWS) {
      const sidecar = name.replace(/\.md$/, '.annotations.yaml');
      const original = readFileSync(join(a.her, sidecar), 'utf8');
      assert.equal(readFileSync(join(her, sidecar), 'utf8'), original, sidecar);
      bytes += original.length;
    }
    console.log(`      round trip: ${a.ids.length} annotations (${statuses.skipped} mentions skipped) → 5 sidecars byte-identical (${bytes} characters)`);

    const again = await importInto(her, jsonld, store);
    assert.equal(again.plan.entries.filter((e) => e.status === 'duplicate').length, a.ids.length, 'a second import duplicates nothing');
    assert.deepEqual(again.plan.additions, []);
  });

  it('an orphan comes back as an orphan, with its quote and offsets as they were', async () => {
    const a = await annotatedHer();
    const larb = join(a.her, 'larb-jessica-gross-becoming-human.md');
    writeFileSync(larb, readFileSync(larb, 'utf8').replace('the prospect of real love is the scariest of all', 'real love frightens everyone'));
    await annotateAll(a);
    const before = (await new SidecarStore(a.host).load(a.reviewUri('larb-jessica-gross-becoming-human.md'))).sidecar!.annotations.find((x) => x.id === a.ids[0])!;
    assert.equal(before.orphan, true);
    const jsonld = w3cExporter.export(await exportInputOf(a)).files[0].text;

    const { her } = copyHer();
    writeFileSync(join(her, 'larb-jessica-gross-becoming-human.md'), readFileSync(larb, 'utf8'));
    const store = new SidecarStore(new NodeFileHost({ blocking: true }));
    const { plan, cands } = await importInto(her, jsonld, store);
    const entry = plan.entries.find((e) => e.id === a.ids[0])!;
    assert.equal(entry.status, 'imported');
    const back = plan.additions.find((x) => x.annotation.id === a.ids[0])!.annotation;
    assert.deepEqual(back, before);
    await writeImport(store, plan, new Map(cands.map((c) => [c.uri, { text: c.text }])));
  });
});
