// Makes synthetic corpora of N reviews (~6 KB each) from the real corpus's own sentences, so the
// mention density matches real criticism. Deterministic for a given N.

import { mkdirSync, copyFileSync, existsSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readReviewInfo } from '../src/core/review';
import { readText } from '../test/unit/fixtures';
import { mulberry32 } from '../test/unit/random';


export function corpusSentences(filmDir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(filmDir).filter((n) => n.endsWith('.md')).sort()) {
    const text = readText(join(filmDir, f));
    const body = text.slice(readReviewInfo(f, text).bodyStart);
    for (const para of body.split(/\n\s*\n/)) {
      if (para.startsWith('#')) continue;
      out.push(...(para.match(/[^.!?]+[.!?]+[”"’]?\s*/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 20));
    }
  }
  return out;
}

/** Writes `count` reviews plus the film's lexicon into dir/film; returns the film folder. */
export function generateCorpus(dir: string, count: number, filmDir: string, reviewBytes = 6000, seed = count): string {
  const film = join(dir, 'film');
  if (existsSync(join(film, 'DONE'))) return film;
  mkdirSync(film, { recursive: true });
  copyFileSync(join(filmDir, 'film.yaml'), join(film, 'film.yaml'));
  const sentences = corpusSentences(filmDir);
  const rand = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    let body = `---\ntitle: Synthetic review ${i}\ncritic: Critic ${i % 97}\n---\n`;
    let para = '';
    while (body.length + para.length < reviewBytes) {
      para += sentences[Math.floor(rand() * sentences.length)] + ' ';
      if (rand() < 0.2) {
        body += para.trim() + '\n\n';
        para = '';
      }
    }
    body += para.trim() + '\n';
    writeFileSync(join(film, `review-${String(i).padStart(5, '0')}.md`), body);
  }
  writeFileSync(join(film, 'DONE'), '');
  return film;
}

/**
 * A corpus of `films` film folders (dir/f000/film …) of `perFilm` reviews each, every film with its
 * own copy of the lexicon and its own reviews; returns dir.
 */
export function generateFilms(dir: string, films: number, perFilm: number, filmDir: string): string {
  if (existsSync(join(dir, 'DONE'))) return dir;
  for (let f = 0; f < films; f++) generateCorpus(join(dir, `f${String(f).padStart(3, '0')}`), perFilm, filmDir, 6000, 1_000_003 * (f + 1));
  writeFileSync(join(dir, 'DONE'), '');
  return dir;
}
