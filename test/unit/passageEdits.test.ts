import * as assert from 'node:assert/strict';
import { moveThroughEdit } from '../../src/core/annotations/passageEdits';

function move(start: number, end: number, from: number, to: number, inserted: number) {
  const a = { start, end, orphan: false };
  moveThroughEdit(a, from, to, inserted);
  return [a.start, a.end, a.orphan];
}

describe('moveThroughEdit', () => {
  it('shifts a passage when text is inserted or deleted before it', () => {
    assert.deepEqual(move(10, 20, 0, 0, 5), [15, 25, false]);
    assert.deepEqual(move(10, 20, 2, 6, 0), [6, 16, false]);
    assert.deepEqual(move(10, 20, 10, 10, 3), [13, 23, false]); // typed right at its start: stays outside
  });
  it('leaves it when the edit is after it, or typed right at its end', () => {
    assert.deepEqual(move(10, 20, 25, 30, 1), [10, 20, false]);
    assert.deepEqual(move(10, 20, 20, 20, 4), [10, 20, false]);
  });
  it('grows or shrinks it with edits inside', () => {
    assert.deepEqual(move(10, 20, 12, 14, 5), [10, 23, false]);
  });
  it('keeps what is left when an edit takes one of its ends', () => {
    assert.deepEqual(move(10, 20, 5, 12, 1), [6, 14, false]);
    assert.deepEqual(move(10, 20, 15, 25, 0), [10, 15, false]);
  });
  it('orphans a passage deleted whole', () => {
    assert.deepEqual(move(10, 20, 8, 22, 0)[2], true);
  });
});
