// The smallest valid film.yaml for a new film: the film entry, empty lists to fill (by hand or
// with `marginalia propose --write`), and a comment saying so.

import { Document } from 'yaml';
import { slugify } from '../import/naming';

export interface NewFilm {
  title: string;
  year?: number;
  /** Entity id of the film; default: the title as a slug ("Past Lives" → "past-lives"). */
  id?: string;
}

export function newLexiconText(film: NewFilm): string {
  const id = film.id ?? (slugify(film.title) || 'film');
  const doc = new Document({
    version: 1,
    film: { id, title: film.title, ...(film.year !== undefined ? { year: film.year } : {}), aliases: [] },
    characters: [],
    people: [],
    themes: [],
  });
  doc.commentBefore =
    ` Lexicon for ${film.title}${film.year !== undefined ? ` (${film.year})` : ''}. Format: docs/lexicon-format.md.\n` +
    ' Add characters, people and themes, or let `marginalia propose FILMDIR --write` suggest them from the reviews.';
  return doc.toString({ lineWidth: 0 });
}
