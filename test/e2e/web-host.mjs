// VS Code for the Web: the same extension in the browser's web worker extension host (a browser-only
// copy of the build), on code-server's remote file system. The Reviews tree and a hover card, as a
// user of the web build sees them.
import { hoverWord, openFile, showMarginalia, treeRow, waitForMentions } from './lib/workbench.mjs';

export const host = 'web';

export default async function webHost({ page, shot, log }) {
  await showMarginalia(page);
  const row = await treeRow(page, 'Becoming Human', 0);
  log(`Reviews tree row in the web worker host: ${(await row.innerText()).split('\n').join(' · ')}`);
  await openFile(page, 'poignant-exploration.md');
  await waitForMentions(page);
  const hover = await hoverWord(page, 'Samantha');
  const text = await hover.innerText();
  if (!/Samantha/.test(text) || !/character/.test(text)) throw new Error(`unexpected hover: ${text}`);
  log(`hover: ${text.split('\n').slice(0, 3).join(' · ')}`);
  await shot('web-host-hover-and-tree');
}
