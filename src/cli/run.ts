// Running CLI commands: argument parsing, usage, exit codes. Shared by the whole CLI (main.ts,
// dist/cli.js) and the merge driver alone (mergeDriverMain.ts, dist/mergeDriver.js), which is the
// same runner with one command. Errors go to stderr with a non-zero exit (1: something failed, the
// rest still processed; 2: usage), and one bad file never stops the others.

import { parseArgs } from 'node:util';
import { useNodeHashing } from '../platform/node/hashing';
import { NodeFileHost } from '../platform/node/nodeFileHost';
import { type CliCommand, UsageError } from './command';
import { CliContext, type CliIO } from './context';

function usage(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.synopsis.length));
  return `Usage: marginalia <command> [options]

Commands:
${commands.map((c) => `  ${c.synopsis.padEnd(width)}  ${c.summary}`).join('\n')}

PATH is a review (.md, .txt), a folder of reviews, or a film.yaml. Without --lexicon, the nearest
film.yaml above each review is its lexicon. \`marginalia <command> --help\` shows one command.`;
}

function parse(command: CliCommand, argv: string[]) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e));
  }
}

/** Runs `<command> [options]` (argv without node and the script) among `commands`; resolves to the exit code. */
export async function runCommands(commands: CliCommand[], argv: string[], io: CliIO): Promise<number> {
  const ctx = new CliContext(io);
  const [name, ...rest] = argv;
  try {
    if (name === undefined) throw new UsageError('missing command');
    if (name === 'help' || name === '--help' || name === '-h') {
      io.out(usage(commands));
      return 0;
    }
    const command = commands.find((c) => c.name === name);
    if (!command) throw new UsageError(name.startsWith('-') ? `unknown option: ${name}` : `unknown command: ${name}`);
    const args = parse(command, rest);
    if (args.values.help) {
      io.out(`Usage: marginalia ${command.synopsis}\n\n${command.summary}`);
      return 0;
    }
    const n = args.positionals.length;
    if (n < (command.minPositionals ?? 0)) throw new UsageError(`${command.name} needs at least ${command.minPositionals === 1 ? 'one PATH' : `${command.minPositionals} arguments`}`);
    if (command.maxPositionals !== undefined && n > command.maxPositionals) throw new UsageError(`${command.name} takes at most ${command.maxPositionals === 1 ? 'one PATH' : `${command.maxPositionals} arguments`}`);
    await command.run(ctx, args);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`marginalia: ${e.message}\n\n${usage(commands)}`);
      return 2;
    }
    io.err(`marginalia: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
  return ctx.errors > 0 ? 1 : 0;
}

/** Runs the process's arguments among `commands` on node:fs and the process's streams; sets the exit code. */
export function runProcess(commands: CliCommand[]): void {
  useNodeHashing();
  // Lines are gathered and written in blocks: one write per line of a 10,000-review run cost more
  // than reading its sidecars. Gathered lines go out before any error line, and at the end.
  let lines: string[] = [];
  let size = 0;
  const flush = () => {
    if (lines.length === 0) return;
    process.stdout.write(lines.join(''));
    lines = [];
    size = 0;
  };
  runCommands(commands, process.argv.slice(2), {
    out: (t) => {
      lines.push(t + '\n');
      size += t.length + 1;
      if (size >= 1 << 16) flush();
    },
    write: (chunk) => {
      flush();
      return process.stdout.write(chunk) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
    },
    err: (t) => {
      flush();
      process.stderr.write(t + '\n');
    },
    cwd: process.cwd(),
    host: new NodeFileHost({ blocking: true }),
  }).then(
    (code) => {
      flush();
      process.exitCode = code;
    },
    (e) => {
      flush();
      throw e;
    },
  );
}
