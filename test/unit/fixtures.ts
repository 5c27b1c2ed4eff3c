import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseLexicon } from '../../src/core/lexicon/parseLexicon';
import type { Lexicon } from '../../src/core/lexicon/lexicon';
import { decodeText } from '../../src/core/text';

/** The repository root: the nearest folder above this file with a package.json (works bundled too). */
export const ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
export const HER_DIR = join(ROOT, 'corpus/her');
export const ARRIVAL_DIR = join(ROOT, 'test/fixtures/films/arrival');
export const GOLD_DIR = join(ROOT, 'test/fixtures/gold');

export function readText(path: string): string {
  return decodeText(readFileSync(path));
}

export function loadLexicon(dir: string): Lexicon {
  const path = join(dir, 'film.yaml');
  return parseLexicon(path, readText(path));
}

export function reviewFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(md|txt)$/.test(f) && !f.endsWith('.gold.md'))
    .sort()
    .map((f) => join(dir, f));
}
