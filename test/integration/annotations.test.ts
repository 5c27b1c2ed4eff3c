// Annotations in the real host: the write command, annotate-selection with arguments, a hover on
// the annotated passage, live tracking of edits, links, a broken sidecar left untouched, orphans
// and their quick fix, and annotations following reloads. Every test makes what it needs and
// removes every sidecar afterwards: none depends on another's state.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, herDir, herKey, hoverText, listNames, openReview, readText, remove, reviewUri, waitFor, writeText, removeSidecars, sidecarOf } from './helpers';

interface WriteSummary {
  written: string[];
  unchanged: string[];
  orphaned: number;
  failed: Array<{ review: string; errors: string[] }>;
}

const sidecar = sidecarOf;


async function annotate(review: string, passage: string, tags: string[], note: string): Promise<{ id: string; start: number; end: number }> {
  const doc = await openReview(review);
  const start = doc.getText().indexOf(passage);
  assert.ok(start >= 0, passage);
  const id = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { review: doc.uri.toString(), start, end: start + passage.length, tags, note });
  assert.ok(id);
  return { id, start, end: start + passage.length };
}

describe('annotations', () => {
  beforeEach(removeSidecars);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeSidecars();
  });

  it('Write Annotation Sidecars creates a sidecar next to each of the five reviews; a second run changes nothing', async () => {
    const first = await vscode.commands.executeCommand<WriteSummary>('marginalia.writeSidecars');
    assert.strictEqual(first.written.length, 5, JSON.stringify(first));
    const names = await listNames(herDir());
    for (const review of names.filter((f) => f.endsWith('.md'))) assert.ok(names.includes(review.replace(/\.md$/, '.annotations.yaml')), review);
    const bytes = await readText(sidecar('poignant-exploration.md'));
    assert.match(bytes, /^version: 1$/m);
    assert.match(bytes, /entity: samantha/);
    const second = await vscode.commands.executeCommand<WriteSummary>('marginalia.writeSidecars');
    assert.strictEqual(second.unchanged.length, 5, JSON.stringify(second));
    assert.strictEqual(await readText(sidecar('poignant-exploration.md')), bytes);
  });

  it('Annotate Selection with arguments saves at once, and a hover shows the note and tags', async () => {
    const { annotations } = await api();
    const { id, start } = await annotate('movie-review-her.md', 'He craves connection with a human', ['theodore', 'connection', 'paradox'], 'The whole film in one line.');
    const onDisk = await readText(sidecar('movie-review-her.md'));
    assert.match(onDisk, new RegExp(`id: ${id}`));
    assert.match(onDisk, /note: The whole film in one line\./);
    assert.strictEqual(annotations.find(herKey('movie-review-her.md'), id)?.start, start);
    const doc = await openReview('movie-review-her.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(start + 12));
    const shown = hoverText(hovers);
    assert.match(shown, /The whole film in one line/);
    assert.match(shown, /\*\*Theodore Twombly\*\*/);
    assert.match(shown, /#paradox/);
  });

  it('an edit in the editor moves the annotation with its passage; saving rewrites the sidecar', async () => {
    const { annotations } = await api();
    const passage = 'He craves connection with a human';
    const { id, start } = await annotate('movie-review-her.md', passage, ['theodore'], 'Moves with the text.');
    const doc = await openReview('movie-review-her.md');
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(doc.positionAt(doc.getText().indexOf('The protagonist')), 'An inserted sentence. '));
    const moved = annotations.find(herKey('movie-review-her.md'), id)!;
    assert.strictEqual(moved.start, start + 'An inserted sentence. '.length);
    assert.strictEqual(doc.getText().slice(moved.start, moved.end), passage);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(moved.start + 3));
    assert.match(hoverText(hovers), /Moves with the text/);
    const original = doc.getText().replace('An inserted sentence. ', '');
    await doc.save();
    try {
      await waitFor('the sidecar to follow the saved review', async () => new RegExp(`start: ${moved.start}\\b`).test(await readText(sidecar('movie-review-her.md'))));
    } finally {
      await writeText(reviewUri('movie-review-her.md'), original);
      await waitFor('the review back as it was', () => api().then(({ corpus }) => corpus.review(herKey('movie-review-her.md'))?.text === original));
    }
  });

  it('links two annotations; Go to Definition on one goes to the other', async () => {
    const { annotations } = await api();
    const other = await annotate('movie-review-her.md', 'He craves connection with a human', ['theodore'], 'One end.');
    const mine = await annotate('poignant-exploration.md', 'Samantha’s evolution', ['samantha'], 'Growth');
    const doc = await openReview('poignant-exploration.md');
    await vscode.commands.executeCommand('marginalia.linkAnnotation', { review: doc.uri.toString(), id: mine.id, target: { review: herKey('movie-review-her.md'), id: other.id } });
    assert.deepStrictEqual(annotations.find(doc.uri.toString(), mine.id)!.annotation.links.map((l) => l.id), [other.id]);
    assert.deepStrictEqual(annotations.find(herKey('movie-review-her.md'), other.id)!.annotation.links.map((l) => l.id), [mine.id]);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, doc.positionAt(mine.start + 12));
    assert.ok(defs.some((d) => ('targetUri' in d ? d.targetUri : d.uri).toString() === herKey('movie-review-her.md')), JSON.stringify(defs));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, doc.positionAt(mine.start + 2));
    assert.ok(refs.some((r) => r.uri.toString() === doc.uri.toString() && doc.getText(r.range) === 'Samantha’s evolution'), 'entity references include the tagged annotation');
  });

  it('a broken sidecar is reported in Problems and left untouched while the others are written', async () => {
    const broken = 'hua-ruonan-a-decade-later.md';
    const brokenText = 'version: 1\nannotations:\n  - id: a1\n<<<<<<< HEAD\n    note: mine\n=======\n    note: theirs\n>>>>>>> other\n';
    await writeText(sidecar(broken), brokenText);
    const diagnostics = await waitFor('a diagnostic on the broken sidecar', () => {
      const d = vscode.languages.getDiagnostics(sidecar(broken));
      return d.length > 0 && d;
    });
    assert.match(diagnostics[0].message, /merge conflict|conflict/i);
    assert.strictEqual(diagnostics[0].range.start.line, 3);
    const summary = await vscode.commands.executeCommand<WriteSummary>('marginalia.writeSidecars');
    assert.strictEqual(summary.failed.length, 1, JSON.stringify(summary));
    assert.ok(summary.failed[0].review.endsWith(broken));
    assert.strictEqual(summary.written.length + summary.unchanged.length, 4);
    assert.strictEqual(await readText(sidecar(broken)), brokenText);
    // Annotating that review is refused with the sidecar's position, not a generic failure.
    const doc = await openReview(broken);
    const id = await vscode.commands.executeCommand<string | undefined>('marginalia.annotateSelection', { review: doc.uri.toString(), start: 0, end: 10, tags: [], note: 'x' });
    assert.strictEqual(id, undefined);
    assert.strictEqual(await readText(sidecar(broken)), brokenText);
  });

  it('Refresh reloads annotations, including a sidecar changed while the view was stale', async () => {
    const { annotations, corpus } = await api();
    const { id } = await annotate('poignant-exploration.md', 'Samantha’s evolution', ['samantha'], 'Before the refresh.');
    const text = (await readText(sidecar('poignant-exploration.md'))).replace('Before the refresh.', 'After the refresh.');
    await writeText(sidecar('poignant-exploration.md'), text);
    await corpus.reload();
    await annotations.ready;
    assert.strictEqual(annotations.find(herKey('poignant-exploration.md'), id)?.annotation.note, 'After the refresh.');
    // Overlapping reloads end in one consistent state.
    await Promise.all([corpus.reload(), corpus.reload(), vscode.commands.executeCommand('marginalia.refresh')]);
    await annotations.ready;
    assert.strictEqual(annotations.all().length, 1);
    assert.strictEqual(annotations.forReview(herKey('poignant-exploration.md'))!.annotations.length, 1);
  });

  it('deleting film.yaml clears the film’s annotations; restoring it loads them again', async () => {
    const { annotations, corpus } = await api();
    const { id } = await annotate('poignant-exploration.md', 'Samantha’s evolution', ['samantha'], 'Survives the lexicon.');
    const lexicon = vscode.Uri.joinPath(herDir(), 'film.yaml');
    const yaml = await readText(lexicon);
    await vscode.workspace.fs.delete(lexicon);
    try {
      await waitFor('the film to go', () => corpus.index.allFilms().length === 0);
      await waitFor('its annotations to go', () => annotations.all().length === 0);
    } finally {
      await writeText(lexicon, yaml);
    }
    await waitFor('the film back', () => corpus.index.allFilms().length === 1 && corpus.index.allFilms()[0].reviews.size === 5);
    await waitFor('its annotations back', () => annotations.find(herKey('poignant-exploration.md'), id));
  });
});

