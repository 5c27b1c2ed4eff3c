// The exporters by format name, for the CLI and the editor's format picker.

import { bratExporter } from './brat';
import { csvExporter } from './csv';
import type { AnnotationExporter, ExportFormat } from './types';
import { w3cExporter } from './w3c';

export const EXPORTERS: Record<ExportFormat, AnnotationExporter> = { w3c: w3cExporter, brat: bratExporter, csv: csvExporter };

export function isExportFormat(s: string): s is ExportFormat {
  return Object.prototype.hasOwnProperty.call(EXPORTERS, s);
}

export type { AnnotationExporter, ExportEntity, ExportFormat, ExportInput, ExportOptions, ExportOutput, ExportedFile, ReviewForExport } from './types';
