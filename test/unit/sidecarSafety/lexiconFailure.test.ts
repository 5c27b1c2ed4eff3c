// Defect 3: when a film's lexicon does not load (a YAML error, a misspelt key, an unreadable
// file), `annotate` must leave that film's sidecars exactly as they are — not rewrite every one
// with `mentions: []` — say so, and exit 1, while other films are still annotated.

import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARRIVAL_DIR } from '../fixtures';
import { cli, herCopy, sidecarsIn } from './helpers';

function snapshot(dir: string): Map<string, string> {
  return new Map(sidecarsIn(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('a lexicon that does not load (defect 3)', () => {
  const breakages: Array<[string, (yaml: string) => string, RegExp]> = [
    ['a YAML syntax error', (y) => y.replace('characters:', 'characters: [unclosed'), /film\.yaml:\d+:\d+: error:/],
    ['a misspelt top-level key (every character gone)', (y) => y.replace(/^characters:/m, 'charcters:'), /unknown key "charcters"/],
    ['an empty file', () => '', /film\.yaml/],
  ];
  for (const [what, breakIt, diagnostic] of breakages) {
    it(`${what}: the film's sidecars are left byte for byte, exit 1, other films still annotated`, async () => {
      const { root, her } = herCopy('lexicon');
      const arrival = join(root, 'arrival');
      mkdirSync(arrival);
      cpSync(ARRIVAL_DIR, arrival, { recursive: true });
      assert.equal((await cli(['annotate', '.'], root)).code, 0);
      const before = snapshot(her);
      assert.equal(before.size, 5);
      // The reviews change too, so a write would have something to do.
      for (const f of ['poignant-exploration.md', 'movie-review-her.md']) writeFileSync(join(her, f), readFileSync(join(her, f), 'utf8') + '\nSamantha, once more.\n');
      writeFileSync(join(arrival, 'notebook-arrival-second-viewing.txt'), readFileSync(join(arrival, 'notebook-arrival-second-viewing.txt'), 'utf8') + '\nLouise, once more.\n');
      const lexicon = join(her, 'film.yaml');
      writeFileSync(lexicon, breakIt(readFileSync(lexicon, 'utf8')));
      const r = await cli(['annotate', '.'], root);
      assert.equal(r.code, 1);
      assert.match(r.err, diagnostic);
      assert.match(r.err, /her\/film\.yaml does not load.*5 sidecars .*left as they are/);
      assert.equal(r.err.match(/does not load/g)?.length, 1, 'said once for the film, not once per review');
      assert.deepEqual(snapshot(her), before, 'every sidecar of the film is untouched');
      assert.doesNotMatch(r.out, /her\//, 'nothing reported as written or unchanged for the film');
      assert.match(r.out, /^written\s+arrival\/notebook-arrival-second-viewing\.annotations\.yaml/m, 'the other film is annotated');
    });
  }

  it('a lexicon that cannot be read at all (a folder named film.yaml given with --lexicon): nothing written', async () => {
    const { root, her } = herCopy('lexicon-dir');
    assert.equal((await cli(['annotate', 'her'], root)).code, 0);
    const before = snapshot(her);
    writeFileSync(join(her, 'poignant-exploration.md'), readFileSync(join(her, 'poignant-exploration.md'), 'utf8') + '\nMore.\n');
    mkdirSync(join(root, 'broken.yaml'));
    const r = await cli(['annotate', 'her', '--lexicon', 'broken.yaml'], root);
    assert.equal(r.code, 1);
    assert.match(r.err, /broken\.yaml: is a folder/);
    assert.deepEqual(snapshot(her), before);
    rmSync(join(root, 'broken.yaml'), { recursive: true });
  });
});
