// A small argument parser: the CLI has four commands and a handful of flags, not worth a dependency.

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

/** Flags that take a value; every other known flag is boolean. */
export function parseArgs(argv: string[], valueFlags: string[], booleanFlags: string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (valueFlags.includes(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`option --${name} needs a value`);
        flags.set(name, value);
      } else if (booleanFlags.includes(name) && eq < 0) {
        flags.set(name, true);
      } else {
        throw new UsageError(`unknown option: ${a}`);
      }
    } else if (a.startsWith('-') && a.length > 1) {
      if (a === '-h') flags.set('help', true);
      else throw new UsageError(`unknown option: ${a}`);
    } else if (command === undefined) {
      command = a;
    } else {
      positionals.push(a);
    }
  }
  return { command, positionals, flags };
}
