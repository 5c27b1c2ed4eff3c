// The shape of a CLI command: one file per command under commands/, listed in commands/index.ts.

import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  name: string;
  /** The usage line after `marginalia `, e.g. `mentions PATH... [--lexicon FILE] [--json]`. */
  synopsis: string;
  /** What it does, in one line. */
  summary: string;
  options: CliOptions;
  /** Fewer positionals than this is a usage error (exit 2). */
  minPositionals?: number;
  maxPositionals?: number;
  run(ctx: CliContext, args: CliArgs): Promise<void>;
}

export class UsageError extends Error {}

/** A string option's value, if given. */
export function stringOption(args: CliArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}
