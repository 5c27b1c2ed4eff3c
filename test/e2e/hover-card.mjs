// Hovering "Samantha" in a review shows the entity card: who she is, who voices her, and the
// critics who discuss her, each a link to the first mention in that review.
import { join } from 'node:path';
import { hoverWord, openFile, waitForMentions } from './lib/workbench.mjs';

export default async function hoverCard({ page, shot, log, flags, repo }) {
  await openFile(page, 'poignant-exploration.md');
  await waitForMentions(page);
  const hover = await hoverWord(page, 'Samantha');
  await page.waitForFunction(() => /mentions in/.test(document.querySelector('.monaco-hover:not(.hidden)')?.textContent ?? ''), null, { timeout: 15_000 });
  const text = await hover.innerText();
  log(`hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
  for (const expected of ['Samantha', 'Played by Scarlett Johansson', 'mentions in 5 reviews', 'Jessica Gross', 'Hua Ruonan']) {
    if (!text.includes(expected)) throw new Error(`hover card lacks "${expected}": ${text}`);
  }
  await page.waitForTimeout(600); // the hover fades in
  await shot('hover-samantha');
  // The README's copy: the editor's top half, where the hover is (smaller than the whole window).
  if (flags['update-readme-shot']) await page.screenshot({ path: join(repo, 'media/screenshot-hover.png'), clip: { x: 350, y: 60, width: 1050, height: 440 } });
}
