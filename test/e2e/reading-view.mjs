// The reading view: a Her review read in VS Code's Markdown preview beside its source, opened with
// the editor's "Read Review" button. Names are marked, an annotated passage is highlighted with its
// note as a tooltip, and clicking a mark takes the reader to its line in the source.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFile, waitForMentions } from './lib/workbench.mjs';

const REVIEW = 'poignant-exploration.md';
const TXT = 'plain-text-review.txt';
const TXT_TEXT = [
  'Her, read in plain text',
  '',
  'Spike Jonze’s Her follows Theodore Twombly (Joaquin Phoenix), a writer of other people’s letters,',
  'as he falls for Samantha, an operating system voiced by Scarlett Johansson.',
  '',
  'What the film understands is loneliness: *nothing* here is marked up, <b>nothing</b> is bold,',
  '# and this line is not a heading.',
  '',
  'Samantha grows; Theodore learns to let her go.',
  '',
].join('\n');
const PASSAGE = 'a deep emotional bond with Samantha';
const NOTE = 'Where the romance begins: the bond is named before it is shown.';

/** A sidecar with one annotation, as Annotate Selection writes it (the quote and its context locate it). */
export function prepare(workspace) {
  writeFileSync(join(workspace, 'her', TXT), TXT_TEXT);
  const text = readFileSync(join(workspace, 'her', REVIEW), 'utf8');
  const start = text.indexOf(PASSAGE);
  const end = start + PASSAGE.length;
  const q = (s) => JSON.stringify(s);
  writeFileSync(
    join(workspace, 'her', REVIEW.replace(/\.md$/, '.annotations.yaml')),
    [
      'version: 1',
      `review: ${REVIEW}`,
      'annotations:',
      '  - id: e2e001',
      '    tags: [ samantha, connection ]',
      `    note: ${q(NOTE)}`,
      '    target:',
      `      quote: ${q(PASSAGE)}`,
      `      prefix: ${q(text.slice(Math.max(0, start - 32), start))}`,
      `      suffix: ${q(text.slice(end, end + 32))}`,
      `      start: ${start}`,
      `      end: ${end}`,
      '    links: []',
      '    created: 2026-01-10T09:41:00.000Z',
      '    modified: 2026-01-10T09:41:00.000Z',
      '',
    ].join('\n'),
  );
}

/** The Markdown preview's document (a webview: an iframe holding the active frame). */
export function previewFrame(page) {
  return page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
}

/** Quick Open, waiting for the file itself among the results (recent files come first). */
async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click({ timeout: 15_000 });
  await page.locator(`.tab.active[aria-label*="${name}"]`).first().waitFor({ timeout: 15_000 });
}

/** The editor's cursor line (1-based), from the status bar ("Ln 9, Col 1"). */
async function cursorLine(page) {
  const text = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText();
  return Number(/Ln (\d+)/.exec(text)[1]);
}

export default async function readingView({ page, shot, log, flags, repo }) {
  await openFile(page, REVIEW);
  await waitForMentions(page);
  const button = page.locator('.editor-actions a.action-label[aria-label^="Read Review"]').first();
  await button.waitFor({ timeout: 15_000 });
  await button.click();

  const preview = previewFrame(page);
  const samantha = preview.locator('span.marginalia-mention[data-entity="samantha"]');
  await samantha.first().waitFor({ timeout: 30_000 });
  const annotation = preview.locator('mark.marginalia-annotation[data-annotation="e2e001"]');
  await annotation.first().waitFor({ timeout: 15_000 });
  const title = await annotation.first().getAttribute('title');
  if (!title?.startsWith(NOTE)) throw new Error(`the highlight's tooltip is ${title}`);
  const counts = await preview.locator('span.marginalia-mention').evaluateAll((els) => {
    const by = {};
    for (const el of els) by[el.className.replace('marginalia-mention ', '')] = (by[el.className.replace('marginalia-mention ', '')] ?? 0) + 1;
    return by;
  });
  log(`marks in the preview: ${JSON.stringify(counts)}; Samantha ×${await samantha.count()}; highlight: “${(await annotation.first().innerText()).trim()}” — ${title}`);
  if (counts['marginalia-theme']) throw new Error('themes are marked although the themes toggle is off');
  // The mark's underline is drawn in its kind's colour (reading.css with the theme's colours).
  const underline = await samantha.first().evaluate((el) => getComputedStyle(el).textDecorationLine);
  if (!underline.includes('underline')) throw new Error(`a name is not underlined: ${underline}`);

  await page.mouse.move(700, 880); // no hover in the picture
  await page.waitForTimeout(500);
  await shot('reading-view');
  // The README's copy: the source and the reading view (the side bar is in the other pictures).
  if (flags['update-readme-shot']) await page.screenshot({ path: join(repo, 'media/screenshot-reading.png'), clip: { x: 350, y: 35, width: 1050, height: 620 } });

  // A click on a mark opens its line in the source. Samantha's third mark is on line 7.
  const target = samantha.nth(2);
  const href = await target.locator('a.marginalia-source').getAttribute('href');
  const line = Number(/#L(\d+)$/.exec(href)[1]);
  await target.click();
  await page.waitForFunction(
    (want) => [...document.querySelectorAll('.statusbar-item')].some((el) => new RegExp(`Ln ${want}, Col \\d+`).test(el.textContent ?? '')),
    line,
    { timeout: 10_000 },
  ).catch(async () => {
    throw new Error(`clicking ${href} left the cursor on line ${await cursorLine(page)}`);
  });
  log(`clicked ${href}: the source's cursor is on line ${await cursorLine(page)}`);

  // A plain-text review reads in Marginalia's reading panel, rendered by the same engine.
  await quickOpen(page, TXT);
  await waitForMentions(page);
  await button.click();
  const panel = previewFrame(page);
  const marks = panel.locator('span.marginalia-mention');
  await marks.first().waitFor({ timeout: 30_000 });
  const text = await panel.locator('main.marginalia-reading').innerText();
  if (!text.includes('*nothing* here is marked up, <b>nothing</b> is bold') || !text.includes('# and this line is not a heading.')) throw new Error(`the plain text did not come out verbatim: ${text}`);
  log(`reading panel of ${TXT}: ${await marks.count()} marks`);
  await page.mouse.move(700, 880);
  await page.waitForTimeout(300);
  await shot('reading-panel-txt');
  const last = panel.locator('span.marginalia-mention[data-entity="samantha"]').last();
  await last.click();
  await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some((el) => /Ln 9, Col \d+/.test(el.textContent ?? '')), null, { timeout: 10_000 }).catch(async () => {
    throw new Error(`clicking Samantha on line 9 of the .txt left the cursor on line ${await cursorLine(page)}`);
  });
  log('clicked Samantha in the panel: the .txt source is on line 9');
}

