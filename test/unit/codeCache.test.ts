// The Node host's bundle loader: V8's code cache written once, used the next time, and a cache
// that does not fit (another bundle, a damaged file) only costs a normal compile. Each load runs in
// a process of its own, as each start of the extension host does (V8 keeps compiled scripts per
// process, so a second load in one process would never read the cache).

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOADER = join(__dirname, 'codeCacheLoad.js');

describe('code cache for the Node bundle', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'marginalia-code-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const bundle = (body: string) => {
    const file = join(dir, 'bundle.js');
    writeFileSync(file, body);
    return file;
  };
  const load = (file: string, cache = join(dir, 'cache')) => JSON.parse(execFileSync(process.execPath, [LOADER, file, cache], { encoding: 'utf8' })) as { outcome: string; exports: Record<string, unknown> };
  const cacheFiles = () => readdirSync(join(dir, 'cache')).filter((f) => f.endsWith('.cache'));

  it('compiles without a cache, writes one, and compiles from it the next time', () => {
    const file = bundle(`const os = require('node:os'); exports.eol = os.EOL; exports.self = __filename; exports.answer = (function () { return 6 * 7; })();`);
    const first = load(file);
    assert.equal(first.outcome, 'miss');
    assert.deepEqual(first.exports, { eol: '\n', self: file, answer: 42 }, 'the given require resolves modules; __filename is the bundle');
    assert.equal(cacheFiles().length, 1);
    const second = load(file);
    assert.equal(second.outcome, 'hit');
    assert.equal(second.exports.answer, 42);
  });

  it('a damaged cache is rejected by V8 and replaced; a changed bundle of the same length gets a cache of its own', () => {
    const file = bundle(`exports.n = 1;`);
    load(file);
    const [name] = cacheFiles();
    writeFileSync(join(dir, 'cache', name), Buffer.from('not a V8 code cache at all, but in its place'));
    const damaged = load(file);
    assert.equal(damaged.outcome, 'rejected');
    assert.equal(damaged.exports.n, 1);
    assert.equal(load(file).outcome, 'hit', 'replaced by a good one');

    // V8 itself would take the old cache for this source (it compares lengths): the name must not.
    writeFileSync(file, `exports.n = 2;`);
    const changed = load(file);
    assert.equal(changed.outcome, 'miss');
    assert.equal(changed.exports.n, 2);
    assert.equal(cacheFiles().length, 1, 'the old bundle’s cache is removed');
    assert.equal(load(file).exports.n, 2);
  });

  it('without a place for the cache, or with one it cannot write, the bundle still loads', () => {
    const file = bundle(`exports.ok = true;`);
    assert.deepEqual(load(file, ''), { outcome: 'off', exports: { ok: true } });
    writeFileSync(join(dir, 'not-a-folder'), '');
    assert.deepEqual(load(file, join(dir, 'not-a-folder', 'cache')), { outcome: 'miss', exports: { ok: true } });
    assert.deepEqual(load(file, join(dir, 'not-a-folder', 'cache')).outcome, 'miss');
  });
});
