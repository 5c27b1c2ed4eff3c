// Small helpers shared by the end-to-end scenarios (not a scenario itself: it lives in lib/).

/** Opens a workspace file through Quick Open, as a user would. */
export async function openFile(page, name) {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).first().waitFor({ timeout: 15_000 });
  await page.locator('.editor-instance .view-line').first().waitFor({ timeout: 15_000 });
}

/** Waits until the open review shows Marginalia's mention decorations (the extension is active and indexed). */
export async function waitForMentions(page) {
  await page.waitForFunction(() => document.querySelectorAll('.editor-instance [class*="ced-"]').length > 0, null, { timeout: 60_000 });
}

/** Screen box of the n-th visible occurrence of `word` in the editor's rendered lines. */
export async function wordBox(page, word, occurrence = 0) {
  const box = await page.evaluate(
    ({ word, occurrence }) => {
      const lines = [...document.querySelectorAll('.editor-instance .view-lines .view-line')].sort(
        (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
      );
      let seen = 0;
      for (const line of lines) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          let at = node.textContent.indexOf(word);
          while (at >= 0) {
            if (seen++ === occurrence) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + word.length);
              const r = range.getBoundingClientRect();
              return { x: r.x, y: r.y, width: r.width, height: r.height };
            }
            at = node.textContent.indexOf(word, at + 1);
          }
        }
      }
      return null;
    },
    { word, occurrence },
  );
  if (!box) throw new Error(`"${word}" is not visible in the editor`);
  return box;
}

/** Moves the mouse onto a word in a few steps and waits for VS Code's hover. */
export async function hoverWord(page, word, occurrence = 0) {
  const b = await wordBox(page, word, occurrence);
  await page.mouse.move(b.x + b.width / 2 - 40, b.y + b.height / 2 + 30);
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await hover.waitFor({ timeout: 15_000 });
  return hover;
}

export async function showMarginalia(page) {
  const icon = page.locator('.activitybar .action-item a[aria-label^="Marginalia"]');
  await icon.waitFor({ timeout: 30_000 });
  if ((await icon.getAttribute('aria-expanded')) !== 'true') await icon.click();
}

/** The tree row whose label contains `text` (in the first view of the side bar). */
export async function treeRow(page, text, pane = 0) {
  const row = page.locator('.pane-body').nth(pane).locator('.monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: 15_000 });
  return row;
}

/**
 * Expands a tree row through its twistie, so the row's own command (opening a file) does not run.
 * A row the extension marks expanded shows collapsed until the workbench has its children; clicking
 * it then would close it, so a row gets a moment to open on its own first.
 */
export async function expandRow(page, text, pane = 0) {
  const row = await treeRow(page, text, pane);
  const handle = await row.elementHandle();
  const open = (timeout) => page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', handle, { timeout });
  if (!(await open(1500).then(() => true, () => false))) await row.locator('.monaco-tl-twistie').click();
  await open(10_000);
  return row;
}

/** Runs a command from the palette by its title; F1 again if the palette did not open (the workbench still settling). */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget:not([style*="display: none"]) input').first();
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    if (await input.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) break;
    if (attempt === 2) throw new Error(`the command palette did not open for “${title}”`);
  }
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}
