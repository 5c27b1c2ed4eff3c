// The faster searches behind re-anchoring answer exactly what the plain ones answer: the indexed
// findAll what a scan with indexOf finds, fewestEditsInside what approx-string-match reports.

import * as assert from 'node:assert/strict';
import approxSearch from 'approx-string-match';
import { fewestEditsInside } from '../../../src/core/annotations/editsInside';
import { findAll } from '../../../src/core/annotations/occurrences';
import { HER_DIR, readText } from '../fixtures';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function scan(text: string, needle: string, limit = Infinity): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1 && out.length < limit; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function rng(seed: number) {
  return (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
}

describe('re-anchoring searches', () => {
  it('findAll on a long text (indexed after a few searches) finds every occurrence a scan finds', () => {
    const reviews = readdirSync(HER_DIR).filter((f) => f.endsWith('.md')).map((f) => readText(join(HER_DIR, f)));
    const rand = rng(11);
    let text = '';
    while (text.length < 300_000) text += reviews[rand(reviews.length)].slice(rand(2000), 2000 + rand(4000)) + (rand(3) ? '\r\n' : ' 🎬 ');
    const needles: string[] = [];
    for (let i = 0; i < 400; i++) {
      const at = rand(text.length - 300);
      needles.push(text.slice(at, at + 1 + rand(rand(2) ? 12 : 200)));
    }
    needles.push('not in the text at all, this sentence', 'Samantha', 'the ', '\r\n', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    let found = 0;
    for (const [k, needle] of needles.entries()) {
      const limit = k % 3 === 0 ? 8 : Infinity;
      const expected = scan(text, needle, limit);
      assert.deepEqual(findAll(text, needle, limit), expected, JSON.stringify(needle));
      found += expected.length;
    }
    assert.ok(found > 400);
    // Repeats and overlaps: every start is reported.
    const runs = 'ab'.repeat(40_000);
    for (let i = 0; i < 10; i++) assert.deepEqual(findAll(runs, 'abababababab', 5 + i), scan(runs, 'abababababab', 5 + i));
  });

  it('fewestEditsInside gives approx-string-match’s fewest errors', () => {
    const rand = rng(5);
    const alphabet = 'ab c\nd’é🎬'; // few letters: many near matches; a surrogate pair; a line break
    const word = (n: number) => Array.from({ length: n }, () => alphabet[rand(alphabet.length)]).join('');
    for (let i = 0; i < 3000; i++) {
      const pattern = word(1 + rand(70));
      const window = (rand(3) === 0 ? pattern.slice(rand(5)) + word(rand(10)) : '') || word(1 + rand(80)); // similarity() asks only of a non-empty window
      const expected = approxSearch(window, pattern, pattern.length)[0]?.errors;
      assert.equal(fewestEditsInside(window, pattern), expected, `${JSON.stringify(window)} / ${JSON.stringify(pattern)}`);
    }
  });
});
