// Annotations in the real host: the write command, annotate-selection with arguments, a hover on
// the annotated passage, live tracking of edits, and a broken sidecar left untouched.

import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, herDir, hoverText, openReview, waitFor } from './helpers';

interface WriteSummary {
  written: string[];
  unchanged: string[];
  orphaned: number;
  failed: Array<{ review: string; errors: string[] }>;
}

const sidecar = (review: string) => path.join(herDir(), review.replace(/\.md$/, '.annotations.yaml'));

describe('annotations', () => {
  const broken = 'hua-ruonan-a-decade-later.md';
  const brokenText = 'version: 1\nannotations:\n  - id: a1\n<<<<<<< HEAD\n    note: mine\n=======\n    note: theirs\n>>>>>>> other\n';

  after(() => {
    for (const f of fs.readdirSync(herDir())) if (f.endsWith('.annotations.yaml')) fs.rmSync(path.join(herDir(), f));
  });

  it('Write Annotation Sidecars creates a sidecar next to each of the five reviews; a second run changes nothing', async () => {
    await api();
    const first = await vscode.commands.executeCommand<WriteSummary>('marginalia.writeSidecars');
    assert.strictEqual(first.written.length, 5, JSON.stringify(first));
    for (const review of fs.readdirSync(herDir()).filter((f) => f.endsWith('.md'))) assert.ok(fs.existsSync(sidecar(review)), review);
    const bytes = fs.readFileSync(sidecar('poignant-exploration.md'), 'utf8');
    assert.match(bytes, /^version: 1$/m);
    assert.match(bytes, /entity: samantha/);
    const second = await vscode.commands.executeCommand<WriteSummary>('marginalia.writeSidecars');
    assert.strictEqual(second.unchanged.length, 5, JSON.stringify(second));
    assert.strictEqual(fs.readFileSync(sidecar('poignant-exploration.md'), 'utf8'), bytes);
  });

  it('Annotate Selection with arguments saves at once, and a hover shows the note and tags', async () => {
    const { annotations } = await api();
    const doc = await openReview('movie-review-her.md');
    const text = doc.getText();
    const start = text.indexOf('He craves connection with a human');
    const end = start + 'He craves connection with a human'.length;
    const id = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { review: doc.uri.fsPath, start, end, tags: ['theodore', 'connection', 'paradox'], note: 'The whole film in one line.' });
    assert.ok(id);
    const onDisk = fs.readFileSync(sidecar('movie-review-her.md'), 'utf8');
    assert.match(onDisk, new RegExp(`id: ${id}`));
    assert.match(onDisk, /note: The whole film in one line\./);
    assert.strictEqual(annotations.find(doc.uri.fsPath, id)?.start, start);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(start + 12));
    const shown = hoverText(hovers);
    assert.match(shown, /The whole film in one line/);
    assert.match(shown, /\*\*Theodore Twombly\*\*/);
    assert.match(shown, /#paradox/);
  });

  it('an edit in the editor moves the annotation with its passage', async () => {
    const { annotations } = await api();
    const doc = await openReview('movie-review-her.md');
    const review = doc.uri.fsPath;
    const a = annotations.forReview(review)!.annotations[0];
    const before = a.start;
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(doc.positionAt(doc.getText().indexOf('The protagonist')), 'An inserted sentence. '));
    const moved = annotations.find(review, a.annotation.id)!;
    assert.strictEqual(moved.start, before + 'An inserted sentence. '.length);
    assert.strictEqual(doc.getText().slice(moved.start, moved.end), 'He craves connection with a human');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(moved.start + 3));
    assert.match(hoverText(hovers), /The whole film in one line/);
    await doc.save();
    // Saving the review re-anchors and rewrites its sidecar.
    await waitFor('the sidecar to follow the saved review', () => new RegExp(`start: ${moved.start}\\b`).test(fs.readFileSync(sidecar('movie-review-her.md'), 'utf8')));
  });

  it('links two annotations; Go to Definition on one goes to the other', async () => {
    const { annotations } = await api();
    const doc = await openReview('poignant-exploration.md');
    const start = doc.getText().indexOf('Samantha’s evolution');
    const id = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { review: doc.uri.fsPath, start, end: start + 20, tags: ['samantha'], note: 'Growth' });
    const other = annotations.forReview(path.join(herDir(), 'movie-review-her.md'))!.annotations[0];
    await vscode.commands.executeCommand('marginalia.linkAnnotation', { review: doc.uri.fsPath, id, target: { review: other.review, id: other.annotation.id } });
    assert.deepStrictEqual(annotations.find(doc.uri.fsPath, id)!.annotation.links.map((l) => l.id), [other.annotation.id]);
    assert.deepStrictEqual(annotations.find(other.review, other.annotation.id)!.annotation.links.map((l) => l.id), [id]);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, doc.positionAt(start + 12));
    assert.ok(defs.some((d) => ('targetUri' in d ? d.targetUri : d.uri).fsPath === other.review), JSON.stringify(defs));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, doc.positionAt(start + 2));
    assert.ok(refs.some((r) => r.uri.fsPath === doc.uri.fsPath && doc.getText(r.range) === 'Samantha’s evolution'), 'entity references include the tagged annotation');
  });

  it('a broken sidecar is reported in Problems and left untouched while the others are written', async () => {
    await api();
    fs.writeFileSync(sidecar(broken), brokenText);
    const uri = vscode.Uri.file(sidecar(broken));
    const diagnostics = await waitFor('a diagnostic on the broken sidecar', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length > 0 && d;
    });
    assert.match(diagnostics[0].message, /merge conflict|conflict/i);
    assert.strictEqual(diagnostics[0].range.start.line, 3);
    const summary = await vscode.commands.executeCommand<WriteSummary>('marginalia.writeSidecars');
    assert.strictEqual(summary.failed.length, 1, JSON.stringify(summary));
    assert.ok(summary.failed[0].review.endsWith(broken));
    assert.ok(summary.written.length + summary.unchanged.length === 4);
    assert.strictEqual(fs.readFileSync(sidecar(broken), 'utf8'), brokenText);
  });
});

