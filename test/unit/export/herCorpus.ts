// A copy of the Her corpus with annotations made through the sidecar store, as a person would:
// notes with line breaks, quotes and formula-like text, tags that are lexicon ids and tags that
// are not (with spaces and accents), a passage over a paragraph break with non-breaking spaces,
// passages with and after an emoji, a highlight with nothing said, and links within one review
// and across two. Every sidecar is then written as `marginalia annotate` writes it.

import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SidecarStore } from '../../../src/core/annotations/sidecarStore';
import { exportEntities, exportRootFor, gatherReview } from '../../../src/core/export/gather';
import type { ExportInput, ReviewForExport } from '../../../src/core/export/types';
import type { Lexicon } from '../../../src/core/lexicon/lexicon';
import { parseLexicon } from '../../../src/core/lexicon/parseLexicon';
import { MentionMatcher } from '../../../src/core/mentions/mentionMatcher';
import { fileUri, joinUri } from '../../../src/core/model/uri';
import { readReviewInfo } from '../../../src/core/review';
import { NodeFileHost } from '../../../src/platform/node/nodeFileHost';
import { HER_DIR } from '../fixtures';

export const HER_REVIEWS = ['blog-eyelights-her.md', 'hua-ruonan-a-decade-later.md', 'larb-jessica-gross-becoming-human.md', 'movie-review-her.md', 'poignant-exploration.md'];

export interface Planned {
  review: string;
  /** The passage, found verbatim (the `occurrence`-th time) or given as [from, to) phrases. */
  quote: string | { from: string; to: string };
  tags: string[];
  note: string;
}

export const PLANNED: Planned[] = [
  { review: 'larb-jessica-gross-becoming-human.md', quote: 'the prospect of real love is the scariest of all', tags: ['love', 'thesis'], note: 'The thesis.\nEverything else follows from it.' },
  { review: 'larb-jessica-gross-becoming-human.md', quote: { from: 'The door to feeling opens', to: 'new movie\u00a0Her' }, tags: ['structure'], note: 'Crosses a paragraph break, "quoted", with a comma.' },
  { review: 'blog-eyelights-her.md', quote: 'Was the relationship expiry date a reference to Chungking Express? 🙂', tags: ['mise en scène', 'reference'], note: '=SUM(A1) is text, not a formula' },
  { review: 'blog-eyelights-her.md', quote: 'Just like ‘Eternal Sunshine’ and ‘Cyrano de Bergerac’.', tags: ['comparison'], note: '' },
  { review: 'hua-ruonan-a-decade-later.md', quote: 'a solitary individual within an information cocoon', tags: ['loneliness', 'shanghai'], note: 'The city as an information cocoon.' },
  { review: 'hua-ruonan-a-decade-later.md', quote: 'Samantha admits to communicating with 8,316 people simultaneously', tags: ['samantha'], note: '' },
  { review: 'movie-review-her.md', quote: 'an artificial intelligence operating system', tags: [], note: '' },
  { review: 'poignant-exploration.md', quote: 'Together, they create a romance that feels authentic', tags: ['theodore', 'samantha'], note: 'Compare Hua on the “perfect companion”.' },
];

export interface AnnotatedCorpus {
  /** The folder holding `her/`. */
  root: string;
  her: string;
  host: NodeFileHost;
  lexicon: Lexicon;
  matcher: MentionMatcher;
  reviewUri(name: string): string;
  /** Annotation ids in PLANNED order. */
  ids: string[];
}

export function copyHer(withSidecars = false): { root: string; her: string } {
  const root = mkdtempSync(join(tmpdir(), 'marginalia-interchange-'));
  const her = join(root, 'her');
  cpSync(HER_DIR, her, { recursive: true, filter: (src) => withSidecars || !src.endsWith('.annotations.yaml') });
  return { root, her };
}

export function spanOf(text: string, quote: Planned['quote']): { start: number; end: number } {
  if (typeof quote === 'string') {
    const start = text.indexOf(quote);
    assert.ok(start >= 0, `fixture lacks ${JSON.stringify(quote)}`);
    return { start, end: start + quote.length };
  }
  const start = text.indexOf(quote.from);
  const end = text.indexOf(quote.to, start) + quote.to.length;
  assert.ok(start >= 0 && end > start, `fixture lacks ${JSON.stringify(quote)}`);
  return { start, end };
}

/** Writes every sidecar as `annotate` does (mentions regenerated, annotations re-anchored). */
export async function annotateAll(c: { host: NodeFileHost; matcher: MentionMatcher; reviewUri(name: string): string }, store = new SidecarStore(c.host)): Promise<void> {
  for (const name of HER_REVIEWS) {
    const uri = c.reviewUri(name);
    const text = readFileSync(new URL(uri), 'utf8');
    const outcome = await store.write(uri, text, c.matcher.findMentions(text, { bodyStart: readReviewInfo(uri, text).bodyStart }));
    assert.notEqual(outcome.status, 'failed', JSON.stringify(outcome.errors));
  }
}

/** A fresh annotated copy of the corpus. `source` adds a source URL to the LARB review's front matter. */
export async function annotatedHer(options: { larbSource?: string } = {}): Promise<AnnotatedCorpus> {
  const { root, her } = copyHer();
  if (options.larbSource) {
    const path = join(her, 'larb-jessica-gross-becoming-human.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n/, `\nsource: ${options.larbSource}\n---\n`));
  }
  const host = new NodeFileHost({ blocking: true });
  const lexiconPath = join(her, 'film.yaml');
  const lexicon = parseLexicon(fileUri(lexiconPath), readFileSync(lexiconPath, 'utf8'));
  const matcher = new MentionMatcher(lexicon);
  const herUri = fileUri(her);
  const reviewUri = (name: string) => joinUri(herUri, name);
  let n = 0;
  const store = new SidecarStore(host, { now: () => new Date(Date.UTC(2024, 2, 10, 9, 41, n++)) });
  const ids: string[] = [];
  for (const p of PLANNED) {
    const uri = reviewUri(p.review);
    const text = readFileSync(join(her, p.review), 'utf8');
    ids.push(await store.addAnnotation(uri, text, { ...spanOf(text, p.quote), tags: p.tags, note: p.note }));
  }
  await store.linkAnnotations(reviewUri(PLANNED[0].review), ids[0], reviewUri(PLANNED[1].review), ids[1]);
  await store.linkAnnotations(reviewUri(PLANNED[4].review), ids[4], reviewUri(PLANNED[7].review), ids[7]);
  const corpus = { root, her, host, lexicon, matcher, reviewUri, ids };
  await annotateAll(corpus, store);
  return corpus;
}

/** What the CLI hands an exporter for this corpus. */
export async function exportInputOf(c: AnnotatedCorpus, options: ExportInput['options'] = {}): Promise<ExportInput> {
  const reviews: ReviewForExport[] = [];
  for (const name of HER_REVIEWS) {
    const { review, errors } = await gatherReview(c.host, c.reviewUri(name), exportRootFor(c.lexicon), c.lexicon, c.matcher);
    assert.deepEqual(errors, []);
    reviews.push(review!);
  }
  return { reviews, entities: exportEntities(c.lexicon), options: { generated: '2024-05-01T12:00:00.000Z', label: 'Her (2013)', ...options } };
}
