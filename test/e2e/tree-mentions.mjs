// The Reviews tree expanded down to mention rows: review → Characters → Samantha → her mentions,
// and selecting a row opens the review with the mention selected.
import { clickRow, showMarginalia } from './lib/workbench.mjs';

export default async function treeMentions({ page, shot, log }) {
  await showMarginalia(page);
  const film = page.locator('.pane-body').first().locator('.monaco-list-row[aria-level="1"]').first();
  await film.waitFor({ timeout: 30_000 });
  if ((await film.getAttribute('aria-expanded')) === 'false') await film.click();
  await clickRow(page, 'Spike Jonze’s Her is a poignant');
  await clickRow(page, 'Characters');
  const samantha = await clickRow(page, 'Samantha');
  if ((await samantha.getAttribute('aria-expanded')) === 'false') await samantha.click();
  const mention = page.locator('.pane-body').first().locator('.monaco-list-row[aria-level="5"]').first();
  await mention.waitFor({ timeout: 15_000 });
  log(`mention rows: ${(await page.locator('.pane-body').first().locator('.monaco-list-row[aria-level="5"]').allInnerTexts()).length}`);
  await mention.click();
  await page.waitForFunction(() => document.querySelector('.tab.active')?.getAttribute('aria-label')?.includes('poignant-exploration.md'), null, { timeout: 15_000 });
  await page.mouse.move(1300, 120);
  await shot('reviews-tree-mentions');
}
