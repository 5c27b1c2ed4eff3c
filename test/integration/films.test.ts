// Bringing your own film in the editor: New Film… makes a folder with a film.yaml the corpus picks
// up, and Import Reviews… turns raw pages into review files named "Critic — Title" in the tree.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReviewsNode } from '../../src/extension/features/trees/reviewsTree';
import { api, inWebWorker, readText, remove, waitFor, workspaceRoot, writeText } from './helpers';

const COPIED_PAGE = `Home | Reviews | Festivals | About
Share on Facebook  Tweet  Email

Arrival review: the grammar of grief
By Dana Okafor
November 16, 2016
★★★★½

Denis Villeneuve’s Arrival is a film about a linguist, Louise Banks (Amy Adams), who is asked to talk to visitors from elsewhere.
It is also, quietly, a film about grief — and the way Amy Adams plays it is a marvel of restraint.

Tag: Amy Adams
Tag: Denis Villeneuve
Related posts
Subscribe to our newsletter
© 2016 Reel Notes. All rights reserved.
`;

const SAVED_PAGE = `<!doctype html><html><head><title>Arrival – The Ledger</title>
<meta property="og:title" content="Arrival: first contact"><meta name="author" content="Marcus Hale">
<script>document.title = 'hacked'</script></head><body><nav><a href="/">Home</a> <a href="/reviews">Reviews</a></nav>
<article><h1>Arrival: first contact</h1><p class="byline">By Marcus Hale</p>
<p>Amy Adams gives Louise Banks a stillness that the film’s whole structure depends on, and Denis Villeneuve trusts it.</p>
<p>The heptapods write in circles; the film, too, comes back to where it began, and the ending lands like a memory.</p>
<p>Jeremy Renner is fine as the physicist, though the script gives him little more than wonder to play, scene after scene.</p></article>
<aside>Related: 10 best sci-fi films</aside><footer>© The Ledger</footer></body></html>`;

describe('bringing your own film', () => {
  const film = () => vscode.Uri.joinPath(workspaceRoot(), 'arrival');
  after(async () => {
    await remove(film());
    await remove(vscode.Uri.joinPath(workspaceRoot(), 'raw-pages'));
  });

  it('New Film creates a film folder with a valid film.yaml that the corpus picks up', async () => {
    const { corpus } = await api();
    const dir = await vscode.commands.executeCommand<string>('marginalia.newFilm', { title: 'Arrival', year: 2016 });
    assert.strictEqual(dir, film().toString());
    const yaml = await readText(vscode.Uri.joinPath(film(), 'film.yaml'));
    assert.match(yaml, /title: Arrival/);
    await waitFor('the new film in the index', () => corpus.index.film(dir));
    assert.deepStrictEqual(corpus.index.film(dir)!.lexicon.diagnostics.filter((d) => d.severity === 'error'), []);
    // A second time, nothing is overwritten.
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.newFilm', { title: 'Arrival', year: 2016 }), undefined);
  });

  it('Import Reviews turns a page copied from a browser into a review; the tree names it “Critic — Title”', async () => {
    const { corpus, trees } = await api();
    const raw = vscode.Uri.joinPath(workspaceRoot(), 'raw-pages', 'arrival-copied.txt');
    await writeText(raw, COPIED_PAGE);
    const imported = await vscode.commands.executeCommand<Array<{ review: string }>>('marginalia.importReviews', { film: film().toString(), files: [raw.toString()] });
    assert.strictEqual(imported?.length, 1);
    const text = await readText(vscode.Uri.parse(imported[0].review));
    assert.match(text, /^critic: Dana Okafor$/m);
    assert.match(text, /^date: '?2016-11-16'?$/m);
    assert.ok(text.includes('It is also, quietly, a film about grief — and the way Amy Adams plays it is a marvel of restraint.'));
    for (const chrome of ['Tweet', 'Tag: Amy Adams', 'Subscribe', 'All rights reserved']) assert.ok(!text.includes(chrome), chrome);
    await waitFor('the review in the index', () => corpus.review(imported[0].review));
    const filmNode = trees.reviews.getChildren().find((n) => n.type === 'film' && n.dir === film().toString())!;
    await waitFor('the review row', () => trees.reviews.getChildren(filmNode).length === 1);
    const row = trees.reviews.getTreeItem(trees.reviews.getChildren(filmNode)[0] as ReviewsNode);
    const label = typeof row.label === 'string' ? row.label : row.label!.label;
    assert.match(label, /^Dana Okafor — Arrival review/);
    // Never over an existing file: the same page again gets a new name.
    const again = await vscode.commands.executeCommand<Array<{ review: string }>>('marginalia.importReviews', { film: film().toString(), files: [raw.toString()] });
    assert.notStrictEqual(again![0].review, imported[0].review);
  });

  it('a saved web page imports in the Node host; the web build says how to import it instead', async () => {
    const raw = vscode.Uri.joinPath(workspaceRoot(), 'raw-pages', 'arrival-ledger.html');
    await writeText(raw, SAVED_PAGE);
    const imported = await vscode.commands.executeCommand<Array<{ review: string }>>('marginalia.importReviews', { film: film().toString(), files: [raw.toString()] });
    if (inWebWorker) {
      assert.deepStrictEqual(imported, []);
      return;
    }
    assert.strictEqual(imported?.length, 1);
    const text = await readText(vscode.Uri.parse(imported[0].review));
    assert.match(text, /^critic: Marcus Hale$/m);
    assert.ok(text.includes('Amy Adams gives Louise Banks a stillness'));
    for (const chrome of ['hacked', 'document.title', '10 best sci-fi', 'The Ledger</footer>']) assert.ok(!text.includes(chrome), chrome);
  });
});
