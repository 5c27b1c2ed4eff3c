// Which review is markdown-it parsing? VS Code's preview calls `md.parse(text, {})` with an empty
// env, so a review is recognised by its text alone: the review's own text for Markdown, the
// escaped Markdown form (txtAsMarkdown) for plain text. Texts are looked up by length first, so a
// render costs one map lookup and at most a few string comparisons, whatever the corpus size.

import { offsetsIntoParsedText, txtAsMarkdown } from '../../../core/reading';
import type { IndexedReview, MentionIndex } from '../../../core/mentionIndex';

/** What markdown-it is given for a review, and how review offsets map into it. */
interface ParsedForm {
  src: string;
  /** Review offset → offset in `src`; absent when `src` is the review's text. */
  toSrc?: (offset: number) => number;
  /** The lengths markdown-it may see: `src.length`, and without the U+2028/U+2029 a preview strips. */
  keys: number[];
}

export interface ParsedReview {
  review: IndexedReview;
  /** Review offset → offset in the text markdown-it was given. */
  toParsed(offset: number): number;
}

const SEPARATORS = /[\u2028\u2029]/g;

export class ParsedReviews {
  /** One form per review version (IndexedReview objects are replaced when the text changes). */
  private readonly forms = new WeakMap<IndexedReview, ParsedForm>();
  private byKey?: Map<number, IndexedReview[]>;

  constructor(private readonly index: MentionIndex) {}

  /** Forget the length table (the corpus changed); forms of unchanged reviews are kept. */
  invalidate(): void {
    this.byKey = undefined;
  }

  /** The parsed form of a review (its text, or for a .txt review its Markdown form). */
  formOf(review: IndexedReview): ParsedForm {
    let form = this.forms.get(review);
    if (!form) {
      const text = review.text;
      if (isPlainText(review.path)) {
        const md = txtAsMarkdown(text);
        form = { src: md.markdown, toSrc: md.toMarkdownOffset, keys: keysOf(md.markdown) };
      } else {
        form = { src: text, keys: keysOf(text) };
      }
      this.forms.set(review, form);
    }
    return form;
  }

  /** The review whose parsed form `src` is (with U+2028/U+2029 removed or not), if any. */
  find(src: string): ParsedReview | undefined {
    for (const review of this.table().get(src.length) ?? []) {
      const form = this.formOf(review);
      const intoSrc = offsetsIntoParsedText(form.src, src);
      if (!intoSrc) continue;
      const toSrc = form.toSrc;
      return { review, toParsed: toSrc ? (o) => intoSrc(toSrc(o)) : intoSrc };
    }
    return undefined;
  }

  private table(): Map<number, IndexedReview[]> {
    if (this.byKey) return this.byKey;
    const table = new Map<number, IndexedReview[]>();
    for (const film of this.index.allFilms()) {
      for (const review of film.reviews.values()) {
        for (const key of this.formOf(review).keys) {
          const list = table.get(key);
          if (list) list.push(review);
          else table.set(key, [review]);
        }
      }
    }
    return (this.byKey = table);
  }
}

export function isPlainText(uri: string): boolean {
  return /\.txt$/i.test(uri);
}

function keysOf(src: string): number[] {
  // indexOf is native and fast; most texts have neither separator.
  if (src.indexOf('\u2028') < 0 && src.indexOf('\u2029') < 0) return [src.length];
  return [src.length, src.replace(SEPARATORS, '').length];
}
