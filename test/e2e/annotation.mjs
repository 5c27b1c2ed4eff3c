// A reader annotates a passage through the UI (find it, Annotate Selection, keep the suggested
// tags, type a note); the passage is highlighted, the sidecar is written, and hovering it shows the note.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hoverWord, openFile, runCommand, waitForMentions } from './lib/workbench.mjs';

const PASSAGE = 'a deep emotional bond with Samantha';

export default async function annotation({ page, workspace, shot, log, flags, repo }) {
  await openFile(page, 'poignant-exploration.md');
  await waitForMentions(page);
  // Select the passage the way a reader would find it: Find, then close the widget.
  await page.keyboard.press('Control+F');
  await page.locator('.find-widget textarea, .find-widget input').first().fill(PASSAGE);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');

  await runCommand(page, 'Marginalia: Annotate Selection');
  const picker = page.locator('.quick-input-widget', { hasText: 'Annotate: tags' });
  await picker.waitFor({ timeout: 10_000 });
  const picked = await page.locator('.quick-input-list .monaco-list-row[aria-checked="true"]').allInnerTexts();
  log(`suggested tags: ${picked.map((t) => t.split('\n')[0]).join(', ')}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: 'Annotate: note' }).waitFor({ timeout: 10_000 });
  await page.keyboard.type('Where the romance begins: the bond is named before it is shown.');
  await page.keyboard.press('Enter');

  const sidecar = join(workspace, 'her', 'poignant-exploration.annotations.yaml');
  const deadline = Date.now() + 15_000;
  while (!(existsSync(sidecar) && readFileSync(sidecar, 'utf8').includes('Where the romance begins'))) {
    if (Date.now() > deadline) throw new Error(`the sidecar ${sidecar} was not written`);
    await page.waitForTimeout(100);
  }
  log(`sidecar written: ${readFileSync(sidecar, 'utf8').split('\n').slice(0, 6).join(' | ')}`);

  await page.keyboard.press('ArrowDown'); // drop the selection so the highlight shows as the reader sees it
  const hover = await hoverWord(page, 'deep');
  await page.waitForFunction(() => /Where the romance begins/.test(document.querySelector('.monaco-hover:not(.hidden)')?.textContent ?? ''), null, { timeout: 15_000 });
  log(`hover: ${(await hover.innerText()).replace(/\s+/g, ' ').slice(0, 160)}`);
  await page.waitForTimeout(600); // the hover fades in
  await shot('annotation-hover');
  // The README's copy: the editor's top half, where the hover is (smaller than the whole window).
  if (flags['update-readme-shot']) await page.screenshot({ path: join(repo, 'media/screenshot-annotation.png'), clip: { x: 350, y: 60, width: 1050, height: 440 } });
}
