// Random ids and hashes from the Web Crypto API, which Node 20, browsers and web workers all have.

/** `n` random hex digits. */
export function randomHex(n: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(Math.ceil(n / 2)));
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s.slice(0, n);
}

/** Six hex digits starting with a letter, so YAML never reads an id as a number. */
export function newAnnotationId(): string {
  const letter = 'abcdef'[crypto.getRandomValues(new Uint8Array(1))[0] % 6];
  return letter + randomHex(5);
}

/** A synchronous SHA-256 the platform offers (Node's crypto), set by its entry point. */
let syncSha256: ((data: Uint8Array) => string) | undefined;

/**
 * Hashes with `hash` from now on. Web Crypto's digest is asynchronous: each call waits for a
 * worker thread, and `marginalia annotate` hashes two files per review one after the other
 * (a second run on 10,000 reviews spent a third of its time waiting on them).
 */
export function useSyncSha256(hash: ((data: Uint8Array) => string) | undefined): void {
  syncSha256 = hash;
}

/** Hex SHA-256 of bytes. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  if (syncSha256) return syncSha256(data);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  let s = '';
  for (const b of digest) s += b.toString(16).padStart(2, '0');
  return s;
}
