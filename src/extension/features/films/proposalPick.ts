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
      const what: string[] = [];
      if (p.kind === 'character') {
        what.push('character');
        if (p.playedBy?.length) what.push(`played by ${p.playedBy.map((id) => nameOf(id) ?? id).join(', ')}`);
      } else if (p.kind === 'person') what.push(p.roles?.length ? p.roles.join(', ') : 'person');
      else if (p.kind === 'film') what.push(p.ambiguous ? 'film · an ordinary word too' : 'film');
      else what.push('theme');
      if (p.aliases.length) what.push(`${p.kind === 'theme' ? 'terms' : 'also'} ${p.aliases.join(', ')}`);
      what.push(seen(p.count, p.reviews));
      const evidence = p.evidence.filter((e) => !/^\d+× in \d+ reviews?/.test(e) && !/ordinary English$/.test(e));
      const example = p.examples[0] ? `“${excerpt(p.examples[0], [p.name, ...p.aliases])}”` : '';
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

/** Up to about 150 characters of a sentence, around the first of `names` in it. */
export function excerpt(sentence: string, names: string[], max = 150): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const at = Math.max(0, Math.min(...names.map((n) => s.indexOf(n)).filter((i) => i >= 0).concat(s.length)));
  const start = at < max / 3 || at >= s.length ? 0 : Math.max(0, s.lastIndexOf(' ', at - 40) + 1);
  const end = Math.min(s.length, start + max);
  const cut = end < s.length ? s.slice(start, s.lastIndexOf(' ', end) > start ? s.lastIndexOf(' ', end) : end) : s.slice(start);
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
    pick.placeholder = 'Check what to add to film.yaml (type to filter by name, actor or evidence); Enter adds the checked entries';
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
    if (!choice.entityKind) continue;
    const base = idFromName(h.name) || 'entry';
    let id = base;
    for (let n = 2; takenIds.has(id); n++) id = `${base}-${n}`;
    takenIds.add(id);
    out.push({
      id,
      kind: choice.entityKind,
      name: h.name,
      aliases: choice.entityKind === 'theme' ? [h.name.toLowerCase()] : [],
      count: h.count,
      reviews: h.reviews,
      examples: h.examples,
      confidence: 0,
      evidence: [`added from a hint by the reader (${h.reason})`, seen(h.count, h.reviews)],
    });
  }
  return out;
}
