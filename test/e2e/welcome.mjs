// With no film in the workspace, the Reviews view says what a corpus is and offers the sample.
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { showMarginalia } from './lib/workbench.mjs';

export default async function welcome({ page, workspace, shot, log }) {
  await showMarginalia(page);
  const film = page.locator('.pane-body').first().locator('.monaco-list-row[aria-level="1"]').first();
  await film.waitFor({ timeout: 30_000 });
  // Taking the lexicon away turns the folder into an ordinary one; the view follows at once.
  renameSync(join(workspace, 'her', 'film.yaml'), join(workspace, 'her', 'film.yaml.bak'));
  const welcomeText = page.locator('.pane-body .welcome-view-content', { hasText: 'No film corpus' }).first();
  await welcomeText.waitFor({ timeout: 20_000 });
  const button = page.locator('.pane-body .welcome-view-content .monaco-button', { hasText: 'Open Sample Corpus' }).first();
  await button.waitFor({ timeout: 5_000 });
  log(`welcome: ${(await welcomeText.innerText()).replace(/\s+/g, ' ').slice(0, 120)}…`);
  await page.mouse.move(1300, 120);
  await shot('welcome');
}
