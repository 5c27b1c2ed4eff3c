// Node's own SHA-256 for the core's hashes (synchronous: no worker-thread round trip per hash).
import { createHash } from 'node:crypto';
import { useSyncSha256 } from '../../core/model/ids';

export function nodeSha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function useNodeHashing(): void {
  useSyncSha256(nodeSha256);
}
