// Compare Critics: the matrix of the five Her critics × what they mention, shaded by count; then
// every critic on Samantha side by side (the column header chosen), and a passage's link opening
// the review at that passage.
import { join } from 'node:path';
import { runCommand, showMarginalia, treeRow } from './lib/workbench.mjs';

export default async function compareCritics({ page, shot, log, flags, repo }) {
  await showMarginalia(page);
  await treeRow(page, 'Becoming Human', 0); // the corpus is indexed
  await runCommand(page, 'Marginalia: Compare Critics');

  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const rows = view.locator('table.matrix tbody tr');
  await rows.first().waitFor({ timeout: 30_000 });
  const heading = await view.locator('h1').innerText();
  const critics = await view.locator('table.matrix tbody th[scope="row"]').allInnerTexts();
  const entities = await view.locator('table.matrix thead th.entity').allInnerTexts();
  if (critics.length !== 5) throw new Error(`expected 5 critics, saw ${critics.length}: ${critics.join(' | ')}`);
  const col = entities.indexOf('Samantha');
  if (col < 0) throw new Error(`no Samantha column: ${entities.join(', ')}`);
  const samantha = await rows.evaluateAll((trs, c) => trs.map((tr) => tr.querySelectorAll('td')[c].textContent), col);
  log(`${heading}: ${critics.length} critics × ${entities.length} entities; Samantha: ${critics.map((c, i) => `${c} ${samantha[i]}`).join(' · ')}`);
  if (samantha.some((n) => !(Number(n) > 0))) throw new Error(`a critic without Samantha: ${samantha.join(', ')}`);
  await page.mouse.move(700, 880);
  await shot('compare-matrix');
  // The README's copies: the view alone (the side bar is in the other pictures).
  if (flags['update-readme-shot']) await page.screenshot({ path: join(repo, 'media/screenshot-compare.png'), clip: { x: 350, y: 35, width: 1050, height: 420 } });

  // Every critic on Samantha, side by side.
  await view.locator('table.matrix thead th.entity', { hasText: /^Samantha$/ }).click();
  const columns = view.locator('.passages .columns .column');
  await columns.nth(4).waitFor({ timeout: 15_000 });
  const counts = await view.locator('.passages .columns .column h3').allInnerTexts();
  const marked = await view.locator('.passages .columns mark.mention').count();
  log(`passages: ${counts.join(' | ')}; ${marked} mentions marked`);
  if ((await columns.count()) !== 5) throw new Error(`expected 5 columns of passages, saw ${await columns.count()}`);
  await page.mouse.move(700, 880);
  await shot('compare-passages');
  if (flags['update-readme-shot']) await page.screenshot({ path: join(repo, 'media/screenshot-passages.png'), clip: { x: 350, y: 452, width: 1050, height: 408 } });

  // A passage's link opens the review beside the view, the mention selected.
  const link = columns.nth(0).locator('a.open').first();
  const label = await link.getAttribute('aria-label');
  await link.click();
  await page.waitForFunction(() => /\d+ selected/.test([...document.querySelectorAll('.statusbar-item')].map((e) => e.textContent).join(' ')), null, { timeout: 15_000 });
  const tab = await page.locator('.tab.active').last().innerText();
  log(`${label}: opened ${tab.split('\n')[0]}, ${await page.locator('.statusbar-item', { hasText: /selected/ }).first().innerText()}`);
}
