// The inverted index: entity → mentions across a film's reviews, review → its mentions.
// Updates are per document: a changed review is re-read alone; a lexicon change rebuilds its film.

import { dirname } from './host';
import type { Entity, Lexicon } from './lexicon/lexicon';
import { MentionMatcher } from './mentions/mentionMatcher';
import type { Mention } from './mentions/types';
import { readReviewInfo, type ReviewInfo } from './review';
import { LineMap } from './text';

export interface IndexedReview {
  path: string;
  film: FilmIndex;
  info: ReviewInfo;
  text: string;
  mentions: Mention[];
  /** Mention count per entity id in this review. */
  counts: Map<string, number>;
  /** Line starts, computed on first use. */
  lines(): LineMap;
}

export interface MentionLocation {
  review: IndexedReview;
  mention: Mention;
}

export class FilmIndex {
  readonly matcher: MentionMatcher;
  readonly reviews = new Map<string, IndexedReview>();
  /** entity id → reviews that mention it. */
  readonly byEntity = new Map<string, Set<string>>();

  constructor(readonly dir: string, readonly lexicon: Lexicon) {
    this.matcher = new MentionMatcher(lexicon);
  }

  get lexiconPath(): string {
    return this.lexicon.path;
  }

  /** Reviews in corpus order (by path). */
  orderedReviews(): IndexedReview[] {
    return [...this.reviews.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  entity(id: string): Entity | undefined {
    return this.lexicon.byId.get(id);
  }

  /** Every mention of an entity, in corpus order then text order. */
  mentionsOf(entityId: string): MentionLocation[] {
    const paths = [...(this.byEntity.get(entityId) ?? [])].sort();
    const out: MentionLocation[] = [];
    for (const p of paths) {
      const review = this.reviews.get(p);
      if (!review) continue;
      for (const mention of review.mentions) if (mention.entity === entityId) out.push({ review, mention });
    }
    return out;
  }

  totalMentions(entityId: string): { mentions: number; reviews: number } {
    let mentions = 0;
    let reviews = 0;
    for (const p of this.byEntity.get(entityId) ?? []) {
      const n = this.reviews.get(p)?.counts.get(entityId) ?? 0;
      if (n > 0) {
        mentions += n;
        reviews++;
      }
    }
    return { mentions, reviews };
  }

  setReview(path: string, text: string): IndexedReview {
    this.removeReview(path);
    const info = readReviewInfo(path, text);
    const mentions = this.matcher.findMentions(text, { bodyStart: info.bodyStart });
    const counts = new Map<string, number>();
    for (const m of mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    let lineMap: LineMap | undefined;
    const review: IndexedReview = { path, film: this, info, text, mentions, counts, lines: () => (lineMap ??= new LineMap(text)) };
    this.reviews.set(path, review);
    for (const id of counts.keys()) {
      let set = this.byEntity.get(id);
      if (!set) this.byEntity.set(id, (set = new Set()));
      set.add(path);
    }
    return review;
  }

  removeReview(path: string): boolean {
    const old = this.reviews.get(path);
    if (!old) return false;
    for (const id of old.counts.keys()) this.byEntity.get(id)?.delete(path);
    this.reviews.delete(path);
    return true;
  }
}

/** All films of a workspace. */
export class MentionIndex {
  private readonly films = new Map<string, FilmIndex>();

  allFilms(): FilmIndex[] {
    return [...this.films.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1));
  }

  film(dir: string): FilmIndex | undefined {
    return this.films.get(dir);
  }

  /** Installs (or replaces) a film's lexicon; its reviews are kept and re-matched. */
  setLexicon(lexicon: Lexicon): FilmIndex {
    const dir = dirname(lexicon.path);
    const old = this.films.get(dir);
    const film = new FilmIndex(dir, lexicon);
    this.films.set(dir, film);
    if (old) for (const r of old.reviews.values()) film.setReview(r.path, r.text);
    return film;
  }

  removeFilm(dir: string): void {
    this.films.delete(dir);
  }

  /** The film a review belongs to: the deepest film folder above it. */
  filmFor(path: string): FilmIndex | undefined {
    let best: FilmIndex | undefined;
    for (const f of this.films.values()) {
      if (path.startsWith(f.dir + '/') && (!best || f.dir.length > best.dir.length)) best = f;
    }
    return best;
  }

  review(path: string): IndexedReview | undefined {
    return this.filmFor(path)?.reviews.get(path);
  }

  setReview(path: string, text: string): IndexedReview | undefined {
    return this.filmFor(path)?.setReview(path, text);
  }

  removeReview(path: string): boolean {
    return this.filmFor(path)?.removeReview(path) ?? false;
  }

  /** The mention covering `offset` in a review (inclusive of its end, as a cursor after a word). */
  mentionAt(path: string, offset: number): { review: IndexedReview; mention: Mention } | undefined {
    const review = this.review(path);
    if (!review) return undefined;
    const ms = review.mentions;
    let lo = 0;
    let hi = ms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = ms[mid];
      if (offset < m.start) hi = mid - 1;
      else if (offset > m.end) lo = mid + 1;
      else return { review, mention: m };
    }
    return undefined;
  }
}

/** The lexicon entry that contains `offset` in film.yaml, for hovers and navigation there. */
export function entityAtLexiconOffset(film: FilmIndex, offset: number) {
  let best: import('./lexicon/lexicon').Entity | undefined;
  for (const e of film.lexicon.entities) {
    if (e.source && e.source.start <= offset && offset <= e.source.end) {
      if (!best || (best.source && e.source.start >= best.source.start)) best = e;
    }
  }
  return best;
}
