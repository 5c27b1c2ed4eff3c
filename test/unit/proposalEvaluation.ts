// Scores lexicon proposals against a film's hand-made film.yaml (the answer key) and its gold
// labels: which real characters and people were proposed (recall), which proposals are real
// (precision), and how many labelled mentions the proposed lexicon finds when accepted as is.

import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Lexicon } from '../../src/core/lexicon/lexicon';
import { parseLexicon } from '../../src/core/lexicon/parseLexicon';
import { mergeProposalsIntoLexicon, proposeLexicon, type Proposal, type ProposalResult } from '../../src/core/lexicon/propose';
import { MentionMatcher } from '../../src/core/mentions/mentionMatcher';
import { readReviewInfo } from '../../src/core/review';
import { GOLD_DIR, loadLexicon, readText, reviewFiles } from './fixtures';
import { parseGold } from './goldLabels';

export interface ProposalScore {
  film: string;
  /** Characters and people of the key mentioned at least once in the reviews. */
  mentioned: number;
  found: number;
  /** Of those mentioned at least twice. */
  mentionedTwice: number;
  foundTwice: number;
  /** Character and person proposals, and how many of them are real. */
  proposed: number;
  real: number;
  kindRight: number;
  missed: string[];
  unreal: string[];
  /** Labelled name mentions found by the proposed lexicon accepted as is. */
  goldMentions: number;
  mentionsFound: number;
  mentionsFoundTotal: number;
  mentionsRight: number;
  /** The merged film.yaml parses without problems. */
  lexiconProblems: string[];
  result: ProposalResult;
}

const fold = (s: string) => s.normalize('NFC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** The key entity a proposal stands for: by its name or an alias, either way. */
export function keyFor(p: Proposal, key: Lexicon): string | undefined {
  const forms = [p.name, ...p.aliases].map(fold);
  const byName = key.entities.find((e) => e.kind !== 'theme' && fold(e.name) === fold(p.name));
  if (byName) return byName.id;
  return key.entities.find((e) => e.kind !== 'theme' && [e.name, ...e.aliases].map(fold).some((f) => forms.includes(f)))?.id;
}

export function evaluateProposals(film: string, dir: string): ProposalScore {
  const key = loadLexicon(dir);
  const files = reviewFiles(dir);
  const reviews = files.map((f) => {
    const text = readText(f);
    return { uri: `file://${f}`, text, bodyStart: readReviewInfo(f, text).bodyStart };
  });
  const result = proposeLexicon(reviews, { title: key.film.title, year: key.film.year });

  // Gold mentions per key entity.
  const gold = files.map((f, i) => {
    const g = parseGold(readFileSync(join(GOLD_DIR, `${basename(f)}.gold.md`), 'utf8'));
    return g.spans.map((s) => ({ ...s, start: s.start + reviews[i].bodyStart, end: s.end + reviews[i].bodyStart }));
  });
  const mentions = new Map<string, number>();
  for (const spans of gold) for (const s of spans) mentions.set(s.entity, (mentions.get(s.entity) ?? 0) + 1);

  const names = result.entities.filter((p) => p.kind === 'character' || p.kind === 'person');
  const matched = new Map<string, string>(); // proposal id → key id
  for (const p of result.entities) {
    const k = p.kind === 'film' ? key.film.id : p.kind === 'theme' ? undefined : keyFor(p, key);
    if (k) matched.set(p.id, k);
  }
  const people = key.entities.filter((e) => e.kind === 'character' || e.kind === 'person');
  const proposedKeys = new Set(names.map((p) => matched.get(p.id)).filter(Boolean));
  const mentioned = people.filter((e) => (mentions.get(e.id) ?? 0) >= 1);
  const twice = people.filter((e) => (mentions.get(e.id) ?? 0) >= 2);

  // The proposals accepted as is, as a lexicon, against the gold labels.
  const merged = mergeProposalsIntoLexicon('version: 1\n', result.entities);
  const lexicon = parseLexicon(join(dir, 'proposed.yaml'), merged);
  const matcher = new MentionMatcher(lexicon);
  let found = 0;
  let total = 0;
  let right = 0;
  reviews.forEach((r, i) => {
    const wanted = new Set(gold[i].map((s) => `${s.start}:${s.end}:${s.entity}`));
    for (const m of matcher.findMentions(r.text, { bodyStart: r.bodyStart })) {
      if (m.kind === 'theme') continue;
      total++;
      const k = matched.get(m.entity);
      if (k && wanted.has(`${m.start}:${m.end}:${k}`)) (found++, right++);
    }
  });

  return {
    film,
    mentioned: mentioned.length,
    found: mentioned.filter((e) => proposedKeys.has(e.id)).length,
    mentionedTwice: twice.length,
    foundTwice: twice.filter((e) => proposedKeys.has(e.id)).length,
    proposed: names.length,
    real: names.filter((p) => matched.has(p.id)).length,
    kindRight: names.filter((p) => matched.has(p.id) && key.byId.get(matched.get(p.id)!)?.kind === p.kind).length,
    missed: mentioned.filter((e) => !proposedKeys.has(e.id)).map((e) => `${e.name} (${mentions.get(e.id)}×)`),
    unreal: names.filter((p) => !matched.has(p.id)).map((p) => `${p.name} (${p.confidence})`),
    goldMentions: gold.reduce((n, g) => n + g.length, 0),
    mentionsFound: found,
    mentionsFoundTotal: total,
    mentionsRight: right,
    lexiconProblems: lexicon.diagnostics.map((d) => `${d.line + 1}:${d.character + 1} ${d.message}`),
    result,
  };
}

export function formatProposalScore(s: ProposalScore): string {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(0)}%`;
  return [
    `      ${s.film}: recall ${pct(s.found, s.mentioned)} (${s.found}/${s.mentioned} mentioned; ${pct(s.foundTwice, s.mentionedTwice)} of those mentioned twice or more), precision ${pct(s.real, s.proposed)} (${s.real}/${s.proposed}), kind right ${pct(s.kindRight, s.real)}, mention recall ${pct(s.mentionsFound, s.goldMentions)} (${s.mentionsFound}/${s.goldMentions}), mention precision ${pct(s.mentionsRight, s.mentionsFoundTotal)}`,
    s.missed.length ? `        missed: ${s.missed.join(', ')}` : '',
    s.unreal.length ? `        not in the key: ${s.unreal.join(', ')}` : '',
  ].filter(Boolean).join('\n');
}

export function hasGold(dir: string): boolean {
  return reviewFiles(dir).every((f) => existsSync(join(GOLD_DIR, `${basename(f)}.gold.md`)));
}
