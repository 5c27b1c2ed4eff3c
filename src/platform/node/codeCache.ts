// Loads a CommonJS bundle through V8's code cache. Compiling the extension's 500 KB bundle is most
// of what activation costs in the Node host (~35 ms of ~45 ms, measured with --cpu-prof); with the
// cache V8 made the last time, the functions it had compiled are read back instead.
//
// The cache lives in the extension's global storage (the user's own folder, never a shared temp
// folder: V8 trusts what it deserialises), named after a hash of the bundle and the V8 version, so a
// new bundle or runtime never meets an old cache (V8's own check compares only the source's length
// and its flags). A cache V8 cannot read is rejected (cachedDataRejected) and we compile as usual:
// anything going wrong with the cache only costs the time it would have saved.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { wrap } from 'node:module';

export interface CodeCacheOutcome {
  /** 'hit': compiled from the cache; 'miss': none yet (one is written); 'rejected': V8 refused it (replaced). */
  cache: 'hit' | 'miss' | 'rejected' | 'off';
}

/**
 * Runs `file` as a CommonJS module whose `require` is `requireFn` (the caller's: it resolves
 * `vscode` for this extension), with its compiled code cached in `cacheDir`. The cache is written
 * `writeAfterMs` later, once activation has compiled the functions it needs.
 */
export function requireWithCodeCache<T>(file: string, requireFn: NodeJS.Require, cacheDir: string | undefined, writeAfterMs = 5000): { exports: T; outcome: CodeCacheOutcome } {
  const source = fs.readFileSync(file, 'utf8');
  let cacheFile: string | undefined;
  let cachedData: Buffer | undefined;
  if (cacheDir) {
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 20);
    cacheFile = path.join(cacheDir, `${path.basename(file)}-${hash}-v8-${process.versions.v8}.cache`);
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // none yet
    }
  }
  const script = new vm.Script(wrap(source), { filename: file, cachedData });
  const outcome: CodeCacheOutcome = { cache: !cacheFile ? 'off' : !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit' };
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, requireFn, module, file, path.dirname(file));
  if (cacheFile && outcome.cache !== 'hit') {
    const target = cacheFile;
    setTimeout(() => writeCache(script, target, cacheDir!), writeAfterMs).unref?.();
  }
  return { exports: module.exports, outcome };
}

function writeCache(script: vm.Script, target: string, dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Caches of earlier bundles or runtimes are of no further use.
    for (const name of fs.readdirSync(dir)) if (name.endsWith('.cache') && path.join(dir, name) !== target) fs.rmSync(path.join(dir, name), { force: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, target);
  } catch {
    // A read-only or full disk: no cache, the next activation compiles as this one did.
  }
}
