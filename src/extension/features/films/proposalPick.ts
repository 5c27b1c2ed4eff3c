// The review step of "Propose Lexicon Entries…": one multi-select list, grouped by kind, each
// proposal with its evidence, the strong ones checked. Names that recur but have too little
// evidence come last, unchecked; checking one asks what it is before it is added.

import * as vscode from 'vscode';
import { idFromName } from '../../../core/lexicon/parseLexicon';
import type { Proposal, ProposalHint, ProposalKind, ProposalResult } from '../../../core/lexicon/propose';

/** Proposals at least this sure are checked to begin with (patterns and credit lines; not bare recurrence). */
export const PRESELECT_CONFIDENCE = 0.8;

export interface ProposalItem extends vscode.QuickPickItem {
  proposal?: Proposal;
  hint?: ProposalHint;
}

const GROUPS: Array<{ kind: ProposalKind; label: string; icon: string }> = [
  { kind: 'film', label: 'The film', icon: 'device-camera-video' },
  { kind: 'character', label: 'Characters', icon: 'person' },
  { kind: 'person', label: 'Cast and crew', icon: 'account' },
  { kind: 'theme', label: 'Themes', icon: 'tag' },
];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "20× in 4 reviews". */
export function seen(count: number, reviews: number): string {
  return `${count}× in ${plural(reviews, 'review')}`;
}

/**
 * The list's rows: a separator per kind, then the hints. `nameOf` turns a person's id (proposed
 * or already in the lexicon) into the name shown for "played by".
 */
export function proposalItems(result: ProposalResult, nameOf: (id: string) => string | undefined): ProposalItem[] {
  const items: ProposalItem[] = [];
  for (const group of GROUPS) {
    const proposals = result.entities.filter((p) => p.kind === group.kind);
    if (proposals.length === 0) continue;
    items.push({ label: group.label, kind: vscode.QuickPickItemKind.Separator });
    for (const p of proposals) {
      // The kind is the group's (and the icon's); the description says what decides: who plays
      // it or what they did, how often the reviews name it, and the other names it goes by.
      const what: string[] = [];
      if (p.kind === 'character' && p.playedBy?.length) what.push(`played by ${p.playedBy.map((id) => nameOf(id) ?? id).join(', ')}`);
      else if (p.kind === 'person') what.push(p.roles?.length ? p.roles.join(', ') : 'cast or crew');
      else if (p.kind === 'film' && p.ambiguous) what.push('an ordinary word too');
      what.push(seen(p.count, p.reviews));
      if (p.aliases.length) what.push(`${p.kind === 'theme' ? 'terms' : 'also'} ${p.aliases.join(', ')}`);
      // The detail line is cut at the list's width: the evidence that decides first (counts are in
      // the description, "possessive" says little), then a sentence that uses the full name if one does.
      const evidence = p.evidence.filter((e) => !/^\d+× in \d+ reviews?/.test(e) && !/ordinary English$/.test(e) && e !== 'possessive');
      const sentence = p.examples.find((e) => e.includes(p.name)) ?? p.examples[0];
      const example = sentence ? `“${excerpt(sentence, [p.name, ...p.aliases])}”` : '';
      items.push({
        label: p.name,
        iconPath: new vscode.ThemeIcon(group.icon),
        description: what.join(' · '),
        detail: [evidence.join('; '), example].filter(Boolean).join(' — '),
        picked: p.confidence >= PRESELECT_CONFIDENCE,
        proposal: p,
      });
    }
  }
  if (result.hints.length) {
    items.push({ label: 'Recurring names with too little evidence (check one to add it)', kind: vscode.QuickPickItemKind.Separator });
    for (const h of result.hints) {
      items.push({
        label: h.name,
        iconPath: new vscode.ThemeIcon('question'),
        description: `not proposed: ${h.reason} · ${seen(h.count, h.reviews)}`,
        detail: h.examples[0] ? `“${excerpt(h.examples[0], [h.name])}”` : undefined,
        picked: false,
        hint: h,
      });
    }
  }
  return items;
}

/**
 * Up to `max` characters of a sentence, starting a few words before the first of `names` in it:
 * the list cuts its detail line short, and the name is what the reader looks for.
 */
export function excerpt(sentence: string, names: string[], max = 120): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  const found = names.map((n) => s.indexOf(n)).filter((i) => i >= 0);
  const at = found.length ? Math.min(...found) : 0;
  const start = at <= 12 ? 0 : s.lastIndexOf(' ', at - 12) + 1;
  if (start === 0 && s.length <= max) return s;
  const end = Math.min(s.length, start + max);
  const space = s.lastIndexOf(' ', end);
  const cut = end < s.length ? s.slice(start, space > at ? space : end) : s.slice(start);
  return `${start > 0 ? '…' : ''}${cut}${end < s.length ? '…' : ''}`;
}

export interface PickOptions {
  title: string;
  items: ProposalItem[];
}

/** Shows the list; resolves with the checked rows, or undefined when dismissed. */
export function pickProposals({ title, items }: PickOptions): Promise<readonly ProposalItem[] | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<ProposalItem>();
    pick.title = title;
    // Short: the input cuts it off. Typing filters by name, description (actors, roles) and evidence.
    pick.placeholder = 'Check the entries to add to film.yaml, then Enter';
    pick.canSelectMany = true;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    // Reviewing thirty names takes a while; a click elsewhere must not throw the choices away.
    pick.ignoreFocusOut = true;
    pick.items = items;
    pick.selectedItems = items.filter((i) => i.picked);
    let accepted = false;
    pick.onDidAccept(() => {
      accepted = true;
      resolve(pick.selectedItems);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!accepted) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

export type HintKind = 'character' | 'person' | 'theme';

/** For each checked hint, asks what it is; returns proposals for the ones given a kind. */
export async function proposalsFromHints(hints: ProposalHint[], takenIds: Set<string>): Promise<Proposal[] | undefined> {
  const out: Proposal[] = [];
  for (const [i, h] of hints.entries()) {
    const choice = await vscode.window.showQuickPick(
      [
        { label: 'Character', iconPath: new vscode.ThemeIcon('person'), entityKind: 'character' as const },
        { label: 'Person', description: 'cast or crew', iconPath: new vscode.ThemeIcon('account'), entityKind: 'person' as const },
        { label: 'Theme', iconPath: new vscode.ThemeIcon('tag'), entityKind: 'theme' as const },
        { label: 'Do not add it', iconPath: new vscode.ThemeIcon('close'), entityKind: undefined },
      ],
      { title: `Add “${h.name}” as… (${i + 1} of ${hints.length})`, placeHolder: h.examples[0] ? excerpt(h.examples[0], [h.name], 110) : `${h.name}: ${seen(h.count, h.reviews)}`, ignoreFocusOut: true },
    );
    if (!choice) return undefined;
    if (choice.entityKind) out.push(proposalFromHint(h, choice.entityKind, takenIds));
  }
  return out;
}

/** A hint the reader chose to add, as a proposal of the kind they said, with an id not yet taken. */
export function proposalFromHint(h: ProposalHint, kind: HintKind, takenIds: Set<string>): Proposal {
  const base = idFromName(h.name) || 'entry';
  let id = base;
  for (let n = 2; takenIds.has(id); n++) id = `${base}-${n}`;
  takenIds.add(id);
  return {
    id,
    kind,
    name: h.name,
    aliases: kind === 'theme' ? [h.name.toLowerCase()] : [],
    count: h.count,
    reviews: h.reviews,
    examples: h.examples,
    confidence: 0,
    evidence: [`added by the reader from a hint (${h.reason})`, seen(h.count, h.reviews)],
  };
}
