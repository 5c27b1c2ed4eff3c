import type { CancellationSignal, Displaced, ExpectedFile, FileHost, FileHostCapabilities, FileKind, FileStat, FindFilesOptions, WriteFileOptions } from '../../core/host';
import { uriScheme } from '../../core/model/uri';

/**
 * Sends each URI to the host for its scheme, the rest to the fallback. findFiles always goes to the
 * fallback (the editor's own search), which applies the user's files.exclude in one round trip.
 */
export class SchemeRoutingHost implements FileHost {
  constructor(
    private readonly fallback: FileHost,
    private readonly byScheme: Record<string, FileHost>,
  ) {}

  /** Atomic only where every host is; writers ask per URI (capabilitiesAt). */
  get capabilities(): FileHostCapabilities {
    return { atomicRename: this.fallback.capabilities.atomicRename && Object.values(this.byScheme).every((h) => h.capabilities.atomicRename) };
  }

  capabilitiesAt(uri: string): FileHostCapabilities {
    return this.hostFor(uri).capabilities;
  }

  hostFor(uri: string): FileHost {
    return this.byScheme[uriScheme(uri)] ?? this.fallback;
  }

  readFile(uri: string, signal?: CancellationSignal): Promise<Uint8Array> {
    return this.hostFor(uri).readFile(uri, signal);
  }
  writeFile(uri: string, data: Uint8Array, options?: WriteFileOptions): Promise<void> {
    return this.hostFor(uri).writeFile(uri, data, options);
  }

  /** Present: the store's compare-and-swap uses it where the URI's host has it, else stat + read. */
  async renameIfUnchanged(from: string, to: string, expected: ExpectedFile | undefined): Promise<boolean | Displaced> {
    const host = this.hostFor(to);
    if (host !== this.hostFor(from)) throw new Error(`cannot rename across file systems: ${from} → ${to}`);
    if (host.renameIfUnchanged) return host.renameIfUnchanged(from, to, expected);
    const stat = await host.stat(to);
    if (expected === undefined ? stat !== undefined : !stat || stat.size !== expected.size || stat.mtime !== expected.mtime) return false;
    if (expected) {
      const now = await host.readFile(to);
      if (now.length !== expected.bytes.length || now.some((b, i) => b !== expected.bytes[i])) return false;
    }
    await host.rename(from, to, { overwrite: true });
    return true;
  }

  realUri(uri: string): Promise<string> {
    const host = this.hostFor(uri);
    return host.realUri ? host.realUri(uri) : Promise.resolve(uri);
  }
  rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    const host = this.hostFor(to);
    if (host !== this.hostFor(from)) throw new Error(`cannot rename across file systems: ${from} → ${to}`);
    return host.rename(from, to, options);
  }
  delete(uri: string): Promise<void> {
    return this.hostFor(uri).delete(uri);
  }
  stat(uri: string): Promise<FileStat | undefined> {
    return this.hostFor(uri).stat(uri);
  }
  readDirectory(uri: string): Promise<Array<[string, FileKind]>> {
    return this.hostFor(uri).readDirectory(uri);
  }
  findFiles(base: string, options: FindFilesOptions): Promise<string[]> {
    return this.fallback.findFiles(base, options);
  }
}
