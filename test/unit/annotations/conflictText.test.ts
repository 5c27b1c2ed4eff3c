// How a conflict recorded by the merge driver reads in the Problems panel and the hover card.

import * as assert from 'node:assert/strict';
import { conflictValue, describeConflict } from '../../../src/core/annotations/conflictText';

describe('describeConflict', () => {
  it('names the field and shows their version: a note, tags, links, a passage, a key of one’s own', () => {
    assert.equal(describeConflict({ field: 'note', theirs: 'D: love as growth.', base: 'The thesis.' }), 'their version of note kept under conflicts: “D: love as growth.”');
    assert.equal(describeConflict({ field: 'tags', theirs: ['love', 'risk'] }), 'their version of tags kept under conflicts: love, risk');
    assert.equal(describeConflict({ field: 'links', theirs: [{ review: 'other.md', id: 'a1b2c3' }] }), 'their version of links kept under conflicts: other.md#a1b2c3');
    assert.equal(describeConflict({ field: 'target', theirs: { quote: 'real love', prefix: '', suffix: '', start: 1, end: 10 } }), 'their version of target kept under conflicts: the passage “real love”');
    assert.equal(describeConflict({ field: 'rating', theirs: { stars: 4 } }), 'their version of rating kept under conflicts: {"stars":4}');
  });

  it('says which side deleted an annotation the other changed, and when their side removed a key', () => {
    assert.match(describeConflict({ field: 'annotation', deletedBy: 'theirs' }), /^deleted on their side while our side changed it; our version is kept/);
    assert.match(describeConflict({ field: 'annotation', deletedBy: 'ours' }), /^deleted on our side while their side changed it; their version is kept/);
    assert.equal(describeConflict({ field: 'rating', base: 3 }), 'their side removed rating; ours is kept (recorded under conflicts)');
  });

  it('flattens line breaks and shortens long values', () => {
    const long = 'word '.repeat(40) + '\nend';
    const shown = conflictValue('note', long, 30);
    assert.equal(shown, `“${'word '.repeat(6).slice(0, 29)}…”`);
    assert.ok(!shown.includes('\n'));
  });
});
