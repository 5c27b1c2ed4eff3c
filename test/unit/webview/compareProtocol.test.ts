import * as assert from 'node:assert/strict';
import { isWebviewMessage, readPersistedState } from '../../../src/webview/compare/protocol';

describe('compare webview protocol: every message from the webview is validated', () => {
  const good: unknown[] = [
    { type: 'ready' },
    { type: 'copyCsv' },
    { type: 'selectCell', reviewUri: 'file:///c/her/a.md', entityId: 'samantha' },
    { type: 'selectEntity', entityId: 'samantha' },
    { type: 'open', uri: 'file:///c/her/a.md', start: 10, end: 18 },
    { type: 'open', uri: 'file:///c/her/a.md', start: 0, end: 0 },
    { type: 'setFilter', kinds: [] },
    { type: 'setFilter', kinds: ['character', 'theme'] },
    { type: 'setSort', sort: 'name' },
    { type: 'setSort', sort: 'count' },
  ];
  for (const m of good) it(`accepts ${JSON.stringify(m)}`, () => assert.equal(isWebviewMessage(m), true));

  const bad: Array<[string, unknown]> = [
    ['null', null],
    ['a string', 'ready'],
    ['a number', 7],
    ['an array', [{ type: 'ready' }]],
    ['no type', {}],
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
    ['a type of the wrong case', { type: 'Ready' }],
    ['an extra field', { type: 'ready', command: 'x' }],
    ['an extra field on open', { type: 'open', uri: 'a', start: 1, end: 2, command: 'x' }],
    ['selectCell without entity', { type: 'selectCell', reviewUri: 'a' }],
    ['selectCell with a number uri', { type: 'selectCell', reviewUri: 5, entityId: 'x' }],
    ['selectEntity with an empty id', { type: 'selectEntity', entityId: '' }],
    ['selectEntity with a huge id', { type: 'selectEntity', entityId: 'x'.repeat(5000) }],
    ['open with negative start', { type: 'open', uri: 'a', start: -1, end: 2 }],
    ['open with start after end', { type: 'open', uri: 'a', start: 5, end: 2 }],
    ['open with a fraction', { type: 'open', uri: 'a', start: 1.5, end: 2 }],
    ['open with NaN', { type: 'open', uri: 'a', start: NaN, end: 2 }],
    ['open with Infinity', { type: 'open', uri: 'a', start: 0, end: Infinity }],
    ['open with string offsets', { type: 'open', uri: 'a', start: '1', end: '2' }],
    ['open without uri', { type: 'open', start: 1, end: 2 }],
    ['setFilter with an unknown kind', { type: 'setFilter', kinds: ['character', 'villain'] }],
    ['setFilter with duplicates', { type: 'setFilter', kinds: ['theme', 'theme'] }],
    ['setFilter with a string', { type: 'setFilter', kinds: 'theme' }],
    ['setFilter with too many', { type: 'setFilter', kinds: ['character', 'person', 'theme', 'film', 'film'] }],
    ['setSort with another order', { type: 'setSort', sort: 'random' }],
    ['a class instance', new (class { type = 'ready'; })()],
    ['an object with a prototype', Object.create({ type: 'ready' })],
  ];
  for (const [what, m] of bad) it(`rejects ${what}`, () => assert.equal(isWebviewMessage(m), false));

  it('rejects a message whose type is inherited through __proto__', () => {
    assert.equal(isWebviewMessage(JSON.parse('{"__proto__": {"type": "ready"}}')), false);
  });
});

describe('compare webview: persisted state', () => {
  it('reads back what the webview saved, and nothing malformed', () => {
    const saved = { version: 1, filters: { kinds: ['theme'] }, sort: 'name', focus: { row: 2, col: 3 }, selection: { kind: 'cell', reviewUri: 'u', entityId: 'samantha' } };
    assert.deepEqual(readPersistedState(JSON.parse(JSON.stringify(saved))), saved);
    assert.equal(readPersistedState(undefined), undefined);
    assert.equal(readPersistedState({ ...saved, version: 2 }), undefined);
    assert.equal(readPersistedState({ ...saved, sort: 'x' }), undefined);
    assert.equal(readPersistedState({ ...saved, filters: { kinds: ['villain'] } }), undefined);
    assert.equal(readPersistedState({ ...saved, focus: { row: -5, col: 0 } }), undefined);
    assert.deepEqual(readPersistedState({ ...saved, selection: { kind: 'cell', entityId: 'x' } })?.selection, undefined, 'a broken selection is dropped');
  });

  it('keeps the film shown (its folder URI), so the extension restores the same film after a reload', () => {
    const saved = { version: 1, filters: { kinds: [] }, sort: 'count', focus: { row: 0, col: 0 }, filmUri: 'file:///c/films/her' };
    assert.equal(readPersistedState(JSON.parse(JSON.stringify(saved)))?.filmUri, 'file:///c/films/her');
    for (const filmUri of [3, '', 'x'.repeat(5000), { path: '/x' }]) assert.equal(readPersistedState({ ...saved, filmUri })?.filmUri, undefined, JSON.stringify(filmUri));
  });
});
