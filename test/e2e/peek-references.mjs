// Peek References on a mention lists every critic's mention of the entity across the corpus.
import { openFile, waitForMentions } from './lib/workbench.mjs';

export default async function peekReferences({ page, shot, log }) {
  await openFile(page, 'poignant-exploration.md');
  await waitForMentions(page);
  // The cursor put on a mention the way a reader finds a word (a click computed from the layout
  // could land elsewhere once the decorations re-wrap the lines).
  await page.keyboard.press('Control+F');
  await page.locator('.find-widget textarea, .find-widget input').first().fill('Samantha');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /\(8 selected\)/.test(document.querySelector('.statusbar')?.textContent ?? ''), null, { timeout: 10_000 });
  await page.keyboard.press('Escape'); // closes Find; the editor has the focus and the match selected
  await page.locator('.find-widget.visible').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => page.keyboard.press('Escape'));
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
