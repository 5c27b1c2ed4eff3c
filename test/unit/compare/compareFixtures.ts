// The real Her corpus, indexed, as the comparison view's input (what the extension will hand in).
import type { CompareEntityInput, CompareReview } from '../../../src/core/compare';
import { loadCorpus } from '../../../src/core/corpusLoader';
import type { FilmIndex, IndexedReview } from '../../../src/core/mentionIndex';
import { NodeFileHost } from '../../../src/platform/node/nodeFileHost';
import { fileUri } from '../../../src/core/model/uri';
import { HER_DIR, ROOT } from '../fixtures';

export function reviewLabel(review: IndexedReview): string {
  return review.info.critic ? `${review.info.critic} — ${review.info.title}` : review.info.title;
}

export function compareInput(film: FilmIndex): { reviews: CompareReview[]; entities: CompareEntityInput[] } {
  const reviews = film.orderedReviews().map((r) => ({
    uri: r.path,
    label: reviewLabel(r),
    critic: r.info.critic,
    text: r.text,
    mentions: r.mentions,
    bodyStart: r.info.bodyStart,
  }));
  const entities = film.lexicon.entities.map((e) => ({ id: e.id, kind: e.kind, name: e.name }));
  return { reviews, entities };
}

export async function herFilm(): Promise<FilmIndex> {
  const { index } = await loadCorpus(new NodeFileHost({ blocking: true }), fileUri(`${ROOT}/corpus`));
  return index.film(fileUri(HER_DIR))!;
}
