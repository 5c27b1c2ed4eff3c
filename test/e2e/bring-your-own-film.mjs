// A new user brings a film of their own, through the UI only: the Marginalia view's "…" menu →
// New Film… (title, year) → Import Reviews… from the raw pages saved in a downloads folder (the web
// UI's file dialog is VS Code's simple one: the path is typed) → Propose Lexicon Entries… from the
// import's notification, the strong proposals accepted as checked. Then the tree names each review
// "Critic — Title", and hovering a character shows its card. The film is one the tests never saw
// (Heat, 1995: its title an ordinary word), its pages written here in the shape of real ones.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expandRow, hoverWord, showMarginalia, treeRow, waitForMentions } from './lib/workbench.mjs';

const PAGES = {
  'heat-cinephile-blog.txt': `Cinephile's Corner
Reviews   Essays   Lists   About   Contact

Heat (1995): two men, one city, and a cup of coffee
Posted on March 3, 2021 by Lucia Fernández
★★★★★

Michael Mann’s Heat is three hours long and there is not a wasted minute in it. Neil McCauley (Robert De Niro) runs a crew of professional thieves out of Los Angeles; Lt. Vincent Hanna (Al Pacino) runs the detectives who are trying to catch him. Mann gives both men the same loneliness, and the same rule: don’t let yourself get attached to anything you are not willing to walk out on in thirty seconds flat.

The famous scene is the one in the coffee shop, where Hanna pulls McCauley over on the freeway and invites him for a cup. Pacino and De Niro sit across a table and talk about their dreams. Nothing happens, and it is the most suspenseful thing in the movie.

Val Kilmer is wonderful as Chris Shiherlis, the gambler in McCauley’s crew, and Ashley Judd gives Charlene, his wife, a last glance from a balcony that breaks your heart. Tom Sizemore’s Cheritto and Danny Trejo’s Trejo fill out the crew. Waingro (Kevin Gage) is the psychopath who brings the whole thing down.

Then there is the bank robbery and the shootout downtown: the loudest ten minutes of the decade, shot in real streets, with real echoes off the buildings. McCauley could have got away. Heat knows why he didn’t.

Share this:   Twitter   Facebook   Reddit
Like this:  Like Loading…
Categories: 90s, Crime, Michael Mann
3 Responses
Leave a Reply
`,
  'heat-weekly-paper.txt': `SUBSCRIBE   |   LOG IN
The Westside Weekly
News  •  Arts  •  Film  •  Food  •  Events

FILM
‘Heat’: Mann’s Los Angeles, at night, in steel blue
December 15, 1995
By Gordon Achebe
Grade: A

Heat
Written and directed by Michael Mann
Starring: Al Pacino, Robert De Niro, Val Kilmer, Jon Voight, Tom Sizemore, Diane Venora, Amy Brenneman, Ashley Judd
Rated R · 170 minutes

Heat is a crime picture with the soul of a novel. Vincent Hanna is a homicide detective on his third marriage; his wife Justine (Diane Venora) tells him he lives among the remains of dead people. Neil McCauley is a thief who lives alone in a house with no furniture and a view of the ocean, until he meets Eady (Amy Brenneman), a graphic designer who does not know what he does.

Michael Mann shoots Los Angeles as a city of glass and sodium light, and Dante Spinotti’s camera makes the freeways look like rivers. Jon Voight is Nate, McCauley’s fixer, with a ponytail and a voice like gravel.

When Hanna finally meets McCauley, Al Pacino shouts and Robert De Niro barely moves, and we understand that these two are the only people in the film who understand each other.

Advertisement
Comments (4)
`,
  'heat-diary.md': `**Heat** 1995 ★★★★½

Watched by **Sam Okonkwo** · 12 Jan 2024

Rewatch number six. Every time, I think this is the one where I will root for Hanna, and every time I end up holding my breath for McCauley at the airport.

De Niro plays Neil McCauley like a man made of rules, and the one time he breaks one — going back for Waingro — it kills him. Pacino’s Vincent Hanna is all noise on the outside and all quiet inside. The ending, the two of them under the runway lights, hand in hand, is still unbearable.

Chris and Charlene deserve their own movie.

Liked by 112 people · 9 comments
`,
};

const downloads = (workspace) => join(dirname(workspace), 'downloads');

