// Shared by the sidecar-safety tests: a temp copy of the Her corpus, the CLI run in-process or as
// a real process (dist/cli.js), and the stress multiplier (`npm run test:stress` sets
// MARGINALIA_STRESS; counts in these tests are multiplied by it).

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { FileHost } from '../../../src/core/host';
import { NodeFileHost } from '../../../src/platform/node/nodeFileHost';
import { HER_DIR, ROOT } from '../fixtures';

/** 1 in `npm run test:unit`; `npm run test:stress` sets it higher. */
export const STRESS = Math.max(1, Number(process.env.MARGINALIA_STRESS ?? 1));

/** A count for a unit run, multiplied in stress mode. */
export function times(n: number): number {
  return Math.round(n * STRESS);
}

export const CLI_JS = join(ROOT, 'dist/cli.js');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** runCli in this process; node:fs by default. */
export async function cli(args: string[], cwd: string, host: FileHost = new NodeFileHost({ blocking: true })): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), cwd, host });
  return { code, out, err };
}

/** The built CLI as its own process (node esbuild.mjs builds dist/cli.js). */
export function cliProcess(args: string[], cwd: string, timeoutMs = 30_000): CliResult {
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr + (r.signal ? `\n(killed by ${r.signal})` : '') };
}

/** A fresh temp folder. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `marginalia-${label}-`));
}

/** A temp copy of the Her film (lexicon and five reviews, no sidecars) at <root>/her. */
export function herCopy(label: string): { root: string; her: string } {
  const root = tempDir(label);
  const her = join(root, 'her');
  mkdirSync(her);
  for (const f of readdirSync(HER_DIR)) if (!f.endsWith('.annotations.yaml')) cpSync(join(HER_DIR, f), join(her, f));
  return { root, her };
}

/** Sidecar file names in a folder, sorted. */
export function sidecarsIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.annotations.yaml')).sort();
}

/** mulberry32, for reproducible randomness in the battery. */
export { mulberry32 as seeded } from '../random';
