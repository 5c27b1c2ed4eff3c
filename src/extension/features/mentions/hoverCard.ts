// The card shown when hovering a mention or a lexicon entry: who or what it is, and where the
// critics discuss it, with links (our own command only) that jump to the first mention per review.

import * as vscode from 'vscode';
import { KIND_LABEL, type Entity } from '../../../core/lexicon/lexicon';
import type { FilmIndex } from '../../../core/mentionIndex';
import type { Mention } from '../../../core/mentions/types';
import { reviewLabel } from '../../../core/review';
import { commandLink, escapeMarkdown } from '../../markdownText';

export const HOVER_COMMANDS = ['marginalia.revealMention'];
const MAX_REVIEW_LINES = 12;

export function entityCard(film: FilmIndex, entity: Entity, mention?: Mention): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(entity.name)}** · ${KIND_LABEL[entity.kind].toLowerCase()}`);
  if (entity.kind === 'film' && film.lexicon.film.year) md.appendMarkdown(` (${film.lexicon.film.year})`);
  md.appendMarkdown('\n\n');

  if (mention?.fuzzy) md.appendMarkdown(`$(info) “${escapeMarkdown(mention.text)}” read as **${escapeMarkdown(mention.fuzzy)}**\n\n`);

  const names = (ids: string[]) => ids.map((id) => escapeMarkdown(film.entity(id)?.name ?? id)).join(', ');
  if (entity.kind === 'character' && entity.playedBy.length) md.appendMarkdown(`Played by ${names(entity.playedBy)}\n\n`);
  if (entity.kind === 'person') {
    const parts: string[] = [];
    if (entity.roles.length) parts.push(escapeMarkdown(entity.roles.join(', ')));
    if (entity.plays.length) parts.push(`plays ${names(entity.plays)}`);
    if (parts.length) md.appendMarkdown(parts.join(' — ') + '\n\n');
  }
  if (entity.kind === 'film' && film.lexicon.film.director) md.appendMarkdown(`Directed by ${names([film.lexicon.film.director])}\n\n`);
  if (entity.description) md.appendMarkdown(`${escapeMarkdown(entity.description)}\n\n`);
  if (entity.kind === 'theme') md.appendMarkdown(`Terms: ${escapeMarkdown(entity.aliases.concat(entity.name).filter((t, i, a) => a.indexOf(t) === i).join(', '))}\n\n`);
  else if (entity.aliases.length) md.appendMarkdown(`Also: ${escapeMarkdown(entity.aliases.join(', '))}\n\n`);

  const total = film.totalMentions(entity.id);
  md.appendMarkdown('---\n\n');
  if (total.mentions === 0) {
    md.appendMarkdown('Not mentioned in any review yet.');
    return md;
  }
  md.appendMarkdown(`**${total.mentions} mention${total.mentions === 1 ? '' : 's'} in ${total.reviews} review${total.reviews === 1 ? '' : 's'}**\n\n`);
  // The critics who discuss it most, each a link to their first mention; the rest counted.
  const shown = total.reviews <= MAX_REVIEW_LINES ? film.mostMentioning(entity.id, MAX_REVIEW_LINES) : film.mostMentioning(entity.id, MAX_REVIEW_LINES - 1);
  for (const review of shown) {
    const first = review.firstMentionOf(entity.id);
    if (!first) continue;
    const who = reviewLabel(review.info, review.film.lexicon.film.title);
    const link = commandLink('marginalia.revealMention', [review.path, first.start, first.end]);
    // Named as the tree names it; long names are cut so the card fits beside the text.
    md.appendMarkdown(`- [${escapeMarkdown(shorten(who, 60))}](${link} "${escapeMarkdown(who).replace(/"/g, '')}") · ${review.counts.get(entity.id)}\n`);
  }
  if (shown.length < total.reviews) md.appendMarkdown(`- …and ${total.reviews - shown.length} more reviews (Find All References lists every mention)\n`);
  return md;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).replace(/[\s,;:—–-]+$/, '') + '…';
}