export function prepare(workspace) {
  mkdirSync(downloads(workspace), { recursive: true });
  for (const [name, text] of Object.entries(PAGES)) writeFileSync(join(downloads(workspace), name), text);
}

const quickInput = (page) => page.locator('.quick-input-widget');

/** Types into the open quick input (an input box, a pick, the simple file dialog) and presses Enter. */
async function answer(page, text, { prompt } = {}) {
  const widget = quickInput(page);
  if (prompt) await widget.filter({ hasText: prompt }).waitFor({ timeout: 20_000 });
  const input = widget.locator('input.input').first();
  await input.waitFor({ timeout: 20_000 });
  await input.fill(text);
  await page.waitForTimeout(300); // the simple file dialog reads the typed path
  await page.keyboard.press('Enter');
}

/** A button in a notification toast whose message matches. */
async function clickNotificationButton(page, message, button) {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: message }).last();
  await toast.waitFor({ timeout: 30_000 });
  await toast.locator('.monaco-button', { hasText: button }).first().click();
}

/**
 * Opens a context menu (`open`) and clicks one of its items. A tree refreshing under the menu
 * closes it, as it would for a person, who would open it again: so do we, up to three times.
 */
async function menuItem(page, open, item) {
  for (let attempt = 1; ; attempt++) {
    await open();
    const entry = page.locator('.monaco-menu .action-menu-item', { hasText: item }).first();
    try {
      await entry.waitFor({ timeout: 10_000 });
      await page.waitForTimeout(200); // the menu takes clicks once it has settled
      await entry.click({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** The Reviews view's "…" (More Actions) menu, then one of its items. */
async function reviewsMenu(page, item) {
  const header = page.locator('.pane-header', { hasText: 'Reviews' }).first();
  await menuItem(page, async () => {
    await header.hover();
    await header.locator('.action-label[aria-label="More Actions..."]').click();
  }, item);
}

/** Import Reviews… → From files… → the page's path typed into the file dialog. */
async function importFromFile(page, path) {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'From files' }).first().click({ timeout: 20_000 });
  // The simple file dialog fills in its folder and lists it before it takes a typed path.
  const input = quickInput(page).locator('input.input').first();
  await page.waitForFunction((el) => el.value.startsWith('/'), await input.elementHandle(), { timeout: 20_000 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: '..' }).first().waitFor({ timeout: 20_000 });
  await input.fill(path);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: basename(path) }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
}

export default async function bringYourOwnFilm({ page, workspace, shot, log }) {
  await showMarginalia(page);
  await treeRow(page, 'Her', 0);

  // New Film…, from the Reviews view's menu: the title, then the year.
  await reviewsMenu(page, 'New Film…');
  await answer(page, 'Heat', { prompt: 'title' });
  await answer(page, '1995', { prompt: 'Year' });
  const lexicon = join(workspace, 'heat', 'film.yaml');
  await clickNotificationButton(page, 'Import its reviews now?', 'Import Reviews…');
  await importFromFile(page, join(downloads(workspace), 'heat-cinephile-blog.txt'));
  await page.locator('.notifications-toasts .notification-toast', { hasText: 'imported 1 review' }).last().waitFor({ timeout: 30_000 });

  // Two more pages: from the film row's context menu, and from the view's menu.
  await treeRow(page, 'Lucia Fernández', 0);
  await menuItem(page, async () => (await treeRow(page, 'Heat', 0)).click({ button: 'right' }), 'Import Reviews…');
  await importFromFile(page, join(downloads(workspace), 'heat-weekly-paper.txt'));
  await treeRow(page, 'Gordon Achebe', 0);
  await reviewsMenu(page, 'Import Reviews…');
  const placeholder = quickInput(page).locator('input.input').first();
  await page.waitForFunction((el) => /which film|Import reviews from/.test(el.placeholder), await placeholder.elementHandle(), { timeout: 20_000 });
  log(`asked: ${await placeholder.getAttribute('placeholder')}`);
  if (/which film/.test((await placeholder.getAttribute('placeholder')) ?? '')) await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Heat' }).first().click();
  await importFromFile(page, join(downloads(workspace), 'heat-diary.md'));
  await treeRow(page, 'Sam Okonkwo', 0);

  // The import's notification offers the next step while the lexicon is empty.
  await clickNotificationButton(page, 'lexicon has no names yet', 'Propose Lexicon Entries…');
  const pick = quickInput(page).filter({ hasText: 'Propose Lexicon Entries' });
  await pick.waitFor({ timeout: 30_000 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Neil McCauley' }).first().waitFor({ timeout: 10_000 });
  const checked = await page.locator('.quick-input-list .monaco-list-row[aria-checked="true"]').allInnerTexts();
  log(`checked to begin with: ${checked.map((t) => t.split('\n')[0]).join(', ')}`);
  await shot('byof-proposals');
  // A recurring name with too little evidence is listed last, unchecked: the reader knows Danny
  // Trejo is in the cast, checks him (found by typing), and says what he is.
  const filter = quickInput(page).locator('input.input').first();
  await filter.fill('Trejo');
  const hintRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Danny Trejo' }).first();
  await hintRow.waitFor({ timeout: 10_000 });
  await hintRow.click(); // a click on a row of a multi-select list checks it
  await page.waitForFunction((el) => el.getAttribute('aria-checked') === 'true', await hintRow.elementHandle(), { timeout: 5_000 });
  await filter.fill('');
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await quickInput(page).filter({ hasText: 'Add “Danny Trejo” as…' }).waitFor({ timeout: 20_000 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Person' }).first().click();
  await page.locator('.notifications-toasts .notification-toast', { hasText: /added .* to heat\/film\.yaml/ }).last().waitFor({ timeout: 30_000 });
  const yaml = readFileSync(lexicon, 'utf8');
  for (const expected of ['name: Neil McCauley', 'playedBy: [robert-de-niro]', 'name: Vincent Hanna', 'playedBy: [al-pacino]', 'roles: [director, writer]', 'name: Danny Trejo']) {
    if (!yaml.includes(expected)) throw new Error(`film.yaml lacks "${expected}":\n${yaml}`);
  }

  // The tree: each critic and title.
  await page.mouse.move(1300, 120);
  await expandRow(page, 'Heat', 0);
  const rows = [];
  for (const critic of ['Gordon Achebe', 'Lucia Fernández', 'Sam Okonkwo']) rows.push(await (await treeRow(page, critic, 0)).locator('.label-name').first().innerText());
  log(`review rows: ${rows.join(' | ')}`);
  const want = ['Gordon Achebe — ‘Heat’: Mann’s Los Angeles, at night, in steel blue', 'Lucia Fernández — Heat (1995): two men, one city, and a cup of coffee', 'Sam Okonkwo — Heat 1995'];
  for (const [i, w] of want.entries()) if (rows[i] !== w) throw new Error(`review row ${i}: "${rows[i]}", expected "${w}"`);
  // Wide enough to read each row whole, as a reader would drag the side bar.
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  await page.mouse.move(sidebar.x + sidebar.width, sidebar.y + 300);
  await page.mouse.down();
  await page.mouse.move(sidebar.x + 640, sidebar.y + 300, { steps: 10 });
  await page.mouse.up();
  await page.mouse.move(1300, 120);
  await page.waitForTimeout(500);
  await shot('byof-tree');

  // A character's card on hover, in a review opened from the tree.
  await (await treeRow(page, 'Lucia Fernández', 0)).locator('.label-name').first().click();
  await waitForMentions(page);
  // A hover that does not come (the editor still settling) is tried again, as a person would.
  const hover = await hoverWord(page, 'McCauley', 1).catch(async () => {
    await page.mouse.move(1300, 800);
    await page.waitForTimeout(1000);
    return hoverWord(page, 'McCauley', 1);
  });
  await page.waitForFunction(() => /mentions in/.test(document.querySelector('.monaco-hover:not(.hidden)')?.textContent ?? ''), null, { timeout: 15_000 });
  const text = await hover.innerText();
  log(`hover: ${text.replace(/\s+/g, ' ').slice(0, 220)}`);
  for (const expected of ['Neil McCauley', 'character', 'Played by Robert De Niro', 'mentions in 3 reviews', 'Gordon Achebe', 'Sam Okonkwo']) {
    if (!text.includes(expected)) throw new Error(`hover card lacks "${expected}": ${text}`);
  }
  await page.waitForTimeout(600); // the hover fades in
  await shot('byof-hover');
}
