// Clicking review rows with the mouse at several moments: as soon as the view shows them (while
// annotations load and the trees refresh), while a Refresh re-indexes a larger corpus, and after.
// Each click must open its review. Before rows carried argument-free commands, a click landing just
// as a tree refreshed failed with "Actual command not found, wanted to execute marginalia.openReview".
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandRow, showMarginalia, treeRow } from './lib/workbench.mjs';

const TARGETS = [
  ['Becoming Human', 'larb-jessica-gross-becoming-human.md'],
  ['A Decade Later', 'hua-ruonan-a-decade-later.md'],
  ['movie-review-her.md', 'movie-review-her.md'],
  ['poignant-exploration.md', 'poignant-exploration.md'],
];
const GENERATED = 1500;

/** Enough reviews that indexing takes a while, and sidecars whose loading refreshes the trees. */
export function prepare(workspace) {
  const her = join(workspace, 'her');
  const body = readFileSync(join(her, 'poignant-exploration.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
  for (let i = 0; i < GENERATED; i++) {
    const n = String(i).padStart(4, '0');
    writeFileSync(join(her, `zz-generated-${n}.md`), `---\ntitle: Generated review ${n}\ncritic: Critic ${n}\n---\n${body}`);
  }
}

export default async function treeClick({ page, log }) {
  await showMarginalia(page);
  const clicks = [];
  const clickAndCheck = async (moment, i) => {
    const [label, file] = TARGETS[i % TARGETS.length];
    const row = await treeRow(page, label, 0);
    const t0 = Date.now();
    await row.locator('.label-name').first().click();
    const tab = page.locator(`.tab.active[aria-label*="${file}"]`).first();
    const opened = await tab.waitFor({ timeout: 8_000 }).then(() => true, () => false);
    const toast = await page.locator('.notifications-toasts .notification-toast', { hasText: /not found|failed/i }).count();
    clicks.push(`${moment}#${i}:${opened && !toast ? 'ok' : 'FAILED'}(${Date.now() - t0} ms)`);
    if (!opened || toast) throw new Error(`click ${i} (${moment}) on "${label}" did not open ${file}${toast ? ' (an error notification appeared)' : ''}; clicks so far: ${clicks.join(' ')}`);
  };

  // 1. From the first moment the rows are there: the trees refresh as annotations and lexicons load.
  // A film of more than 1,000 reviews starts collapsed (the workbench would fetch every row at once).
  await expandRow(page, '1505 reviews', 0);
  await treeRow(page, TARGETS[0][0], 0);
  for (let i = 0; i < 8; i++) await clickAndCheck('opening', i);

  // 2. While a Refresh re-indexes the corpus (the old rows stay until the new index is complete).
  await page.locator('.pane-header', { hasText: 'Reviews' }).hover();
  await page.locator('.pane-header .action-label[aria-label="Refresh"]').first().click();
  for (let i = 0; i < 8; i++) await clickAndCheck('indexing', i);

  // 3. Once things are quiet.
  await page.waitForTimeout(1500);
  for (let i = 0; i < 4; i++) await clickAndCheck('idle', i);
  log(`clicks: ${clicks.join(' ')}`);
}
