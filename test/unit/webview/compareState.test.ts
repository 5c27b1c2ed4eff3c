import * as assert from 'node:assert/strict';
import type { CompareMatrix } from '../../../src/core/compare';
import { cellLabel, columnLabel, moveFocus, passageSegments, shadeLevel } from '../../../src/webview/compare/model';
import type { MatrixMessage } from '../../../src/webview/compare/protocol';
import { initialState, persisted, reduce, requestFor, type ViewState } from '../../../src/webview/compare/state';

const MATRIX: CompareMatrix = {
  critics: [
    { uri: 'u/gross.md', label: 'Jessica Gross — Becoming Human', critic: 'Jessica Gross' },
    { uri: 'u/blog.md', label: 'Her' },
    { uri: 'u/hua.md', label: 'Hua Ruonan — A Decade Later', critic: 'Hua Ruonan' },
  ],
  entities: [
    { id: 'samantha', kind: 'character', name: 'Samantha', total: 20, reviews: 3 },
    { id: 'theodore', kind: 'character', name: 'Theodore Twombly', total: 15, reviews: 3 },
    { id: 'loneliness', kind: 'theme', name: 'Loneliness', total: 1, reviews: 1 },
  ],
  counts: [
    [12, 9, 0],
    [3, 4, 1],
    [5, 2, 0],
  ],
};
const message = (matrix = MATRIX): MatrixMessage => ({ type: 'matrix', matrix, filters: { kinds: [] }, sort: 'count', film: 'Her' });

describe('compare webview: view model', () => {
  it('labels cells for screen readers like "Jessica Gross — Samantha: 12 mentions"', () => {
    assert.equal(cellLabel(MATRIX.critics[0], MATRIX.entities[0], 12), 'Jessica Gross — Samantha: 12 mentions');
    assert.equal(cellLabel(MATRIX.critics[1], MATRIX.entities[2], 1), 'Her — Loneliness: 1 mention');
    assert.equal(cellLabel(MATRIX.critics[2], MATRIX.entities[2], 0), 'Hua Ruonan — Loneliness: no mentions');
    assert.match(columnLabel(MATRIX.entities[0]), /^Samantha \(character\): 20 mentions in 3 reviews\./);
  });

  it('shades by count: none for zero, the darkest for the largest, every count visible', () => {
    assert.equal(shadeLevel(0, 33), 0);
    assert.equal(shadeLevel(1, 33), 2);
    assert.equal(shadeLevel(33, 33), 8);
    const levels = [1, 2, 4, 8, 16, 33].map((n) => shadeLevel(n, 33));
    assert.deepEqual(levels, [...levels].sort((a, b) => a - b), 'more mentions never shade lighter');
    assert.ok(levels.every((l) => l >= 1 && l <= 8));
    assert.equal(shadeLevel(3, 0), 0);
  });

  it('moves through the grid with arrows, Home/End, Ctrl+Home/End and pages, staying inside', () => {
    assert.deepEqual(moveFocus({ row: 0, col: 0 }, 'ArrowRight', 3, 3), { row: 0, col: 1 });
    assert.deepEqual(moveFocus({ row: 0, col: 0 }, 'ArrowUp', 3, 3), { row: -1, col: 0 }, 'to the entity headings');
    assert.deepEqual(moveFocus({ row: -1, col: 0 }, 'ArrowUp', 3, 3), { row: -1, col: 0 });
    assert.deepEqual(moveFocus({ row: 1, col: 0 }, 'ArrowLeft', 3, 3), { row: 1, col: -1 }, 'to the review headings');
    assert.deepEqual(moveFocus({ row: 1, col: -1 }, 'ArrowLeft', 3, 3), { row: 1, col: -1 });
    assert.deepEqual(moveFocus({ row: 2, col: 2 }, 'ArrowDown', 3, 3), { row: 2, col: 2 });
    assert.deepEqual(moveFocus({ row: 1, col: 1 }, 'End', 3, 3), { row: 1, col: 2 });
    assert.deepEqual(moveFocus({ row: 1, col: 1 }, 'Home', 3, 3), { row: 1, col: -1 });
    assert.deepEqual(moveFocus({ row: 1, col: 1 }, 'Home', 3, 3, true), { row: -1, col: -1 });
    assert.deepEqual(moveFocus({ row: 1, col: 1 }, 'End', 3, 3, true), { row: 2, col: 2 });
    assert.deepEqual(moveFocus({ row: 0, col: 1 }, 'PageDown', 30, 3), { row: 10, col: 1 });
    assert.deepEqual(moveFocus({ row: 0, col: 1 }, 'x', 3, 3), { row: 0, col: 1 });
  });

  it('cuts a passage into text and emphasised mentions', () => {
    const p = { start: 100, end: 140, line: 3, text: 'Samantha laughs; Theodore hears Samantha.', mentions: [{ start: 32, end: 40 }, { start: 0, end: 8 }], cutStart: false, cutEnd: true };
    assert.deepEqual(passageSegments(p), [
      { text: 'Samantha', mention: true },
      { text: ' laughs; Theodore hears ', mention: false },
      { text: 'Samantha', mention: true },
      { text: '.…', mention: false },
    ]);
  });
});

