import * as assert from 'assert';
import { api, inWebWorker, remove, waitFor } from './helpers';
import * as vscode from 'vscode';

const EXTENSION_ID = 'marginalia.marginalia';

describe('activation', () => {
  let ext: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in the test host`);
    ext = found;
    await ext.activate();
  });

  it('activates', () => {
    assert.strictEqual(ext.isActive, true);
  });

  it('runs in the extension host this suite was started for', () => {
    const expected = inWebWorker ? 'web' : 'node';
    assert.strictEqual((ext.exports as { platform: string }).platform, expected);
    assert.strictEqual(inWebWorker, expected === 'web');
  });

  it('registers marginalia.openReview', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('marginalia.openReview'), 'marginalia.openReview is not registered');
  });
});

describe('the bundled sample corpus', () => {
  it('Open Sample Corpus copies the film folder somewhere writable before opening it', async () => {
    const target = await vscode.commands.executeCommand<vscode.Uri>('marginalia.openSample', { open: false });
    // In the browser, the copy goes into the open workspace.
    if (inWebWorker) assert.strictEqual(target.toString(), vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'marginalia-sample').toString());
    const entries = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(target, 'her'))).map(([name]) => name);
    assert.ok(entries.includes('film.yaml'), entries.join(', '));
    assert.strictEqual(entries.filter((n) => n.endsWith('.md')).length, 5, entries.join(', '));
    if (inWebWorker) {
      // The copy is a second film in the workspace; the other tests expect one.
      const { corpus } = await api();
      await remove(target);
      await waitFor('the sample copy to leave the corpus', () => corpus.index.allFilms().length === 1);
    }
  });
});
