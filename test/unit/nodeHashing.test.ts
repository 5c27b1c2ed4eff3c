// The CLI hashes with Node's crypto (synchronous) instead of Web Crypto: the same digests.
import * as assert from 'node:assert/strict';
import { sha256Hex, useSyncSha256 } from '../../src/core/model/ids';
import { useNodeHashing } from '../../src/platform/node/hashing';

describe('node hashing', () => {
  after(() => useSyncSha256(undefined));

  it('gives Web Crypto’s SHA-256 for empty, small, multi-block and large inputs', async () => {
    const inputs = [0, 1, 55, 56, 64, 65, 1000, 6000, 1 << 20].map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 7919 + n) & 0xff));
    useSyncSha256(undefined);
    const web = await Promise.all(inputs.map((b) => sha256Hex(b)));
    useNodeHashing();
    const node = await Promise.all(inputs.map((b) => sha256Hex(b)));
    assert.deepEqual(node, web);
    assert.equal(node[0], 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