describe('orphaned annotations', () => {
  const name = 'larb-jessica-gross-becoming-human.md';
  const passage = 'It means closing doors';

  it('a passage deleted outside the editor orphans its annotation in Problems; the quick fix re-anchors it', async () => {
    const { annotations } = await api();
    const file = path.join(herDir(), name);
    const original = fs.readFileSync(file, 'utf8');
    try {
      const start = original.indexOf(passage);
      const id = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { review: file, start, end: start + passage.length, tags: ['vulnerability'], note: 'Love as loss.' });
      fs.writeFileSync(file, original.replace(passage + ', taking responsibility for your own desires and needs, and becoming vulnerable to potential loss.', ''));
      const uri = vscode.Uri.file(file);
      const orphan = await waitFor('the orphan in Problems', () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'orphaned-annotation'));
      assert.match(orphan.message, new RegExp(`Annotation ${id} lost its passage`));
      assert.ok(annotations.find(file, id)?.orphan);
      assert.match(fs.readFileSync(sidecar(name), 'utf8'), new RegExp(passage), 'the quote stays in the sidecar');

      const doc = await openReview(name);
      const at = doc.getText().indexOf('It means immense joy');
      const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'It means immense joy'.length));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title.startsWith(`Re-anchor annotation ${id}`));
      assert.ok(fix?.command, actions.map((a) => a.title).join(', '));
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      const fixed = annotations.find(file, id)!;
      assert.ok(!fixed.orphan);
      assert.strictEqual(doc.getText().slice(fixed.start, fixed.end), 'It means immense joy');
      await waitFor('the orphan to leave Problems', () => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'orphaned-annotation'));
    } finally {
      fs.writeFileSync(file, original);
      fs.rmSync(sidecar(name), { force: true });
    }
  });
});
