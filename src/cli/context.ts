// What every CLI command gets: output streams, the file host, path ↔ URI conversion for messages,
// error counting (one bad file never stops the others), and the lexicon/review readers they share.

import * as nodePath from 'node:path';
import { findLexiconFor, isLexiconPath } from '../core/corpus';
import { FileProblem, readTextFile } from '../core/corpusLoader';
import type { FileHost } from '../core/host';
import type { Diagnostic, Lexicon } from '../core/lexicon/lexicon';
import { parseLexicon } from '../core/lexicon/parseLexicon';
import { MentionMatcher } from '../core/mentions/mentionMatcher';
import { listReviewFiles } from '../core/files/reviewFiles';
import { dirnameUri, fileUri, uriToFsPath } from '../core/model/uri';
import { UsageError } from './command';

export interface CliIO {
  /** A line (or lines) of output; a newline is added. */
  out(text: string): void;
  /**
   * Raw output for large results written as they are made (resolves once the chunk is taken, so a
   * slow reader holds the producer back). Without it, chunks are joined and given to out().
   */
  write?(chunk: string): void | Promise<void>;
  err(text: string): void;
  cwd: string;
  host: FileHost;
}

export interface ReadReview {
  text: string;
  lexicon: Lexicon;
  matcher: MentionMatcher;
}

export class CliContext {
  errors = 0;
  private readonly lexicons = new Map<string, Lexicon>();
  private readonly matchers = new Map<Lexicon, MentionMatcher>();

  constructor(readonly io: CliIO) {}

  /** The file URI of a path argument (relative to the working directory). */
  uri(pathArg: string): string {
    return fileUri(nodePath.resolve(this.io.cwd, pathArg));
  }

  /** A URI as a person reads it in a terminal: relative to the working directory when below it. */
  display(uri: string): string {
    const p = uri.startsWith('file:') ? uriToFsPath(uri) : uri;
    if (!uri.startsWith('file:')) return p;
    const rel = nodePath.relative(this.io.cwd, p);
    return rel && !rel.startsWith('..') && !nodePath.isAbsolute(rel) ? rel.split(nodePath.sep).join('/') : p;
  }

  private pending: string[] = [];

  /** Writes part of a large output; `end()` finishes it. */
  async write(chunk: string): Promise<void> {
    if (this.io.write) await this.io.write(chunk);
    else this.pending.push(chunk);
  }

  /** Ends output written with write(), with a final newline. */
  async end(): Promise<void> {
    if (this.io.write) await this.io.write('\n');
    else {
      this.io.out(this.pending.join(''));
      this.pending = [];
    }
  }

  /** Reports a failure; the command goes on with the rest and the exit code becomes 1. */
  error(message: string): void {
    this.errors++;
    this.io.err(`marginalia: ${message}`);
  }

  usage(message: string): never {
    throw new UsageError(message);
  }

  diagnostic(d: Diagnostic): void {
    if (d.severity === 'error') this.errors++;
    this.io.err(`${this.display(d.file)}:${d.line + 1}:${d.character + 1}: ${d.severity}: ${d.message} [${d.code}]`);
  }

  /** A file's text, or undefined after reporting why it cannot be read. */
  async readText(uri: string): Promise<string | undefined> {
    try {
      return await readTextFile(this.io.host, uri);
    } catch (e) {
      this.error(e instanceof FileProblem ? `${this.display(uri)}: ${e.message.slice(e.file.length + 2)}` : String(e));
      return undefined;
    }
  }

  /** Parses a lexicon once, reporting its diagnostics once. */
  async lexicon(uri: string): Promise<Lexicon | undefined> {
    const cached = this.lexicons.get(uri);
    if (cached) return cached;
    const text = await this.readText(uri);
    if (text === undefined) return undefined;
    const lex = parseLexicon(uri, text);
    lex.diagnostics.forEach((d) => this.diagnostic(d));
    this.lexicons.set(uri, lex);
    return lex;
  }

  /** Expands PATH arguments to review URIs (folders walked, sorted), reporting missing ones. */
  async reviewUris(pathArgs: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const p of pathArgs) {
      const uri = this.uri(p);
      const stat = await this.io.host.stat(uri);
      if (!stat) {
        this.error(`${p}: no such file or folder`);
        continue;
      }
      if (stat.kind === 'directory') out.push(...(await this.walkReviews(uri)));
      else if (isLexiconPath(uri)) continue;
      else out.push(uri);
    }
    return [...new Set(out)];
  }

  private async walkReviews(dir: string): Promise<string[]> {
    const { reviews, skipped } = await listReviewFiles(this.io.host, dir);
    for (const s of skipped) this.error(`${this.display(s.uri)}: ${s.reason}`);
    return reviews;
  }

  /** A review's text with its lexicon and matcher; problems are reported and give undefined. */
  async readReview(review: string, lexiconArg: string | undefined): Promise<ReadReview | undefined> {
    const lexicon = await this.lexiconForReview(review, lexiconArg);
    if (!lexicon) return undefined;
    const text = await this.readText(review);
    if (text === undefined) return undefined;
    return { text, lexicon, matcher: this.matcher(lexicon) };
  }

  /** One matcher per lexicon (building one compiles the lexicon's names). */
  matcher(lexicon: Lexicon): MentionMatcher {
    let matcher = this.matchers.get(lexicon);
    if (!matcher) this.matchers.set(lexicon, (matcher = new MentionMatcher(lexicon)));
    return matcher;
  }

  /** The nearest film.yaml per folder, looked up once per folder rather than once per review. */
  private readonly lexiconOfFolder = new Map<string, Promise<string | undefined>>();

  async lexiconForReview(review: string, lexiconArg: string | undefined): Promise<Lexicon | undefined> {
    let uri: string | undefined;
    if (lexiconArg) uri = this.uri(lexiconArg);
    else {
      const folder = dirnameUri(review);
      let found = this.lexiconOfFolder.get(folder);
      if (!found) this.lexiconOfFolder.set(folder, (found = findLexiconFor(this.io.host, review)));
      uri = await found;
    }
    if (!uri) {
      this.error(`${this.display(review)}: no film.yaml above this review; pass --lexicon FILE`);
      return undefined;
    }
    return this.lexicon(uri);
  }
}

/** A plain-text table for terminals. */
export function table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.min(40, Math.max(...all.map((r) => (r[i] ?? '').length))));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n');
}
