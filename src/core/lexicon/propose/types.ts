// What proposeLexicon takes and gives back.

export type ProposalKind = 'character' | 'person' | 'film' | 'theme';

export interface ProposalReview {
  /** Where the review is (for evidence); the text is what is read. */
  uri: string;
  text: string;
  /** Offset where the body starts (after front matter); front matter is read only for bylines. */
  bodyStart: number;
}

export interface ProposalFilm {
  title: string;
  year?: number;
}

export interface Proposal {
  id: string;
  kind: ProposalKind;
  /** A character's or person's full name; a theme's label. */
  name: string;
  /** Short forms seen in the reviews (Louise, Banks, Dr. Banks); a theme's terms. */
  aliases: string[];
  /** Characters: ids of the proposed or existing people who play them. */
  playedBy?: string[];
  /** People: director, writer, cinematographer, composer, editor, producer, actor, voice. */
  roles?: string[];
  /** Occurrences of the name, its aliases or the theme's terms in the reviews. */
  count: number;
  /** Reviews they occur in. */
  reviews: number;
  /** Two sentences from the reviews, from different reviews where there are two. */
  examples: string[];
  /** 0–1: how strong the evidence is (patterns such as "Character (Actor)" and credit lines weigh most). */
  confidence: number;
  /** What was seen, in words, for people reviewing proposals ("Character (Actor) ×3", "in 3 reviews"). */
  evidence: string[];
  /** The film only: its title is also an ordinary word (seen in lower case, or a common word). */
  ambiguous?: boolean;
}

export interface ProposalHint {
  /** A name that recurs in the reviews but was not proposed and matches no entry. */
  name: string;
  count: number;
  reviews: number;
  examples: string[];
  /** Why it is only a hint ("a common English word", "seen in one review", "looks like a place"). */
  reason: string;
}

export interface ProposalResult {
  entities: Proposal[];
  hints: ProposalHint[];
}
