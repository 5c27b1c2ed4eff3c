// When a film's lexicon is still (nearly) empty, the editor offers to propose its entries.

import type { Lexicon } from '../../../core/lexicon/lexicon';

/** Fewer than three characters and people: a new film, or one typed in barely begun. */
export function lexiconNearlyEmpty(lexicon: Lexicon): boolean {
  return lexicon.entities.filter((e) => e.kind === 'character' || e.kind === 'person').length < 3;
}
