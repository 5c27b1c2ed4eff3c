// The reviews an import may go to, as planImport sees them, and the text and mentions writeImport
// writes with: shared by `marginalia import-annotations` (reviews read from disk) and the editor's
// Import Annotations command (the live text of the editor's index, unsaved edits included, so the
// sidecar is anchored against what the reader sees, as every other annotation edit in the editor).

import type { SidecarError } from '../../annotations/model';
import type { SidecarStore } from '../../annotations/sidecarStore';
import { parseFrontMatter } from '../../frontMatter';
import type { Lexicon } from '../../lexicon/lexicon';
import type { Mention } from '../../mentions/types';
import { exportRootFor, relativeNameOf, sourceUrlOf } from '../gather';
import type { ImportCandidate, ImportPlan, ImportStatus } from './planImport';

export interface ImportTargetReview {
  uri: string;
  lexicon: Lexicon;
  /** The review's text, BOM dropped. */
  text: string;
  /** Its mentions in that text, written to the sidecar with the imported annotations. */
  mentions: readonly Mention[];
}

export interface GatheredCandidates {
  candidates: ImportCandidate[];
  reviews: Map<string, { text: string; mentions: readonly Mention[] }>;
  /** Sidecars that do not parse: their reviews take no imports (a broken sidecar is never written). */
  errors: SidecarError[];
}

export async function gatherImportCandidates(store: SidecarStore, targets: readonly ImportTargetReview[]): Promise<GatheredCandidates> {
  const out: GatheredCandidates = { candidates: [], reviews: new Map(), errors: [] };
  for (const t of targets) {
    const { sidecar, errors } = await store.load(t.uri);
    if (errors.length > 0) {
      out.errors.push(...errors);
      continue;
    }
    const source = t.uri.toLowerCase().endsWith('.txt') ? undefined : sourceUrlOf(parseFrontMatter(t.text).data);
    out.candidates.push({ uri: t.uri, relativeName: relativeNameOf(exportRootFor(t.lexicon), t.uri), text: t.text, ...(source ? { source } : {}), annotations: sidecar?.annotations ?? [] });
    out.reviews.set(t.uri, { text: t.text, mentions: t.mentions });
  }
  return out;
}

export type ImportCounts = Record<ImportStatus, number>;

export function importCounts(plan: ImportPlan): ImportCounts {
  const counts: ImportCounts = { imported: 0, duplicate: 0, ambiguous: 0, unmatched: 0, skipped: 0 };
  for (const e of plan.entries) counts[e.status]++;
  return counts;
}

/** `imported 6, duplicate 0, ambiguous 2, unmatched 1, skipped 2` (`would import 6, …` for a dry run). */
export function formatImportCounts(counts: ImportCounts, verb = 'imported'): string {
  return `${verb} ${counts.imported}, duplicate ${counts.duplicate}, ambiguous ${counts.ambiguous}, unmatched ${counts.unmatched}, skipped ${counts.skipped}`;
}

/** The reviews an import plan adds annotations to, in plan order. */
export function touchedReviews(plan: ImportPlan): string[] {
  return [...new Set(plan.additions.map((a) => a.reviewUri))];
}
