// A FileHost wrapper that runs a hook before every call, like MemoryFileHost.beforeCall, around
// any host — here the real node:fs one, so a test can step in between two of `annotate`'s file
// operations and change the file on disk for real.

import type { CancellationSignal, Displaced, ExpectedFile, FileHost, FileStat, FindFilesOptions, WriteFileOptions } from '../../../src/core/host';

export type HookedOp = 'readFile' | 'writeFile' | 'rename' | 'renameIfUnchanged' | 'delete' | 'stat' | 'readDirectory' | 'findFiles' | 'realUri';

export class HookedHost implements FileHost {
  readonly calls: Array<{ op: HookedOp; uri: string }> = [];
  beforeCall?: (op: HookedOp, uri: string) => void | Promise<void>;
  renameIfUnchanged?: (from: string, to: string, expected: ExpectedFile | undefined) => Promise<boolean | Displaced>;
  realUri?: (uri: string) => Promise<string>;

  constructor(private readonly inner: FileHost) {
    const cas = inner.renameIfUnchanged?.bind(inner);
    if (cas) this.renameIfUnchanged = async (from, to, expected) => (await this.hook('renameIfUnchanged', to), cas(from, to, expected));
    const real = inner.realUri?.bind(inner);
    if (real) this.realUri = async (uri) => (await this.hook('realUri', uri), real(uri));
  }

  get capabilities() {
    return this.inner.capabilities;
  }

  private async hook(op: HookedOp, uri: string): Promise<void> {
    this.calls.push({ op, uri });
    await this.beforeCall?.(op, uri);
  }

  async readFile(uri: string, signal?: CancellationSignal): Promise<Uint8Array> {
    await this.hook('readFile', uri);
    return this.inner.readFile(uri, signal);
  }
  async writeFile(uri: string, data: Uint8Array, options?: WriteFileOptions): Promise<void> {
    await this.hook('writeFile', uri);
    return this.inner.writeFile(uri, data, options);
  }
  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    await this.hook('rename', to);
    return this.inner.rename(from, to, options);
  }
  async delete(uri: string): Promise<void> {
    await this.hook('delete', uri);
    return this.inner.delete(uri);
  }
  async stat(uri: string): Promise<FileStat | undefined> {
    await this.hook('stat', uri);
    return this.inner.stat(uri);
  }
  async readDirectory(uri: string) {
    await this.hook('readDirectory', uri);
    return this.inner.readDirectory(uri);
  }
  async findFiles(base: string, options: FindFilesOptions): Promise<string[]> {
    await this.hook('findFiles', base);
    return this.inner.findFiles(base, options);
  }
}
