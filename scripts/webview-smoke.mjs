// `npm run test:webview`: the comparison view's bundle in headless Chromium under the strict CSP
// the extension will use (script only by nonce, styles only from files): it renders the real Her
// matrix, moves with the keyboard, posts the protocol's messages, shows passages, saves its state,
// and triggers no CSP violation. Screenshots (light, dark) go to $WEBVIEW_SHOTS or a temp folder.
// Needs `node esbuild.mjs --dev` first (the bundle and the compiled core).

import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { launchBrowser } from './host.mjs';

const require = createRequire(import.meta.url);
const REPO = resolve(import.meta.dirname, '..');
const { buildCompareMatrix, passagesFor } = require(join(REPO, 'out/src/core/compare/index.js'));
const { compareInput, herFilm } = require(join(REPO, 'out/test/unit/compare/compareFixtures.js'));

const film = await herFilm();
const { reviews, entities } = compareInput(film);
const matrix = buildCompareMatrix(reviews, entities, { sort: 'count' });
const dir = mkdtempSync(join(tmpdir(), 'marginalia-webview-'));
const shots = process.env.WEBVIEW_SHOTS ?? dir;
mkdirSync(shots, { recursive: true });
const url = (p) => pathToFileURL(join(REPO, p)).href;
// Theme variables as VS Code injects them (a few), from a file: inline styles are not allowed.
const themes = {
  light: '--vscode-foreground:#3b3b3b;--vscode-editor-background:#ffffff;--vscode-charts-blue:#1a85ff;--vscode-focusBorder:#005fb8;--vscode-descriptionForeground:#717171;--vscode-textLink-foreground:#005fb8;--vscode-font-family:system-ui, sans-serif;--vscode-font-size:13px;--vscode-button-secondaryBackground:#e5e5e5;--vscode-button-secondaryForeground:#3b3b3b;--vscode-panel-border:#e5e5e5',
  dark: '--vscode-foreground:#cccccc;--vscode-editor-background:#1f1f1f;--vscode-charts-blue:#3794ff;--vscode-focusBorder:#0078d4;--vscode-descriptionForeground:#9d9d9d;--vscode-textLink-foreground:#4daafc;--vscode-font-family:system-ui, sans-serif;--vscode-font-size:13px;--vscode-button-secondaryBackground:#313131;--vscode-button-secondaryForeground:#cccccc;--vscode-panel-border:#2b2b2b',
};
const nonce = 'n' + Math.random().toString(36).slice(2);
function page(theme) {
  writeFileSync(join(dir, `theme-${theme}.css`), `html { ${themes[theme]} }`);
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src file:; script-src 'nonce-${nonce}';">
<link rel="stylesheet" href="${pathToFileURL(join(dir, `theme-${theme}.css`)).href}">
<link rel="stylesheet" href="${url('media/compare.css')}">
</head><body class="vscode-${theme}"><script nonce="${nonce}" src="${url('dist/webview/compare.js')}"></script></body></html>`;
  const file = join(dir, `compare-${theme}.html`);
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

function check(ok, what) {
  if (!ok) throw new Error(`webview smoke: ${what}`);
  console.log(`  ✔ ${what}`);
}

const browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
try {
  for (const theme of ['light', 'dark']) {
    const p = browser.page;
    const violations = [];
    p.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    await p.addInitScript(() => {
      window.__posted = [];
      window.__state = undefined;
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => window.__state, setState: (s) => (window.__state = s) });
    });
    await p.goto(page(theme));
    const posted = () => p.evaluate(() => window.__posted);
    check((await posted()).some((m) => m.type === 'ready'), `${theme}: the view says it is ready`);
    await p.evaluate((m) => window.postMessage(m, '*'), { type: 'matrix', matrix, filters: { kinds: [] }, sort: 'count', film: 'Her' });
    await p.waitForSelector('td[role=gridcell]');
    const cells = await p.$$eval('td[role=gridcell]', (els) => els.length);
    check(cells === matrix.critics.length * matrix.entities.length, `${theme}: ${cells} cells for ${matrix.critics.length} reviews × ${matrix.entities.length} entities`);
    const label = await p.$eval('td[role=gridcell][data-row="0"][data-col="0"]', (el) => el.getAttribute('aria-label'));
    check(/ — .+: \d+ mentions?$/.test(label), `${theme}: cells are labelled ("${label}")`);
    await p.focus('td[data-row="0"][data-col="0"]');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('Enter');
    const cell = (await posted()).at(-1);
    check(cell.type === 'selectCell' && cell.entityId === matrix.entities[1].id && cell.reviewUri === matrix.critics[0].uri, `${theme}: arrow + Enter asks for that cell's passages`);
    const focused = await p.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    check(focused?.includes(matrix.entities[1].name), `${theme}: focus moved with the arrow key`);
    await p.keyboard.press('ArrowUp');
    await p.keyboard.press('Enter');
    const entity = (await posted()).at(-1);
    check(entity.type === 'selectEntity' && entity.entityId === matrix.entities[1].id, `${theme}: Enter on a heading asks for every critic`);
    const columns = passagesFor(reviews, entity.entityId);
    await p.evaluate((m) => window.postMessage(m, '*'), { type: 'passages', entityId: entity.entityId, columns });
    await p.waitForSelector('.columns .column');
    const shown = await p.$$eval('.columns .column', (els) => els.length);
    check(shown === columns.length, `${theme}: ${shown} critics side by side`);
    const marks = await p.$$eval('.passage mark.mention', (els) => els.map((e) => e.textContent));
    check(marks.length > 0 && marks.every((t) => t.length > 0), `${theme}: ${marks.length} mentions emphasised in the passages`);
    await p.click('.columns a.open');
    const open = (await posted()).at(-1);
    check(open.type === 'open' && typeof open.start === 'number' && open.end > open.start, `${theme}: a passage link posts open`);
    const state = await p.evaluate(() => window.__state);
    check(state?.selection?.kind === 'entity' && state.selection.entityId === entity.entityId, `${theme}: the selection is saved for a reload`);
    await p.click('.kinds input[value="theme"]');
    const filter = (await posted()).at(-1);
    check(filter.type === 'setFilter' && !filter.kinds.includes('theme') && filter.kinds.length === 3, `${theme}: unticking Themes asks for the other kinds`);
    await p.selectOption('#compare-sort', 'name');
    check((await posted()).at(-1).type === 'setSort', `${theme}: the sort posts setSort`);
    await p.click('button.copy');
    check((await posted()).at(-1).type === 'copyCsv', `${theme}: Copy as CSV posts copyCsv`);
    await p.screenshot({ path: join(shots, `compare-${theme}.png`), fullPage: true });
    check(violations.length === 0, `${theme}: no CSP violation${violations.length ? ': ' + violations.join('; ') : ''}`);
    // the watch above can see a violation: an inline style, added on purpose, is refused
    await p.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div style="color: red">x</div>'));
    await p.waitForTimeout(200);
    check(violations.length > 0, `${theme}: the CSP is enforced (a deliberate inline style is refused)`);
  }
  console.log(`screenshots in ${shots}`);
} finally {
  await browser.close();
}
