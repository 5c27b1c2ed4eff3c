// The Reviews tree expanded down to mention rows: review → Characters → Samantha → her mentions,
// and selecting a row opens the review with the mention selected.
import { expandRow, showMarginalia } from './lib/workbench.mjs';

export default async function treeMentions({ page, shot, log }) {
  await showMarginalia(page);
  await expandRow(page, 'Her');
  await expandRow(page, 'poignant-exploration.md');
  await expandRow(page, 'Characters');
  await expandRow(page, 'Samantha');
  const rows = page.locator('.pane-body').first().locator('.monaco-list-row[aria-level="5"]');
  await rows.first().waitFor({ timeout: 15_000 });
  log(`mention rows: ${(await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ')).join(' | ')}`);
  await rows.nth(1).click();
  await page.waitForFunction(() => document.querySelector('.tab.active')?.getAttribute('aria-label')?.includes('poignant-exploration.md'), null, { timeout: 15_000 });
  await page.waitForFunction(() => document.querySelectorAll('.editor-instance .selected-text').length > 0, null, { timeout: 15_000 });
  await page.mouse.move(1300, 120);
  await shot('reviews-tree-mentions');
  // The default keybinding steps to the next critic's mention of the same entity.
  await page.keyboard.press('Control+Alt+Period');
  const status = page.locator('.statusbar', { hasText: /Samantha: mention \d+ of \d+/ });
  await status.waitFor({ timeout: 10_000 });
  log(`after Ctrl+Alt+.: ${(await status.innerText()).match(/Samantha: mention [^\n]*/)?.[0]}`);
}
