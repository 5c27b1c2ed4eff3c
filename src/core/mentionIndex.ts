// The inverted index: entity → mentions across a film's reviews, review → its mentions.
// Updates are per document: a changed review is re-read alone; a lexicon change rebuilds its film.

import { dirnameUri, isUriUnder } from './model/uri';
import type { Entity, Lexicon } from './lexicon/lexicon';
import { MentionMatcher } from './mentions/mentionMatcher';
import type { Mention } from './mentions/types';
import { readReviewInfo, type ReviewInfo } from './review';
import { LineMap } from './text';

/** Where a review's mentions are gathered while it is scanned, reused by every review (then copied to its size). */
const scratch = { starts: new Int32Array(1024), ends: new Int32Array(1024), entityIx: new Uint16Array(1024) };

function growScratch(): void {
  const grow = <T extends Int32Array | Uint16Array>(a: T, make: (n: number) => T): T => {
    const b = make(a.length * 2);
    b.set(a);
    return b;
  };
  scratch.starts = grow(scratch.starts, (n) => new Int32Array(n));
  scratch.ends = grow(scratch.ends, (n) => new Int32Array(n));
  scratch.entityIx = grow(scratch.entityIx, (n) => new Uint16Array(n));
}

/**
 * One review in the index. Mentions are kept in typed arrays (a corpus of 10,000 reviews has a
 * million of them) and turned into objects only when someone asks.
 */
export class IndexedReview {
  /** Mention count per entity id in this review. */
  readonly counts = new Map<string, number>();
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly entityIx: Uint16Array;
  private fuzzy?: Map<number, string>;
  private materialized?: Mention[];
  private lineMap?: LineMap;

  constructor(readonly path: string, readonly film: FilmIndex, readonly info: ReviewInfo, readonly text: string) {
    const perEntity = new Uint32Array(film.lexicon.entities.length);
    let n = 0;
    film.matcher.scan(text, { bodyStart: info.bodyStart }, (ix, start, end, fuzzy) => {
      if (n === scratch.starts.length) growScratch();
      if (fuzzy) (this.fuzzy ??= new Map()).set(n, fuzzy);
      scratch.starts[n] = start;
      scratch.ends[n] = end;
      scratch.entityIx[n] = ix;
      n++;
      perEntity[ix]++;
    });
    this.starts = scratch.starts.slice(0, n);
    this.ends = scratch.ends.slice(0, n);
    this.entityIx = scratch.entityIx.slice(0, n);
    for (let ix = 0; ix < perEntity.length; ix++) if (perEntity[ix] > 0) this.counts.set(film.entityAt(ix).id, perEntity[ix]);
  }

  get mentionCount(): number {
    return this.starts.length;
  }

  private mention(i: number): Mention {
    const entity = this.film.entityAt(this.entityIx[i]);
    const m: Mention = { entity: entity.id, kind: entity.kind, start: this.starts[i], end: this.ends[i], text: this.text.slice(this.starts[i], this.ends[i]) };
    const fuzzy = this.fuzzy?.get(i);
    if (fuzzy) m.fuzzy = fuzzy;
    return m;
  }

  /** Every mention, in text order (built on first use, then kept). */
  get mentions(): Mention[] {
    if (!this.materialized) {
      const out: Mention[] = new Array(this.starts.length);
      for (let i = 0; i < out.length; i++) out[i] = this.mention(i);
      this.materialized = out;
    }
    return this.materialized;
  }

  mentionsOf(entityId: string): Mention[] {
    const ix = this.film.entityIndex(entityId);
    const out: Mention[] = [];
    for (let i = 0; i < this.entityIx.length; i++) if (this.entityIx[i] === ix) out.push(this.mention(i));
    return out;
  }

  firstMentionOf(entityId: string): Mention | undefined {
    const ix = this.film.entityIndex(entityId);
    const i = this.entityIx.indexOf(ix);
    return i >= 0 ? this.mention(i) : undefined;
  }

