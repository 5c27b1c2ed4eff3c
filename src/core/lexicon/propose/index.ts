export { proposeLexicon, MIN_CONFIDENCE } from './proposeLexicon';
export { mergeProposalsIntoLexicon } from './mergeProposals';
export type { Proposal, ProposalFilm, ProposalHint, ProposalKind, ProposalResult, ProposalReview } from './types';
