// The five raw pages of *Her* in ../shared/seeds/ and what a careful human made of them (the
// rule tables of the per-seed script this importer replaced): the lines that were chrome, and the
// corpus file each seed became. Test data only: the importer never sees any of it.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../fixtures';

export const SEEDS_DIR = (() => {
  const candidates = [process.env.MARGINALIA_SEEDS, join(ROOT, '..', 'shared', 'seeds'), join(ROOT, '..', '..', 'shared', 'seeds'), '/work/shared/seeds'];
  const found = candidates.find((c) => c && existsSync(join(c, '000_ce26396ba656f6c0.txt')));
  if (!found) throw new Error(`the Her seeds are not in any of: ${candidates.filter(Boolean).join(', ')} (set MARGINALIA_SEEDS)`);
  return found;
})();

export interface SeedExpectation {
  seed: string;
  /** The corpus file it became (corpus/her/). */
  review: string;
  /** Seed lines that are not the critic's text (exact lines). */
  chrome: string[];
  /** Seed-line prefixes that are not text (a heading glued to a label by the scraper). */
  gluedPrefixes?: string[];
  frontMatter: Record<string, unknown>;
}

export const SEED_EXPECTATIONS: SeedExpectation[] = [
  {
    seed: '000_ce26396ba656f6c0.txt',
    review: 'hua-ruonan-a-decade-later.md',
    chrome: ['“Her”: A Decade Later, a Reflection of Our Reality', 'By: Hua Ruonan', 'Still from “Her”'],
    frontMatter: { title: '“Her”: A Decade Later, a Reflection of Our Reality', critic: 'Hua Ruonan' },
  },
  {
    seed: '001_6d2cec24d2cec96c.txt',
    review: 'movie-review-her.md',
    chrome: ['[Movie Review] Her', 'Written by:', 'Close Menu'],
    frontMatter: { title: '[Movie Review] Her' },
  },
  {
    seed: '002_056cdc7b25516e1d.txt',
    review: 'larb-jessica-gross-becoming-human.md',
    chrome: [
      'Becoming Human: On Spike Jonze’s "Her"',
      'By Jessica GrossMarch 2, 2014',
      'LARB Contributor',
      'Jessica Gross is a writer based in New York City. She contributes to\u00a0The New York Times Magazine,, and\u00a0The\u00a0Paris Review Daily, among other places. Jessica has a Master\'s degree in cultural reporting and criticism from New York University and a Bachelor\'s in anthropology from Princeton University.',
      'LARB Staff Recommendations',
      'Did you know LARB is a reader-supported nonprofit?',
      'LARB\u00a0publishes daily without a paywall as part of our mission to make rigorous, incisive, and engaging writing on every aspect of literature, culture, and the arts freely accessible to the public. Help us continue this work with your tax-deductible donation today!',
    ],
    frontMatter: { title: 'Becoming Human: On Spike Jonze’s "Her"', critic: 'Jessica Gross', publication: 'LARB', date: '2014-03-02' },
  },
  {
    seed: '003_de4be868db719e04.txt',
    review: 'poignant-exploration.md',
    chrome: [],
    frontMatter: {},
  },
  {
    seed: '004_e0716a62bcd4b50c.txt',
    review: 'blog-eyelights-her.md',
    chrome: [
      'Her 8.5',
      'Date of viewing: January 24, 2014',
      '2 responses to “Her',
      'What do you think?',
      'Fill in your details below or click an icon to log in:',
      'WordPress.com Logo',
      'You are commenting using your WordPress.com account. Log\u00a0Out\u00a0/\u00a0 Change\u00a0)',
      'Twitter picture',
      'You are commenting using your Twitter account. Log\u00a0Out\u00a0/\u00a0 Change\u00a0)',
      'Facebook photo',
      'You are commenting using your Facebook account. Log\u00a0Out\u00a0/\u00a0 Change\u00a0)',
      'Connecting to %s',
    ],
    gluedPrefixes: ['HerSynopsis: '],
    frontMatter: { title: 'Her', rating: { text: '8.5', value: 8.5, scale: 10, normalized: 0.85, scaleAssumed: true } },
  },
];

/** The sentence splitter of the old per-seed script's check. */
export function sentences(line: string): string[] {
  return line.split(/(?<=[.!?…”"’)])\s+(?=[“"‘(A-Z0-9])/u).filter((s) => s.trim() !== '');
}