  /** The mention covering `offset` (inclusive of its end, as a cursor right after a word). */
  mentionAt(offset: number): Mention | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < this.starts[mid]) hi = mid - 1;
      else if (offset > this.ends[mid]) lo = mid + 1;
      else return this.mention(mid);
    }
    return undefined;
  }

  /** Line starts, computed on first use. */
  lines(): LineMap {
    return (this.lineMap ??= new LineMap(this.text));
  }
}

export interface MentionLocation {
  review: IndexedReview;
  mention: Mention;
}

export class FilmIndex {
  readonly matcher: MentionMatcher;
  readonly reviews = new Map<string, IndexedReview>();
  /** entity id → paths of the reviews that mention it, in corpus order; made when first asked, at `version`. */
  private readonly mentioning = new Map<string, { version: number; paths: string[] }>();
  /** entity id → its mentions and reviews, kept as reviews come and go (trees and hovers ask often). */
  private readonly totals = new Map<string, { mentions: number; reviews: number }>();
  /** Bumped whenever a review comes, changes or goes: answers computed at an older one are stale. */
  private version = 0;
  private readonly mostMentioningCache = new Map<string, { version: number; reviews: IndexedReview[] }>();

  private readonly ids = new Map<string, number>();

  constructor(readonly dir: string, readonly lexicon: Lexicon) {
    this.matcher = new MentionMatcher(lexicon);
    lexicon.entities.forEach((e, i) => this.ids.set(e.id, i));
  }

  /** Compact number of an entity, for typed-array storage. */
  entityIndex(id: string): number {
    return this.ids.get(id) ?? 0xffff;
  }

  entityAt(index: number): Entity {
    return this.lexicon.entities[index];
  }

  get lexiconPath(): string {
    return this.lexicon.path;
  }

  private ordered?: IndexedReview[];

  /** Reviews in corpus order (by path); kept until a review changes. */
  orderedReviews(): IndexedReview[] {
    return (this.ordered ??= [...this.reviews.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  }

  entity(id: string): Entity | undefined {
    return this.lexicon.byId.get(id);
  }

  /**
   * The reviews that mention an entity, by path in corpus order. Asked for by hovers, references
   * and trees, far less often than reviews are indexed: one pass over the reviews when first asked
   * after a change is cheaper than keeping a set per entity up to date through every index.
   */
  reviewsMentioning(entityId: string): readonly string[] {
    const cached = this.mentioning.get(entityId);
    if (cached?.version === this.version) return cached.paths;
    const paths: string[] = [];
    for (const r of this.orderedReviews()) if (r.counts.has(entityId)) paths.push(r.path);
    this.mentioning.set(entityId, { version: this.version, paths });
    return paths;
  }

  /** Every mention of an entity, in corpus order then text order. */
  mentionsOf(entityId: string): MentionLocation[] {
    const paths = this.reviewsMentioning(entityId);
    const out: MentionLocation[] = [];
    for (const p of paths) {
      const review = this.reviews.get(p);
      if (!review) continue;
      for (const mention of review.mentionsOf(entityId)) out.push({ review, mention });
    }
    return out;
  }

  totalMentions(entityId: string): { mentions: number; reviews: number } {
    const t = this.totals.get(entityId);
    return t ? { mentions: t.mentions, reviews: t.reviews } : { mentions: 0, reviews: 0 };
  }

  /**
   * The reviews that mention an entity most (ties in corpus order), at most `limit`; when no more
   * than `limit` mention it, all of them in corpus order. One pass over its reviews, no sort of them all.
   */
  mostMentioning(entityId: string, limit: number): IndexedReview[] {
    // Every hover over a name asks this; between edits the answer stands.
    const key = `${limit}:${entityId}`;
    const cached = this.mostMentioningCache.get(key);
    if (cached?.version === this.version) return [...cached.reviews];
    const reviews = this.findMostMentioning(entityId, limit);
    this.mostMentioningCache.set(key, { version: this.version, reviews });
    return [...reviews];
  }

  private findMostMentioning(entityId: string, limit: number): IndexedReview[] {
    const top: IndexedReview[] = [];
    const count = (r: IndexedReview) => r.counts.get(entityId) ?? 0;
    const before = (a: IndexedReview, b: IndexedReview) => count(a) > count(b) || (count(a) === count(b) && a.path < b.path);
    let all = 0;
    for (const path of this.reviewsMentioning(entityId)) {
      const review = this.reviews.get(path);
      if (!review || count(review) === 0) continue;
      all++;
      if (top.length === limit && !before(review, top[limit - 1])) continue;
      let i = Math.min(top.length, limit - 1);
      if (top.length < limit) top.push(review);
      while (i > 0 && before(review, top[i - 1])) {
        top[i] = top[i - 1];
        i--;
      }
      top[i] = review;
    }
    return all <= limit ? top.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) : top;
  }

  setReview(path: string, text: string): IndexedReview {
    this.removeReview(path);
    const info = readReviewInfo(path, text);
    const review = new IndexedReview(path, this, info, text);
    this.reviews.set(path, review);
    this.ordered = undefined;
    this.version++;
    for (const [id, n] of review.counts) {
      const t = this.totals.get(id);
      if (t) {
        t.mentions += n;
        t.reviews++;
      } else this.totals.set(id, { mentions: n, reviews: 1 });
    }
    return review;
  }

  removeReview(path: string): boolean {
    const old = this.reviews.get(path);
    if (!old) return false;
    for (const [id, n] of old.counts) {
      const t = this.totals.get(id)!;
      t.mentions -= n;
      t.reviews--;
    }
    this.reviews.delete(path);
    this.ordered = undefined;
    this.version++;
    return true;
  }
}

/** All films of a workspace. */
export class MentionIndex {
  private readonly films = new Map<string, FilmIndex>();

