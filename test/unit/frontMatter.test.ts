// The flat front-matter fast path must read exactly what the yaml package reads, or step aside.
// A differential test over generated front matter: every value a critic's file could plausibly hold
// (numbers, booleans, nulls, dates, quotes, colons, dashes, hashes, unicode) in many combinations.

import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { parseFrontMatter } from '../../src/core/frontMatter';

const VALUES = [
  'Her', 'null', '~', 'Null', 'NULL', 'true', 'false', 'True', 'FALSE', 'yes', 'no', 'on', 'off',
  '1e3', '1E3', '.5', '-.5', '+1', '0x1F', '0o17', '017', '8.5', '-3', '.inf', '-.Inf', '.nan', '1_000',
  '2014-03-02', '2014-03-02T10:00:00Z', '8.5/10', '★★★★½', 'B+', '3 out of 4',
  "'quoted'", "'it''s'", '"double"', '"esc \\" aped"', '"tab\\t"', "'unterminated", '"unterminated',
  '- a', '-a', '- ', '? x', '?x', ': x', ':x', 'a: b', 'a:b', 'a #b', 'a# b', '#x', '[a]', '{a: 1}', '&anchor x', '*alias',
  '!tag x', '|', '>', '%x', '@x', '`x`', ',x', 'x,', 'Spike Jonze’s “Her”', 'Los Angeles Review of Books', 'a  b',
  '', ' ', '"', "'", 'x "y"', "x 'y'", 'C++', '100%', 'é', '😀 emoji',
];
const KEYS = ['title', 'critic', 'date', 'rating', 'publication', 'source'];

function yamlData(front: string): Record<string, unknown> | 'error' {
  const doc = parseDocument(front, { prettyErrors: false });
  if (doc.errors.length) return 'error';
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 10 });
  } catch {
    return 'error'; // an unresolved alias
  }
  return js && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : {};
}

function check(lines: string[]): void {
  const front = lines.join('\n') + '\n';
  const text = `---\n${front}---\nBody.\n`;
  const ours = parseFrontMatter(text);
  const theirs = yamlData(front);
  if (theirs === 'error') {
    assert.ok(ours.errors.length > 0, `the fast path accepted what yaml rejects:\n${front}`);
    return;
  }
  assert.deepEqual(ours.errors, [], front);
  assert.deepEqual(ours.data, theirs, `differs from yaml on:\n${front}`);
}

describe('front matter', () => {
  it('reads every single value exactly as the yaml package does', () => {
    for (const v of VALUES) check([`title: ${v}`]);
  });

  it('reads generated combinations of keys and values exactly as the yaml package does', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 3000; i++) {
      const n = 1 + (next() % 4);
      const lines: string[] = [];
      for (let j = 0; j < n; j++) lines.push(`${KEYS[next() % KEYS.length]}:${next() % 5 === 0 ? '  ' : ' '}${VALUES[next() % VALUES.length]}`);
      check(lines);
    }
  });

  it('finds the body after the closing line', () => {
    const text = '---\ntitle: Her\n---\nBody.\n';
    assert.equal(text.slice(parseFrontMatter(text).bodyStart), 'Body.\n');
  });
});
