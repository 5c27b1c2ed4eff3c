// Peek References on a mention lists every critic's mention of the entity across the corpus.
import { openFile, waitForMentions, wordBox } from './lib/workbench.mjs';

export default async function peekReferences({ page, shot, log }) {
  await openFile(page, 'poignant-exploration.md');
  await waitForMentions(page);
  const b = await wordBox(page, 'Samantha');
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  await page.keyboard.press('Shift+F12');
  const peek = page.locator('.peekview-widget').first();
  await peek.waitFor({ timeout: 20_000 });
  const title = await page.locator('.peekview-widget .peekview-title').first().innerText();
  log(`peek: ${title.replace(/\s+/g, ' ')}`);
  const tree = page.locator('.peekview-widget .ref-tree .monaco-list-row');
  await tree.first().waitFor({ timeout: 15_000 });
  const files = await page.locator('.peekview-widget .ref-tree .monaco-list-row[aria-level="1"]').count();
  if (files < 5) throw new Error(`expected references in 5 reviews, the peek lists ${files} files`);
  await page.mouse.move(1300, 120);
  await shot('peek-references');
}
