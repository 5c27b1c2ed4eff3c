// `marginalia`: the engine headless. Output contracts are in ../shared/docs/product.md; errors go
// to stderr with a non-zero exit (1: something failed, the rest still processed; 2: usage), and
// one bad file never stops the others (the runner is ./run.ts).

import { COMMANDS } from './commands';
import type { CliIO } from './context';
import { runCommands, runProcess } from './run';

export type { CliIO } from './context';

export function runCli(argv: string[], io: CliIO): Promise<number> {
  return runCommands(COMMANDS, argv, io);
}

if (require.main === module) runProcess(COMMANDS);
