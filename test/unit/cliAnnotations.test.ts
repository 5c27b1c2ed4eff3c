// The "done when" of the annotations issue, on a copy of the corpus, through the CLI:
// five sidecars written, a second run changes nothing, a hand comment survives, an edit to a
// review keeps its annotations right, a broken sidecar survives untouched while the others are written.

import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { NodeFileHost } from '../../src/platform/node/nodeFileHost';
import { fileUri } from '../../src/core/model/uri';
import { SidecarStore } from '../../src/core/annotations/sidecarStore';
import { HER_DIR } from './fixtures';

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), cwd, host: new NodeFileHost() });
  return { code, out, err };
}

describe('marginalia annotate / check on a copy of the corpus', () => {
  const root = mkdtempSync(join(tmpdir(), 'marginalia-annotate-'));
  const her = join(root, 'her');
  cpSync(HER_DIR, her, { recursive: true });
  const sidecars = () => readdirSync(her).filter((f) => f.endsWith('.annotations.yaml')).sort();
  const review = join(her, 'larb-jessica-gross-becoming-human.md');
  const sidecar = join(her, 'larb-jessica-gross-becoming-human.annotations.yaml');
  const passage = 'the prospect of real love is the scariest of all';

  it('writes five sidecars, and a second run changes nothing', async () => {
    const first = await cli(['annotate', 'her'], root);
    assert.equal(first.code, 0, first.err);
    assert.equal(sidecars().length, 5);
    assert.equal(first.out.match(/^written/gm)?.length, 5);
    const bytes = sidecars().map((f) => readFileSync(join(her, f), 'utf8'));
    const second = await cli(['annotate', 'her'], root);
    assert.equal(second.out.match(/^unchanged/gm)?.length, 5, second.out);
    assert.deepEqual(sidecars().map((f) => readFileSync(join(her, f), 'utf8')), bytes);
  });

  it('keeps a comment written by hand, and an annotation right after the review is edited', async () => {
    const store = new SidecarStore(new NodeFileHost());
    const text = readFileSync(review, 'utf8');
    const start = text.indexOf(passage);
    const id = await store.addAnnotation(fileUri(review), text, { start, end: start + passage.length, tags: ['love'], note: 'The thesis.' });
    writeFileSync(sidecar, '# Reading notes for the seminar: keep this comment.\n' + readFileSync(sidecar, 'utf8'));
    // The critic's text changes above the passage.
    writeFileSync(review, text.replace('THE PROSPECT of an unfulfilling relationship is scary.', 'THE PROSPECT of an unfulfilling relationship — any relationship — is scary.'));
    const r = await cli(['annotate', 'her'], root);
    assert.equal(r.code, 0, r.err);
    const after = readFileSync(sidecar, 'utf8');
    assert.match(after, /^# Reading notes for the seminar: keep this comment\.$/m);
    const { sidecar: parsed } = await store.load(fileUri(review));
    const a = parsed!.annotations.find((x) => x.id === id)!;
    const edited = readFileSync(review, 'utf8');
    assert.equal(edited.slice(a.target.start, a.target.end), passage);
    assert.equal(a.orphan ?? false, false);
    const check = await cli(['check', 'her'], root);
    assert.equal(check.code, 0, check.err);
  });

  it('leaves a broken sidecar untouched (file:line:col on stderr) while the others are written', async () => {
    const broken = join(her, 'poignant-exploration.annotations.yaml');
    const brokenText = 'version: 1\nreview: poignant-exploration.md\nannotations:\n  - id: [unclosed\n';
    writeFileSync(broken, brokenText);
    writeFileSync(review, readFileSync(review, 'utf8') + '\nA closing line added by the editor.\n');
    const r = await cli(['annotate', 'her'], root);
    assert.equal(r.code, 1);
    assert.match(r.err, /her\/poignant-exploration\.annotations\.yaml:\d+:\d+: /);
    assert.equal(readFileSync(broken, 'utf8'), brokenText);
    assert.match(r.out, /^written\s+her\/larb-jessica-gross-becoming-human\.annotations\.yaml/m);
    const check = await cli(['check', 'her'], root);
    assert.equal(check.code, 1);
    assert.match(check.err, /poignant-exploration\.annotations\.yaml:\d+:\d+/);
  });

  it('check reports an orphaned annotation with file:line:col and exits 1', async () => {
    writeFileSync(join(her, 'poignant-exploration.annotations.yaml'), '');
    const text = readFileSync(review, 'utf8');
    writeFileSync(review, text.replace(passage, 'the idea of love frightens everyone'));
    const r = await cli(['check', 'her/larb-jessica-gross-becoming-human.md'], root);
    assert.equal(r.code, 1);
    assert.match(r.err, /larb-jessica-gross-becoming-human\.md:\d+:\d+: annotation \S+ is orphaned/);
    const annotate = await cli(['annotate', 'her/larb-jessica-gross-becoming-human.md'], root);
    assert.match(annotate.out, /1 orphaned/);
    assert.match(readFileSync(sidecar, 'utf8'), /orphan: true/);
    assert.match(readFileSync(sidecar, 'utf8'), new RegExp(passage));
  });
});
