// The Marginalia activity bar icon opens the Reviews tree: film → its reviews.
import { copyFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Review files of the workspace's only film folder (one with film.yaml), or null if several films. */
function expectedReviews(workspace) {
  const films = readdirSync(workspace)
    .map((d) => join(workspace, d))
    .filter((d) => statSync(d).isDirectory() && readdirSync(d).includes('film.yaml'));
  if (films.length !== 1) return null;
  return readdirSync(films[0]).filter((f) => /\.(md|txt)$/i.test(f) && !/^readme\./i.test(f)).length;
}

/** Drags the side bar's sash to `width` px (cosmetic: best effort). */
async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

export default async function reviewsTree({ page, workspace, shot, flags, repo, log }) {
  const icon = page.locator('.activitybar .action-item a[aria-label^="Marginalia"]');
  await icon.waitFor({ timeout: 30_000 });
  // Clicking an already selected container would close the side bar.
  if ((await icon.getAttribute('aria-expanded')) !== 'true') await icon.click();

  const rows = page.locator('.pane-body .monaco-list-row');
  const filmRow = rows.and(page.locator('[aria-level="1"]')).first();
  await filmRow.waitFor({ timeout: 30_000 });
  if ((await filmRow.getAttribute('aria-expanded')) === 'false') await filmRow.click();

  const expected = expectedReviews(workspace) ?? 5;
  // The film's children are the level-2 rows of the first tree (the Reviews view).
  const reviewRows = page.locator('.pane-body').first().locator('.monaco-list-row[aria-level="2"]');
  await page.waitForFunction(
    (n) => document.querySelector('.pane-body')?.querySelectorAll('.monaco-list-row[aria-level="2"]').length === n,
    expected,
    { timeout: 30_000 },
  ).catch(async () => {
    throw new Error(`expected ${expected} review rows under the film, saw ${await reviewRows.count()}`);
  });
  log(`film "${(await filmRow.innerText()).split('\n')[0]}" with ${expected} reviews: ${(await reviewRows.allInnerTexts()).map((t) => t.split('\n')[0]).join(' | ')}`);
  // Cast & Themes fills in from the same index; the picture shows both views.
  await page.locator('.pane-body').nth(1).locator('.monaco-list-row', { hasText: 'Samantha' }).first().waitFor({ timeout: 30_000 });
  await widenSideBar(page, 420); // long review titles are the point of the picture
  await page.mouse.move(900, 700); // away from the icon: no tooltip or hover highlight in the picture
  await page.locator('.monaco-hover:not(.hidden), .workbench-hover-container').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  const file = await shot('reviews-tree');
  if (flags['update-readme-shot']) copyFileSync(file, join(repo, 'media/screenshot-reviews.png'));
}
