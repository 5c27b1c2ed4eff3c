// The comparison's input, from the index: one row per review (named as everywhere else), one column
// per lexicon entity.
import type { FilmIndex } from '../mentionIndex';
import { reviewLabel } from '../review';
import type { CompareEntityInput, CompareReview } from './matrix';

export function compareInput(film: FilmIndex): { reviews: CompareReview[]; entities: CompareEntityInput[] } {
  const reviews = film.orderedReviews().map((r) => ({
    uri: r.path,
    label: reviewLabel(r.info, film.lexicon.film.title),
    critic: r.info.critic,
    text: r.text,
    mentions: r.mentions,
    bodyStart: r.info.bodyStart,
  }));
  const entities = film.lexicon.entities.map((e) => ({ id: e.id, kind: e.kind, name: e.name }));
  return { reviews, entities };
}
