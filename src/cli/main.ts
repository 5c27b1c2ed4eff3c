// `marginalia`: the engine headless. Output contracts are in ../shared/docs/product.md;
// errors go to stderr with a non-zero exit, and one bad file never stops the others.

import * as nodePath from 'node:path';
import { findLexiconFor, isLexiconPath, discoverFilms } from '../core/corpus';
import { FileProblem, readTextFile } from '../core/corpusLoader';
import type { FileHost } from '../core/host';
import type { Diagnostic, Lexicon } from '../core/lexicon/lexicon';
import { parseLexicon } from '../core/lexicon/parseLexicon';
import { MentionMatcher } from '../core/mentions/mentionMatcher';
import { readReviewInfo, isReviewPath } from '../core/review';
import { LineMap } from '../core/text';
import { parseArgs, UsageError } from './args';
import { NodeFileHost } from './nodeFileHost';
import { runAnnotationCommand } from './annotationCommands';

const USAGE = `Usage: marginalia <command> [options]

Commands:
  entities [PATH | --lexicon FILE] [--json]     list the film's characters, people and themes
  mentions PATH... [--lexicon FILE] [--json]    find every mention in reviews (files or folders)
  annotate PATH... [--lexicon FILE]             write annotation sidecars (re-anchor, regenerate mentions)
  check PATH... [--lexicon FILE]                validate lexicons and sidecars; exit 1 on errors or orphans

PATH is a review (.md, .txt), a folder of reviews, or a film.yaml. Without --lexicon, the nearest
film.yaml above each review is its lexicon.`;

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  host: FileHost;
}

export class CliContext {
  errors = 0;
  private readonly lexicons = new Map<string, Lexicon>();
  constructor(readonly io: CliIO) {}

  abs(p: string): string {
    return nodePath.resolve(this.io.cwd, p).split(nodePath.sep).join('/');
  }

  display(p: string): string {
    const rel = nodePath.relative(this.io.cwd, p);
    return rel && !rel.startsWith('..') && !nodePath.isAbsolute(rel) ? rel.split(nodePath.sep).join('/') : p;
  }

  error(message: string) {
    this.errors++;
    this.io.err(`marginalia: ${message}`);
  }

  diagnostic(d: Diagnostic) {
    if (d.severity === 'error') this.errors++;
    this.io.err(`${this.display(d.file)}:${d.line + 1}:${d.character + 1}: ${d.severity}: ${d.message} [${d.code}]`);
  }

  /** A file's text, or undefined after reporting why it cannot be read. */
  private async readText(path: string): Promise<string | undefined> {
    try {
      return await readTextFile(this.io.host, path);
    } catch (e) {
      this.error(e instanceof FileProblem ? `${this.display(path)}: ${e.message.slice(path.length + 2)}` : String(e));
      return undefined;
    }
  }

  /** Parses a lexicon once, reporting its diagnostics once. */
  async lexicon(path: string): Promise<Lexicon | undefined> {
    const cached = this.lexicons.get(path);
    if (cached) return cached;
    const text = await this.readText(path);
    if (text === undefined) return undefined;
    const lex = parseLexicon(path, text);
    lex.diagnostics.forEach((d) => this.diagnostic(d));
    this.lexicons.set(path, lex);
    return lex;
  }

  /** Expands PATH arguments to review files (folders walked, sorted), reporting missing ones. */
  async reviewPaths(paths: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const p of paths) {
      const abs = this.abs(p);
      const stat = await this.io.host.stat(abs);
      if (!stat) {
        this.error(`${p}: no such file or folder`);
        continue;
      }
      if (stat.kind === 'directory') out.push(...(await walkReviews(this.io.host, abs)));
      else if (isLexiconPath(abs)) continue;
      else out.push(abs);
    }
    return [...new Set(out)];
  }

  private readonly matchers = new Map<Lexicon, MentionMatcher>();

  /** A review's text with its lexicon and matcher; problems are reported and give undefined. */
  async readReview(review: string, explicitLexicon: string | undefined): Promise<{ text: string; lexicon: Lexicon; matcher: MentionMatcher } | undefined> {
    const lexicon = await this.lexiconForReview(review, explicitLexicon);
    if (!lexicon) return undefined;
    const text = await this.readText(review);
    if (text === undefined) return undefined;
    let matcher = this.matchers.get(lexicon);
    if (!matcher) this.matchers.set(lexicon, (matcher = new MentionMatcher(lexicon)));
    return { text, lexicon, matcher };
  }

  async lexiconForReview(review: string, explicit: string | undefined): Promise<Lexicon | undefined> {
    const path = explicit ? this.abs(explicit) : await findLexiconFor(this.io.host, review);
    if (!path) {
      this.error(`${this.display(review)}: no film.yaml above this review; pass --lexicon FILE`);
      return undefined;
    }
    return this.lexicon(path);
  }
}

async function walkReviews(host: FileHost, dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await host.readDirectory(dir)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [name, kind] of entries) {
    const p = `${dir}/${name}`;
    if (kind === 'directory' && !name.startsWith('.') && name !== 'node_modules') out.push(...(await walkReviews(host, p)));
    else if (kind === 'file' && isReviewPath(p)) out.push(p);
  }
  return out;
}

