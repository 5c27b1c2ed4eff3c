// Lexicon proposals measured on six films' reviews against their hand-made lexicons and gold
// labels (figures in docs/lexicon-proposals.md), and the evidence rules one by one.

import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARRIVAL_DIR, HER_DIR, ROOT } from './fixtures';
import { evaluateProposals, formatProposalScore, type ProposalScore } from './proposalEvaluation';

const FILMS: Array<[string, string]> = [
  ['her', HER_DIR],
  ['arrival', ARRIVAL_DIR],
  ['us', join(ROOT, 'test/fixtures/films/us')],
  ['up', join(ROOT, 'test/fixtures/films/up')],
  ['nope', join(ROOT, 'test/fixtures/films/nope')],
  ['it', join(ROOT, 'test/fixtures/films/it')],
];

describe('lexicon proposals, measured', () => {
  const scores: ProposalScore[] = [];
  before(() => {
    for (const [film, dir] of FILMS) scores.push(evaluateProposals(film, dir));
  });

  it('prints the figures per film', () => {
    for (const s of scores) console.log(formatProposalScore(s));
    const sum = (f: (s: ProposalScore) => number) => scores.reduce((n, s) => n + f(s), 0);
    console.log(`      all six: recall ${(sum((s) => s.found) / sum((s) => s.mentioned)).toFixed(3)}, recall (twice or more) ${(sum((s) => s.foundTwice) / sum((s) => s.mentionedTwice)).toFixed(3)}, precision ${(sum((s) => s.real) / sum((s) => s.proposed)).toFixed(3)}, mention recall ${(sum((s) => s.mentionsFound) / sum((s) => s.goldMentions)).toFixed(3)}`);
  });
});
