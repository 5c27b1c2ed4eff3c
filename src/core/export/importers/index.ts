// Importers by format name, and the planner that matches what they read to reviews.

import { parseHypothesisAnnotations } from './hypothesisImporter';
import type { ParsedForeign } from './types';
import { parseW3cAnnotations } from './w3cImporter';

export type ImportFormat = 'w3c' | 'hypothesis';

export const IMPORTERS: Record<ImportFormat, (text: string, file: string) => ParsedForeign> = {
  w3c: parseW3cAnnotations,
  hypothesis: parseHypothesisAnnotations,
};

export function isImportFormat(s: string): s is ImportFormat {
  return Object.prototype.hasOwnProperty.call(IMPORTERS, s);
}

export { planImport, type ImportCandidate, type ImportEntry, type ImportPlan, type ImportStatus, type PlanOptions } from './planImport';
export type { ForeignAnnotation, ParsedForeign } from './types';
