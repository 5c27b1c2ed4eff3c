// dist/mergeDriver.js: `marginalia merge-driver` alone (same arguments, output and exit codes, by
// the same runner), for the git merge driver the extension installs (src/extension/extension.node.ts):
// the .vsix ships this small bundle rather than the whole CLI (dist/cli.js, which reaches users
// through npm's `bin`). git runs `node dist/mergeDriver.js merge-driver %O %A %B %P`. The bundle
// holds only this program's Node code; the engine (src/core) is the web bundle's beside it
// (./webBundle.ts, esbuild.mjs).

import type { CliIO } from './context';
import { mergeDriverCommand } from './commands/mergeDriver';
import { runCommands, runProcess } from './run';

/** The commands this program knows. */
export const MERGE_DRIVER_COMMANDS = [mergeDriverCommand];

export function runMergeDriver(argv: string[], io: CliIO): Promise<number> {
  return runCommands(MERGE_DRIVER_COMMANDS, argv, io);
}

if (require.main === module) runProcess(MERGE_DRIVER_COMMANDS);
