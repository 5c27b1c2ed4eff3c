// The first screen after `npm start`: the scratch copy of the sample opens (inside the
// repository, as `npm start` places it), the Marginalia view is shown without a click, and no
// notification asks about the git repository around the folder (the server runs with the
// settings `npm start` uses: START_SETTINGS in scripts/host.mjs).
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';

/** A git repository around the workspace folder, as the repository holds `npm start`'s scratch copy. */
export function prepare(workspace) {
  execFileSync('git', ['init', '-q', dirname(workspace)]);
}

export default async function firstScreen({ page, shot, log }) {
  // Shown by the extension on the first activation in this workspace, not clicked here.
  const reviews = page.locator('.pane-header', { hasText: 'Reviews' }).first();
  await reviews.waitFor({ timeout: 30_000 });
  const film = page.locator('.pane-body').first().locator('.monaco-list-row[aria-level="1"]', { hasText: 'Her' }).first();
  await film.waitFor({ timeout: 30_000 });
  await page.locator('.pane-body').first().locator('.monaco-list-row[aria-level="2"]').nth(4).waitFor({ timeout: 30_000 });
  const shown = page.locator('.activitybar .action-item.checked a[aria-label^="Marginalia"]');
  if ((await shown.count()) !== 1) throw new Error('the Marginalia view is not the one shown');
  // The git extension looks for repositories as the window opens; give a prompt time to appear.
  await page.waitForTimeout(5000);
  const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
  if (toasts.length) throw new Error(`notifications on the first screen: ${toasts.map((t) => t.replace(/\s+/g, ' ')).join(' | ')}`);
  const rows = await page.locator('.pane-body').first().locator('.monaco-list-row').allInnerTexts();
  log(`first screen: Marginalia view shown, no notification; Reviews: ${rows.map((r) => r.replace(/\s+/g, ' ')).join(' | ')}`);
  await page.mouse.move(900, 600);
  await shot('first-screen');
}