describe('renaming a review in the editor', () => {
  afterEach(removeSidecars);

  it('takes its sidecar along, with every annotation, and never overwrites one', async () => {
    const { annotations } = await api();
    const { id } = await annotate('poignant-exploration.md', 'Samantha’s evolution', ['samantha'], 'Follows the rename.');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const from = reviewUri('poignant-exploration.md');
    const to = reviewUri('poignant-exploration-renamed.md');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor('the sidecar beside the new name', async () => (await listNames(herDir())).includes('poignant-exploration-renamed.annotations.yaml'));
      assert.ok(!(await listNames(herDir())).includes('poignant-exploration.annotations.yaml'));
      assert.match(await readText(sidecarOf('poignant-exploration-renamed.md')), /note: Follows the rename\./);
      await waitFor('the annotation under the new name', () => annotations.find(to.toString(), id));
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.renameFile(to, from);
      await vscode.workspace.applyEdit(back);
      await waitFor('the sidecar back', async () => (await listNames(herDir())).includes('poignant-exploration.annotations.yaml'));
    }
  });
});

describe('orphaned annotations', () => {
  const name = 'larb-jessica-gross-becoming-human.md';
  const passage = 'It means closing doors';
  afterEach(removeSidecars);

  it('a passage deleted outside the editor orphans its annotation in Problems; the quick fix re-anchors it', async () => {
    const { annotations } = await api();
    const file = reviewUri(name);
    const original = await readText(file);
    try {
      const { id } = await annotate(name, passage, ['vulnerability'], 'Love as loss.');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await writeText(file, original.replace(passage + ', taking responsibility for your own desires and needs, and becoming vulnerable to potential loss.', ''));
      const orphan = await waitFor('the orphan in Problems', () => vscode.languages.getDiagnostics(file).find((d) => d.code === 'orphaned-annotation'));
      assert.match(orphan.message, new RegExp(`Annotation ${id} lost its passage`));
      assert.ok(annotations.find(file.toString(), id)?.orphan);
      assert.match(await readText(sidecar(name)), new RegExp(passage), 'the quote stays in the sidecar');

      const doc = await openReview(name);
      const at = doc.getText().indexOf('It means immense joy');
      const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'It means immense joy'.length));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', file, range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title.startsWith(`Re-anchor annotation ${id}`));
      assert.ok(fix?.command, actions.map((a) => a.title).join(', '));
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      const fixed = annotations.find(file.toString(), id)!;
      assert.ok(!fixed.orphan);
      assert.strictEqual(doc.getText().slice(fixed.start, fixed.end), 'It means immense joy');
      await waitFor('the orphan to leave Problems', () => !vscode.languages.getDiagnostics(file).some((d) => d.code === 'orphaned-annotation'));
    } finally {
      await writeText(file, original);
      // The next test reads this review: wait until the editor and the index have the text back.
      await waitFor('the review restored', async () => (await api()).corpus.review(file.toString())?.text === original && (await vscode.workspace.openTextDocument(file)).getText() === original);
    }
  });

  it('Re-anchor Annotation from the command palette (no arguments) picks the review’s orphan and uses the selection', async () => {
    const { annotations } = await api();
    const file = reviewUri(name);
    const original = await readText(file);
    try {
      const { id } = await annotate(name, passage, ['vulnerability'], 'From the palette.');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // The passage goes whole (orphaned whether the change reaches us as a reload of an open document
      // or as a file change); the words it should move to are written elsewhere.
      const sentence = passage + ', taking responsibility for your own desires and needs, and becoming vulnerable to potential loss.';
      await writeText(file, original.replace(sentence, '').replace('It means immense joy', 'It means shutting doors. It means immense joy'));
      await waitFor('the orphan', () => annotations.find(file.toString(), id)?.orphan, 20_000);
      const doc = await openReview(name);
      const at = doc.getText().indexOf('It means shutting doors');
      vscode.window.activeTextEditor!.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + 'It means shutting doors'.length));
      await vscode.commands.executeCommand('marginalia.reanchorAnnotation');
      const fixed = annotations.find(file.toString(), id)!;
      assert.ok(!fixed.orphan);
      assert.strictEqual(doc.getText().slice(fixed.start, fixed.end), 'It means shutting doors');
    } finally {
      await writeText(file, original);
      // The next test reads this review: wait until the editor and the index have the text back.
      await waitFor('the review restored', async () => (await api()).corpus.review(file.toString())?.text === original && (await vscode.workspace.openTextDocument(file)).getText() === original);
    }
  });
});

describe('lexicon problems', () => {
  it('a film.yaml error appears in Problems and goes when it is fixed', async () => {
    const lexicon = vscode.Uri.joinPath(herDir(), 'film.yaml');
    const yaml = await readText(lexicon);
    try {
      await writeText(lexicon, yaml.replace('  - id: amy\n', '  - id: amy\n    colour: red\n'));
      await waitFor('the warning', () => vscode.languages.getDiagnostics(lexicon).length > 0);
    } finally {
      await writeText(lexicon, yaml);
    }
    await waitFor('the warning cleared', () => vscode.languages.getDiagnostics(lexicon).length === 0);
  });
});
