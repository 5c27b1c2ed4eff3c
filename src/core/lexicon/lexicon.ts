import type { EntityKind } from '../mentions/types';
import { DEFAULT_TITLE_RULES, type TitleRules } from '../mentions/titleRules';

export interface Diagnostic {
  file: string;
  /** 0-based. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
  endLine?: number;
  endCharacter?: number;
  severity: 'error' | 'warning';
  message: string;
  /** Stable code for quick fixes and tests, e.g. `duplicate-id`. */
  code: string;
}

export interface SourceRange {
  start: number;
  end: number;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  /** Canonical name (a theme's label). */
  name: string;
  /** Other surface forms: short names, nicknames; for themes, its terms. */
  aliases: string[];
  /** What the engine looks for: the name and aliases, less any dropped as ambiguous. */
  matchForms: string[];
  description?: string;
  note?: string;
  /** Characters: the people who play or voice them. */
  playedBy: string[];
  /** People: their jobs on the film. */
  roles: string[];
  /** People: the characters they play (derived from playedBy). */
  plays: string[];
  /** Where the entry stands in film.yaml (offsets into the lexicon text). */
  source?: SourceRange;
  /** Where the entry's id value stands, for Go to Definition. */
  idSource?: SourceRange;
}

export interface FilmInfo {
  id: string;
  title: string;
  year?: number;
  director?: string;
  /** The title is also an ordinary word and needs context to be read as the film. */
  ambiguous: boolean;
}

export interface Lexicon {
  path: string;
  /** The film.yaml text the lexicon was read from (for positions of its entries). */
  text: string;
  film: FilmInfo;
  entities: Entity[];
  byId: Map<string, Entity>;
  /** Alias → entity id chosen when several entities claim the alias. */
  resolve: Map<string, string>;
  /** The words the rules for an ordinary-word title look for: defaults plus the lexicon's `titleContext`. */
  titleRules: TitleRules;
  diagnostics: Diagnostic[];
}

export const KIND_ORDER: EntityKind[] = ['film', 'character', 'person', 'theme'];

export const KIND_LABEL: Record<EntityKind, string> = {
  film: 'Film',
  character: 'Character',
  person: 'Person',
  theme: 'Theme',
};

export function emptyLexicon(path: string): Lexicon {
  return {
    path,
    text: '',
    film: { id: 'film', title: '', ambiguous: false },
    entities: [],
    byId: new Map(),
    resolve: new Map(),
    titleRules: DEFAULT_TITLE_RULES,
    diagnostics: [],
  };
}
