// Sets up git in a repository to merge annotation sidecars with `marginalia merge-driver`:
// `*.annotations.yaml merge=marginalia` in the repository's .gitattributes (added once), and
// `merge.marginalia.name` / `.driver` in its git config, calling a Node and the CLI (or the
// extension's dist/mergeDriver.js, the same command alone) by absolute path (so it works without
// `marginalia` on PATH). Shared by `marginalia install-merge-driver` and
// the editor's "Install Git Merge Driver" (Node extension host only: it runs git).

import { execFile } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import * as nodePath from 'node:path';

export const GITATTRIBUTES_LINE = '*.annotations.yaml merge=marginalia';
export const MERGE_DRIVER_NAME = 'Marginalia annotation sidecars (three-way by annotation id)';

export interface MergeDriverRuntime {
  /** The program that runs the CLI: a Node executable, or an Electron one run as Node. */
  executable: string;
  /**
   * The program that runs `merge-driver`: the CLI (dist/cli.js, which the CLI's own
   * install-merge-driver passes), or the merge driver alone (dist/mergeDriver.js, the extension's).
   */
  cli: string;
  /** The executable is Electron (VS Code desktop): it runs as plain Node with ELECTRON_RUN_AS_NODE=1. */
  electron?: boolean;
}

export interface MergeDriverInstalled {
  /** The repository's top folder. */
  top: string;
  attributesFile: string;
  /** False when the line was already there (nothing written to .gitattributes). */
  attributesAdded: boolean;
  /** The command git now runs for sidecars. */
  driver: string;
}

export class NotAGitRepositoryError extends Error {
  constructor(readonly dir: string) {
    super(`${dir}: not inside a git repository`);
  }
}

/** The command line git runs (through `sh -c`) for a sidecar merge. */
export function mergeDriverCommand(runtime: MergeDriverRuntime): string {
  return `${runtime.electron ? 'ELECTRON_RUN_AS_NODE=1 ' : ''}${shellQuote(runtime.executable)} ${shellQuote(runtime.cli)} merge-driver %O %A %B %P`;
}

export async function installMergeDriver(dir: string, runtime: MergeDriverRuntime): Promise<MergeDriverInstalled> {
  let top: string;
  try {
    top = await git(dir, 'rev-parse', '--show-toplevel');
  } catch {
    throw new NotAGitRepositoryError(dir);
  }
  const attributesFile = nodePath.join(top, '.gitattributes');
  const current = await fsp.readFile(attributesFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw e;
  });
  const present = current.split(/\r?\n/).some((l) => /^\*\.annotations\.yaml\s.*\bmerge=marginalia\b/.test(l.trim()));
  if (!present) await fsp.writeFile(attributesFile, current + (current && !current.endsWith('\n') ? '\n' : '') + GITATTRIBUTES_LINE + '\n');
  const driver = mergeDriverCommand(runtime);
  await git(dir, 'config', 'merge.marginalia.name', MERGE_DRIVER_NAME);
  await git(dir, 'config', 'merge.marginalia.driver', driver);
  return { top, attributesFile, attributesAdded: !present, driver };
}

function git(dir: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['-C', dir, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => (error ? reject(new Error(stderr.trim() || error.message)) : resolve(stdout.trim())));
  });
}

/** A word for git's `sh -c`: single-quoted, with ' written as '\''. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
