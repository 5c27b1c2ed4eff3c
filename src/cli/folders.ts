// Making a folder from the CLI. The core's FileHost has no createDirectory: VS Code's writeFile
// creates parent folders by itself (and so does the tests' in-memory host), node:fs does not. So
// with the node:fs host the CLI makes the folder with node:fs; other hosts make it on first write.

import { mkdir } from 'node:fs/promises';
import { uriToFsPath } from '../core/model/uri';
import { NodeFileHost } from '../platform/node/nodeFileHost';
import type { CliContext } from './context';

/** True when `dir` is (or will be, on first write) a folder; otherwise reports why not. */
export async function ensureFolder(ctx: CliContext, dir: string, shown: string): Promise<boolean> {
  const stat = await ctx.io.host.stat(dir);
  if (stat?.kind === 'directory') return true;
  if (stat) {
    ctx.error(`${shown}: exists and is not a folder`);
    return false;
  }
  if (ctx.io.host instanceof NodeFileHost) await mkdir(uriToFsPath(dir), { recursive: true });
  return true;
}
