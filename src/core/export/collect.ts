// What an export needs, gathered for many reviews at once, and where its files go: shared by
// `marginalia export` and the editor's Export Annotations command, which differ only in how they
// find the reviews and their lexicons (PATH arguments and film.yaml lookups, or the editor's index)
// and in how they talk to the person (terminal lines, or notifications and the output channel).

import type { SidecarError } from '../annotations/model';
import { sidecarUriFor } from '../annotations/sidecarFormat';
import { LEXICON_FILE } from '../corpus';
import { type CancellationSignal, throwIfCancelled } from '../host';
import type { FileHost } from '../host';
import type { Lexicon } from '../lexicon/lexicon';
import type { MentionMatcher } from '../mentions/mentionMatcher';
import { isUriUnder, joinUri } from '../model/uri';
import { isReviewPath } from '../review';
import { exportEntities, exportRootFor, gatherReview } from './gather';
import type { ExportedFile, ExportEntity, ExportInput, ExportOptions, ReviewForExport } from './types';

export interface ExportSource {
  uri: string;
  lexicon: Lexicon;
  /** Given when the engine's mentions are to be exported (found afresh in the review's text). */
  matcher?: MentionMatcher;
}

export interface CollectedExport {
  reviews: ReviewForExport[];
  entities: ExportEntity[];
  /** The films' titles, for the export's label. */
  label: string;
  /** Reviews left out because they or their sidecars could not be read, with why (positioned where possible). */
  skipped: Array<{ review: string; errors: SidecarError[] }>;
}

export interface CollectOptions {
  signal?: CancellationSignal;
  /** After each review: how many are done of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** Reads every review with its sidecar (and mentions); a review that cannot be read is reported, not skipped silently. */
export async function collectForExport(host: FileHost, sources: readonly ExportSource[], options: CollectOptions = {}): Promise<CollectedExport> {
  const reviews: ReviewForExport[] = [];
  const entities = new Map<string, ExportEntity>();
  const films = new Set<string>();
  const skipped: CollectedExport['skipped'] = [];
  for (const [i, source] of sources.entries()) {
    throwIfCancelled(options.signal);
    const gathered = await gatherReview(host, source.uri, exportRootFor(source.lexicon), source.lexicon, source.matcher);
    if (gathered.errors.length > 0) skipped.push({ review: source.uri, errors: gathered.errors });
    if (gathered.review) {
      reviews.push(gathered.review);
      films.add(source.lexicon.film.title || source.lexicon.film.id);
      for (const e of exportEntities(source.lexicon)) entities.set(`${e.film}\u0000${e.id}`, e);
    }
    options.onProgress?.(i + 1, sources.length);
  }
  return { reviews, entities: [...entities.values()], label: [...films].join(', ') || 'Marginalia export', skipped };
}

/** The exporter's input for what was collected. */
export function exportInputOf(collected: CollectedExport, options: ExportOptions): ExportInput {
  return { reviews: collected.reviews, entities: collected.entities, options: { label: collected.label, ...options } };
}

/** How much went out, for the summary line. */
export function exportCounts(reviews: readonly ReviewForExport[], withMentions: boolean): { reviews: number; annotations: number; mentions: number } {
  return {
    reviews: reviews.length,
    annotations: reviews.reduce((n, r) => n + r.annotations.length, 0),
    mentions: withMentions ? reviews.reduce((n, r) => n + (r.mentions?.length ?? 0), 0) : 0,
  };
}

export interface PlacedFile {
  uri: string;
  file: ExportedFile;
}

/** Where each exported file goes: into the folder `out` under its own name, or (one file) at `out` itself. */
export function placeExportFiles(files: readonly ExportedFile[], out: string, intoFolder: boolean): PlacedFile[] {
  if (!intoFolder && files.length !== 1) throw new Error(`${files.length} files cannot be written to one file; give a folder`);
  return files.map((file) => ({ uri: intoFolder ? joinUri(out, ...file.name.split('/')) : out, file }));
}

/**
 * Targets an export must not write: a review, its sidecar or a lexicon of the corpus (brat's
 * `.txt` copy of a `.txt` review has the review's own name), and a review-like file (`.txt`,
 * `.md`) inside a film's folder, which the corpus would then read as one more review. Each comes
 * with the reason, for the message.
 */
export function refusedExportTargets(targets: readonly string[], corpus: { reviews: readonly string[]; filmDirs: readonly string[] }): Array<{ uri: string; reason: string }> {
  const own = new Map<string, string>();
  for (const r of corpus.reviews) {
    own.set(r, 'it is a review of the corpus');
    own.set(sidecarUriFor(r), 'it is an annotation sidecar of the corpus');
  }
  for (const d of corpus.filmDirs) own.set(joinUri(d, LEXICON_FILE), 'it is a film’s lexicon');
  const refused: Array<{ uri: string; reason: string }> = [];
  for (const uri of targets) {
    const reason = own.get(uri);
    const film = corpus.filmDirs.find((d) => isUriUnder(uri, d));
    if (reason) refused.push({ uri, reason });
    else if (film && isReviewPath(uri)) refused.push({ uri, reason: 'it is inside a film’s folder, where the corpus would read it as another review' });
  }
  return refused;
}