describe('compare webview: state', () => {
  const ready = (): ViewState => reduce(initialState(undefined), { type: 'matrix', message: message() });

  it('starts from saved state, or defaults when there is none or it is broken', () => {
    assert.deepEqual(initialState(undefined), { filters: { kinds: [] }, sort: 'count', focus: { row: 0, col: 0 }, selection: undefined });
    assert.deepEqual(initialState({ bogus: true }).sort, 'count');
    const saved = persisted({ ...ready(), sort: 'name', selection: { kind: 'entity', entityId: 'samantha' }, focus: { row: -1, col: 0 } });
    const back = initialState(JSON.parse(JSON.stringify(saved)));
    assert.deepEqual(back.selection, { kind: 'entity', entityId: 'samantha' });
    assert.equal(back.sort, 'name');
    assert.deepEqual(back.focus, { row: -1, col: 0 });
  });

  it('remembers the film the extension named, across a reload and later matrices that do not name it', () => {
    let s = reduce(initialState(undefined), { type: 'matrix', message: { ...message(), filmUri: 'file:///c/her' } });
    assert.equal(persisted(s).filmUri, 'file:///c/her');
    s = reduce(s, { type: 'matrix', message: message() });
    assert.equal(s.filmUri, 'file:///c/her');
    assert.equal(initialState(JSON.parse(JSON.stringify(persisted(s)))).filmUri, 'file:///c/her');
    assert.equal('filmUri' in persisted(ready()), false, 'nothing saved when no film was named');
  });

  it('Enter on a cell selects it and asks for that critic’s passages; on a heading, every critic’s', () => {
    let s = ready();
    s = reduce(s, { type: 'key', key: 'ArrowRight' });
    s = reduce(s, { type: 'activate' });
    assert.deepEqual(s.selection, { kind: 'cell', reviewUri: 'u/gross.md', entityId: 'theodore' });
    assert.deepEqual(requestFor(s.selection), { type: 'selectCell', reviewUri: 'u/gross.md', entityId: 'theodore' });
    s = reduce(s, { type: 'key', key: 'ArrowUp' });
    s = reduce(s, { type: 'activate' });
    assert.deepEqual(requestFor(s.selection), { type: 'selectEntity', entityId: 'theodore' });
    const before = reduce(s, { type: 'key', key: 'Home' });
    assert.equal(reduce(before, { type: 'activate' }), before, 'a review heading selects nothing');
  });

  it('keeps only the passages that answer the current selection', () => {
    let s = reduce(reduce(ready(), { type: 'focus', focus: { row: -1, col: 0 } }), { type: 'activate' });
    const stale = reduce(s, { type: 'passages', message: { type: 'passages', entityId: 'theodore', columns: [] } });
    assert.equal(stale.passages, undefined, 'an answer for another entity is ignored');
    const cellAnswer = reduce(s, { type: 'passages', message: { type: 'passages', entityId: 'samantha', reviewUri: 'u/blog.md', columns: [] } });
    assert.equal(cellAnswer.passages, undefined, 'an answer for a cell is not one for the entity');
    s = reduce(s, { type: 'passages', message: { type: 'passages', entityId: 'samantha', columns: [] } });
    assert.ok(s.passages);
  });

  it('a new matrix keeps the selection if it still exists and clamps the focus', () => {
    let s = reduce(reduce(ready(), { type: 'focus', focus: { row: 2, col: 2 } }), { type: 'activate' });
    assert.deepEqual(s.selection, { kind: 'cell', reviewUri: 'u/hua.md', entityId: 'loneliness' });
    const fewer: CompareMatrix = { critics: MATRIX.critics, entities: MATRIX.entities.slice(0, 2), counts: MATRIX.counts.map((r) => r.slice(0, 2)) };
    s = reduce(s, { type: 'matrix', message: message(fewer) });
    assert.equal(s.selection, undefined, 'loneliness is filtered out');
    assert.deepEqual(s.focus, { row: 2, col: 1 });
    s = reduce(reduce(s, { type: 'focus', focus: { row: 0, col: 0 } }), { type: 'activate' });
    s = reduce(s, { type: 'matrix', message: message() });
    assert.deepEqual(s.selection, { kind: 'cell', reviewUri: 'u/gross.md', entityId: 'samantha' });
  });

  it('filters and sort change the state the webview saves', () => {
    let s = reduce(ready(), { type: 'setFilter', kinds: ['theme'] });
    s = reduce(s, { type: 'setSort', sort: 'name' });
    assert.deepEqual(persisted(s).filters, { kinds: ['theme'] });
    assert.equal(persisted(s).sort, 'name');
  });
});
