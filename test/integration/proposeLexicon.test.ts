// Bringing a film the tests never saw, through the editor's commands only: New Film…, Import
// Reviews… of raw pages, then Propose Lexicon Entries… — the lexicon that results parses with no
// problems, holds the characters and cast linked by playedBy, and hovers in the reviews use it.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ReviewsNode } from '../../src/extension/features/trees/reviewsTree';
import { api, hoverText, positionOf, readText, remove, waitFor, workspaceRoot, writeText } from './helpers';
import { ROOM_PAGES } from './roomPages';

interface Outcome {
  proposed: Array<{ id: string; kind: string; name: string }>;
  hints: Array<{ name: string; reason: string }>;
  written: string[];
}

describe('proposing the lexicon of a new film', () => {
  const filmDir = () => vscode.Uri.joinPath(workspaceRoot(), 'room');
  const lexiconUri = () => vscode.Uri.joinPath(filmDir(), 'film.yaml');
  const rawDir = () => vscode.Uri.joinPath(workspaceRoot(), 'raw-room');
  after(async function () {
    this.timeout(60_000); // a loaded machine's file watcher can take its time over a deleted folder
    const { corpus, trees } = await api();
    // Unsaved edits left by a test would keep film.yaml alive in its editor (and ask to be saved).
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The suites after this one expect the workspace as it was: wait until the index has let go
    // and the Reviews tree has refreshed without the film (a refresh later would reset their rows).
    let refreshed = false;
    const listening = trees.reviews.onDidChangeTreeData(() => (refreshed = !corpus.index.film(filmDir().toString())));
    await remove(filmDir());
    await remove(rawDir());
    await waitFor('the film gone from the index and the tree', () => refreshed, 50_000);
    listening.dispose();
    await new Promise((r) => setTimeout(r, 500));
  });

  it('New Film, Import Reviews, Propose (accept all): characters and cast linked by playedBy, no problems, rows “Critic — Title”, cards on hover', async () => {
    const { corpus, trees } = await api();
    const dir = await vscode.commands.executeCommand<string>('marginalia.newFilm', { title: 'Room', year: 2015 });
    await waitFor('the new film in the index', () => corpus.index.film(dir));
    const files: string[] = [];
    for (const [name, text] of Object.entries(ROOM_PAGES)) {
      const uri = vscode.Uri.joinPath(rawDir(), name);
      await writeText(uri, text);
      files.push(uri.toString());
    }
    const imported = await vscode.commands.executeCommand<Array<{ review: string }>>('marginalia.importReviews', { film: dir, files });
    assert.strictEqual(imported?.length, 4);
    assert.ok(imported.every((r) => corpus.review(r.review)), 'the imported reviews are indexed when the command returns');

    // Every proposal, and a hint the reader knows better about: "Wardrobe", an ordinary word, is one
    // of the things Jack greets every morning — a character, in this film.
    const outcome = await vscode.commands.executeCommand<Outcome>('marginalia.proposeLexicon', { film: dir, accept: 'all', hints: { Wardrobe: 'character' } });
    assert.ok(outcome.proposed.length >= 12, `proposed ${outcome.proposed.length}`);
    assert.ok(outcome.hints.some((h) => h.name === 'Wardrobe'), `hints: ${outcome.hints.map((h) => h.name).join(', ')}`);
    assert.deepStrictEqual([...outcome.written].sort(), [...outcome.proposed.map((p) => p.id), 'wardrobe'].sort(), 'every proposal written, and the hint');

    // film.yaml: what New Film wrote is still there, and the index reads it without a problem.
    const yaml = await readText(lexiconUri());
    assert.match(yaml, /^# Lexicon for Room \(2015\)/);
    assert.match(yaml, /^ {2}title: Room$/m);
    const film = await waitFor('the proposed lexicon in the index', () => {
      const f = corpus.index.film(dir);
      return f && f.lexicon.entities.length > 10 ? f : undefined;
    });
    assert.deepStrictEqual(film.lexicon.diagnostics.map((d) => `${d.line + 1}:${d.character + 1} ${d.message}`), []);
    const problems = await waitFor('the Problems of film.yaml settled', async () => {
      await new Promise((r) => setTimeout(r, 300));
      return [vscode.languages.getDiagnostics(lexiconUri())];
    });
    assert.deepStrictEqual(problems[0].map((d) => d.message), [], 'Problems panel: nothing for film.yaml');

    const byName = (name: string) => film.lexicon.entities.find((e) => e.name === name || e.aliases.includes(name));
    const playedBy = (character: string) => byName(character)?.playedBy.map((id) => film.entity(id)?.name);
    assert.strictEqual(byName('Jack')?.kind, 'character');
    assert.strictEqual(byName('Wardrobe')?.kind, 'character');
    assert.deepStrictEqual(playedBy('Jack'), ['Jacob Tremblay']);
    assert.deepStrictEqual(playedBy('Ma'), ['Brie Larson']);
    assert.deepStrictEqual(playedBy('Nancy'), ['Joan Allen']);
    assert.deepStrictEqual(playedBy('Robert'), ['William H. Macy']);
    assert.deepStrictEqual(playedBy('Leo'), ['Tom McCamus']);
    assert.deepStrictEqual(byName('Brie Larson')?.roles, ['actor']);
    assert.deepStrictEqual(byName('Lenny Abrahamson')?.roles, ['director']);
    assert.deepStrictEqual(byName('Emma Donoghue')?.roles, ['writer']);
    for (const critic of ['Tomasz Wierzbicki', 'Harriet Osei', 'Ines Carvalho', 'Kwame Mensah']) assert.strictEqual(byName(critic), undefined, `critic ${critic} is not an entry`);
    assert.strictEqual(byName('Room')?.kind, 'film', 'the title is the film, not a character');

    // The tree names every review "Critic — Title": never a menu line, a rating or a date.
    const filmNode = trees.reviews.getChildren().find((n) => n.type === 'film' && n.dir === dir)!;
    const labels = trees.reviews.getChildren(filmNode).map((n) => {
      const label = trees.reviews.getTreeItem(n as ReviewsNode).label!;
      return typeof label === 'string' ? label : label.label;
    });
    assert.deepStrictEqual(labels.sort(), [
      'Harriet Osei — Movie review: ‘Room’ finds the light in a locked shed',
      'Ines Carvalho — Room (2015) — notes after a second viewing',
      'Kwame Mensah — TIFF 2015: ‘Room’ wins the People’s Choice Award — our review',
      'Tomasz Wierzbicki — Room review: a whole world in eleven square feet',
    ]);

    // Hovering a character's name in a review shows its card, with the actor and the critics.
    const review = imported.find((r) => r.review.includes('wierzbicki'))!.review;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(review));
    await vscode.window.showTextDocument(doc);
    const hover = await waitFor('the card of Jack', async () => {
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Jack (Jacob', 0, 2)));
      return text.includes('Played by Jacob Tremblay') ? text : undefined;
    });
    assert.match(hover, /\*\*Jack\*\* · character/);
    assert.match(hover, /mentions in 4 reviews/);
    assert.match(hover, /Kwame Mensah/);
  });

  it('with film.yaml open and unsaved, the entries go into the editor: the unsaved text stays, undo takes them back', async () => {
    const { corpus } = await api();
    const dir = filmDir().toString();
    // Take a few entries out again, so there is something to propose.
    const doc = await vscode.workspace.openTextDocument(lexiconUri());
    const editor = await vscode.window.showTextDocument(doc);
    const text = doc.getText();
    const start = text.indexOf('\nthemes:');
    assert.ok(start > 0);
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(start + 1), doc.positionAt(text.length)), 'themes: []\n'));
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# my own note, not saved yet\n'));
    await doc.save();
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), '# a second note, unsaved\n'));
    assert.ok(doc.isDirty);
    const onDisk = await readText(lexiconUri());

    const outcome = await vscode.commands.executeCommand<Outcome>('marginalia.proposeLexicon', { film: dir, accept: 'all' });
    const themes = outcome.proposed.filter((p) => p.kind === 'theme');
    assert.ok(themes.length > 0, 'themes proposed again');
    assert.deepStrictEqual(outcome.written, themes.map((p) => p.id));
    assert.ok(doc.isDirty, 'still unsaved');
    assert.ok(doc.getText().startsWith('# my own note, not saved yet\n# a second note, unsaved\n'));
    for (const t of themes) assert.ok(doc.getText().includes(`id: ${t.id}`), t.id);
    assert.strictEqual(await readText(lexiconUri()), onDisk, 'the file on disk is not touched');
    await waitFor('the live lexicon in the index', () => themes.every((t) => corpus.index.film(dir)?.entity(t.id)));

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.ok(!doc.getText().includes(`id: ${themes[0].id}`), 'undo takes the entries back');
    assert.ok(doc.getText().includes('# a second note, unsaved'), 'the unsaved note stays');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
