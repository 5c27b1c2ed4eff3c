// What every exporter takes and gives. Exporters are pure: the CLI and the editor read the reviews,
// sidecars and lexicons, hand them over as ExportInput, and write the files that come back.

import type { Annotation, SidecarMention } from '../annotations/model';
import type { EntityKind } from '../mentions/types';

export type ExportFormat = 'w3c' | 'brat' | 'csv';

/** One review with its annotations, as an exporter sees it. */
export interface ReviewForExport {
  /** The review's URI (for the caller; never written into an export: it is machine-specific). */
  uri: string;
  /**
   * The review's path relative to the export root, '/'-separated and decoded, e.g.
   * `her/movie-review-her.md`. It names the review in every format and in the IRIs of the W3C
   * export, so it must not depend on the machine (see docs/interchange.md).
   */
  relativeName: string;
  /** The lexicon's film id, which scopes entity ids (`her`). */
  film: string;
  /** The review text, leading BOM dropped: the text our UTF-16 offsets count in. */
  text: string;
  frontMatter: { title?: string; critic?: string; source?: string };
  annotations: readonly Annotation[];
  /** The engine's mentions; exported only with `mentions: true`. */
  mentions?: readonly SidecarMention[];
}

/** A lexicon entity, scoped by its film. */
export interface ExportEntity {
  film: string;
  id: string;
  kind: EntityKind;
  name: string;
}

export interface ExportOptions {
  /** Also export the engine's mentions (W3C: `identifying` annotations; brat: T lines; CSV: mentions.csv). */
  mentions?: boolean;
  /** brat: the type of an annotation without tags. Default `Annotation`. */
  defaultType?: string;
  /** When the export was made (W3C `generated`); default: now. Tests pin it. */
  generated?: string;
  /** A label for the whole export (W3C collection label and id); default `Marginalia export`. */
  label?: string;
}

export interface ExportInput {
  reviews: readonly ReviewForExport[];
  entities: readonly ExportEntity[];
  options?: ExportOptions;
}

export interface ExportedFile {
  /** '/'-separated path relative to the output folder, e.g. `her/movie-review-her.ann`. */
  name: string;
  text: string;
}

export interface ExportOutput {
  files: ExportedFile[];
  /** What could not be expressed in the format (e.g. an orphan left out of brat), for the user. */
  warnings: string[];
}

export interface AnnotationExporter {
  readonly format: ExportFormat;
  /** True when the output is always one file (so it can go to stdout). */
  singleFile(options?: ExportOptions): boolean;
  export(input: ExportInput): ExportOutput;
}
