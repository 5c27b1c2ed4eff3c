// Writes an import plan's annotations into the sidecars through the sidecar store (one `add` per
// annotation, so each write keeps the sidecar's comments and its other annotations, and the ids
// the planner chose stay as they are).

import type { WriteOutcome } from '../../annotations/sidecarStore';
import { SidecarStore } from '../../annotations/sidecarStore';
import type { Mention } from '../../mentions/types';
import type { ImportPlan } from './planImport';

export async function writeImport(store: SidecarStore, plan: ImportPlan, reviews: ReadonlyMap<string, { text: string; mentions?: readonly Mention[] }>): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  for (const { reviewUri, annotation } of plan.additions) {
    const review = reviews.get(reviewUri);
    if (!review) throw new Error(`no text for ${reviewUri}`);
    outcomes.push(await store.write(reviewUri, review.text, review.mentions, { op: 'add', annotation }));
  }
  return outcomes;
}
