export type EntityKind = 'film' | 'character' | 'person' | 'theme';

/** One place where a review names an entity. Offsets: UTF-16, after a leading BOM. */
export interface Mention {
  entity: string;
  kind: EntityKind;
  start: number;
  end: number;
  text: string;
  /** Set when the text is a misspelling; holds the name it was read as. */
  fuzzy?: string;
}
