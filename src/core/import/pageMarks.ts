// Marks on a page's lines that need their neighbours: menus of short lines, mastheads above a
// menu, a name beside the date, a comment form's prompt. readPage (page.ts) runs them before it
// decides each line's action.

import { isPersonName, isPublicationName } from './bylines';
import { isNavWordLine, type ChromeReason } from './chrome';
import type { LineClass } from './classify';
import type { Action, PageFields } from './page';
import { endsSentence, type Unit } from './units';

const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);
const listText = (t: string) => t.replace(/^(?:[•●▪◦‣∙·*+\-–]|\d{1,3}[.)])\s+/, '');

/**
 * Three or more short lines in a row (one to four words, no sentence punctuation), at least two
 * of them section words of a site ("Home", "Reviews", "Podcast"…), are a menu: dropped up to the
 * last section word. A line after it (the page's headline, often) stays.
 */
export function markMenuRuns(units: Unit[], cls: LineClass[], actions: Array<Action | undefined>, plainText: (i: number) => string) {
  const short = (i: number) => {
    const t = plainText(i);
    const n = wordsOf(t).length;
    return (cls[i].kind === 'text' || cls[i].kind === 'chrome' || cls[i].kind === 'list') && n >= 1 && n <= 4 && !endsSentence(t);
  };
  let i = 0;
  while (i < units.length) {
    if (!short(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < units.length && short(j)) j++;
    const run = Array.from({ length: j - i }, (_, k) => i + k);
    const nav = run.filter((k) => isNavWordLine(listText(plainText(k))));
    if (run.length >= 3 && nav.length >= 2 && nav.length * 5 >= run.length * 2) {
      const last = nav[nav.length - 1];
      for (const k of run) if (k <= last) actions[k] = { do: 'drop', reason: 'menu' };
    }
    i = j;
  }
}

/**
 * A site's name on the line just above its menu ("The Westside Weekly" over "News • Arts • Film")
 * is the masthead, not the review's title: dropped, and the publication when nothing names one.
 */
export function markMastheads(units: Unit[], cls: LineClass[], actions: Array<Action | undefined>, plainText: (i: number) => string, bodyStart: number, fields: PageFields, extracted: Record<string, string>) {
  for (let i = 0; i + 1 < Math.min(bodyStart, units.length); i++) {
    if (actions[i] || cls[i].kind !== 'text') continue;
    const next = actions[i + 1];
    const nextIsMenu = (next?.do === 'drop' && next.reason === 'menu') || (cls[i + 1].kind === 'chrome' && (cls[i + 1] as { reason: ChromeReason }).reason === 'menu');
    const t = plainText(i);
    if (!nextIsMenu || wordsOf(t).length > 5 || !isPublicationName(t)) continue;
    actions[i] = { do: 'drop', reason: fields.publication ? 'masthead (the site’s name)' : 'masthead (publication in front matter)' };
    if (!fields.publication) {
      fields.publication = t;
      extracted.publication = t;
    }
  }
}

/**
 * "Ellis Grant" on its own line just above or below the page's date line, near the top: a byline
 * without "By" (as blog platforms print it).
 */
export function markNameBesideDate(units: Unit[], cls: LineClass[], plainText: (i: number) => string) {
  const top = Math.min(units.length, 15);
  for (let i = 0; i < top; i++) {
    if (cls[i].kind !== 'date') continue;
    for (const k of [i - 1, i + 1]) {
      if (k < 0 || k >= units.length || cls[k].kind !== 'text') continue;
      const t = plainText(k);
      if (isPersonName(t, 2) && t.split(/\s+/).length <= 4 && !isNavWordLine(t)) {
        cls[k] = { kind: 'byline', byline: { critic: t } };
        return;
      }
    }
  }
}

/** "What do you think?" just above "Leave a Reply"/"Fill in your details below": the form's prompt. */
export function markCommentFormPrompts(units: Unit[], cls: LineClass[], actions: Array<Action | undefined>) {
  for (let i = 1; i < units.length; i++) {
    const c = cls[i];
    if (c.kind !== 'chrome' || c.reason !== 'comment form') continue;
    for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
      if (cls[k].kind === 'chrome' && (cls[k] as { reason: ChromeReason }).reason === 'comment form') break;
      if (cls[k].kind !== 'text' || wordsOf(units[k].text).length > 6) break;
      cls[k] = { kind: 'chrome', reason: 'comment form' };
    }
  }
}