  allFilms(): FilmIndex[] {
    return [...this.films.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1));
  }

  get filmCount(): number {
    return this.films.size;
  }

  film(dir: string): FilmIndex | undefined {
    return this.films.get(dir);
  }

  /** Installs (or replaces) a film's lexicon; its reviews are kept and re-matched. */
  setLexicon(lexicon: Lexicon): FilmIndex {
    const dir = dirnameUri(lexicon.path);
    const old = this.films.get(dir);
    const film = new FilmIndex(dir, lexicon);
    this.films.set(dir, film);
    if (old) for (const r of old.reviews.values()) film.setReview(r.path, r.text);
    return film;
  }

  /** Installs a film built elsewhere (a load in the background), replacing any in its folder. */
  adoptFilm(film: FilmIndex): void {
    this.films.set(film.dir, film);
  }

  removeFilm(dir: string): void {
    this.films.delete(dir);
  }

  /** The film a review belongs to: the deepest film folder above it. */
  filmFor(path: string): FilmIndex | undefined {
    // With many films, its folders, nearest first, are looked up directly instead of comparing
    // with every film; a path found nowhere that way (an unnormalised URI) is compared with all.
    if (this.films.size > 8) {
      for (let dir = dirnameUri(path), up = dirnameUri(dir); ; dir = up, up = dirnameUri(dir)) {
        const film = this.films.get(dir);
        if (film && isUriUnder(path, film.dir)) return film;
        if (up === dir) break;
      }
    }
    let best: FilmIndex | undefined;
    for (const f of this.films.values()) {
      if (isUriUnder(path, f.dir) && (!best || f.dir.length > best.dir.length)) best = f;
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
    const mention = review?.mentionAt(offset);
    return review && mention ? { review, mention } : undefined;
  }
}

/** The lexicon entry that contains `offset` in film.yaml, for hovers and navigation there. */
export function entityAtLexiconOffset(film: FilmIndex, offset: number): Entity | undefined {
  let best: Entity | undefined;
  for (const e of film.lexicon.entities) {
    if (e.source && e.source.start <= offset && offset <= e.source.end) {
      if (!best || (best.source && e.source.start >= best.source.start)) best = e;
    }
  }
  return best;
}