async function entitiesCommand(ctx: CliContext, positionals: string[], lexiconFlag: string | undefined, json: boolean) {
  if (positionals.length > 1) throw new UsageError('entities takes one PATH');
  const lexPaths: string[] = [];
  if (lexiconFlag) lexPaths.push(ctx.abs(lexiconFlag));
  else {
    const target = ctx.abs(positionals[0] ?? '.');
    const stat = await ctx.io.host.stat(target);
    if (!stat) return ctx.error(`${positionals[0] ?? '.'}: no such file or folder`);
    if (stat.kind === 'directory') {
      const films = await discoverFilms(ctx.io.host, target);
      if (films.length > 0) lexPaths.push(...films.map((f) => f.lexiconPath));
      else {
        const above = await findLexiconFor(ctx.io.host, `${target}/x`);
        if (above) lexPaths.push(above);
      }
    } else if (isLexiconPath(target)) lexPaths.push(target);
    else {
      const above = await findLexiconFor(ctx.io.host, target);
      if (above) lexPaths.push(above);
    }
    if (lexPaths.length === 0) return ctx.error(`${positionals[0] ?? '.'}: no film.yaml here or above; pass --lexicon FILE`);
  }
  const entities: Array<Record<string, unknown>> = [];
  const rows: string[][] = [];
  for (const path of lexPaths) {
    const lex = await ctx.lexicon(path);
    if (!lex) continue;
    for (const e of lex.entities) {
      const entry: Record<string, unknown> = { id: e.id, kind: e.kind, name: e.name, aliases: e.aliases };
      if (lexPaths.length > 1) entry.film = lex.film.id;
      if (e.description) entry.description = e.description;
      if (e.playedBy.length) entry.playedBy = e.playedBy;
      if (e.roles.length) entry.roles = e.roles;
      entities.push(entry);
      rows.push([e.kind, e.id, e.name, e.aliases.join(', ')]);
    }
  }
  if (json) ctx.io.out(JSON.stringify({ entities }, null, 2));
  else ctx.io.out(table(['KIND', 'ID', 'NAME', 'ALIASES / TERMS'], rows));
}

async function mentionsCommand(ctx: CliContext, positionals: string[], lexiconFlag: string | undefined, json: boolean) {
  if (positionals.length === 0) throw new UsageError('mentions needs at least one PATH');
  const reviews: Array<{ file: string; mentions: unknown[] }> = [];
  const chunks: string[] = [];
  for (const path of await ctx.reviewPaths(positionals)) {
    const read = await ctx.readReview(path, lexiconFlag);
    if (!read) continue;
    const { text, matcher } = read;
    const info = readReviewInfo(path, text);
    const mentions = matcher.findMentions(text, { bodyStart: info.bodyStart });
    reviews.push({
      file: ctx.display(path),
      mentions: mentions.map((m) => ({ entity: m.entity, kind: m.kind, start: m.start, end: m.end, text: m.text, ...(m.fuzzy ? { fuzzy: m.fuzzy } : {}) })),
    });
    if (!json) {
      const lines = new LineMap(text);
      const rows = mentions.map((m) => {
        const p = lines.positionAt(m.start);
        return [`${p.line + 1}:${p.character + 1}`, m.kind, m.entity, m.text + (m.fuzzy ? `  (read as ${m.fuzzy})` : '')];
      });
      chunks.push(`${ctx.display(path)} — ${mentions.length} mentions\n${table(['LINE:COL', 'KIND', 'ENTITY', 'TEXT'], rows)}`);
    }
  }
  if (json) ctx.io.out(JSON.stringify({ reviews }, null, 2));
  else ctx.io.out(chunks.join('\n\n'));
}

function table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.min(40, Math.max(...all.map((r) => (r[i] ?? '').length))));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const ctx = new CliContext(io);
  try {
    const args = parseArgs(argv, ['lexicon'], ['json', 'help', 'version']);
    if (args.flags.has('help') || args.command === 'help') {
      io.out(USAGE);
      return 0;
    }
    const lexiconFlag = args.flags.get('lexicon') as string | undefined;
    const json = args.flags.has('json');
    switch (args.command) {
      case 'entities':
        await entitiesCommand(ctx, args.positionals, lexiconFlag, json);
        break;
      case 'mentions':
        await mentionsCommand(ctx, args.positionals, lexiconFlag, json);
        break;
      case 'annotate':
      case 'check':
        if (args.positionals.length === 0) throw new UsageError(`${args.command} needs at least one PATH`);
        await runAnnotationCommand(ctx, args.command, args.positionals, lexiconFlag, json);
        break;
      case undefined:
        throw new UsageError('missing command');
      default:
        throw new UsageError(`unknown command: ${args.command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`marginalia: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`marginalia: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return 1;
  }
  return ctx.errors > 0 ? 1 : 0;
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
    cwd: process.cwd(),
    host: new NodeFileHost(),
  }).then((code) => {
    process.exitCode = code;
  });
}
