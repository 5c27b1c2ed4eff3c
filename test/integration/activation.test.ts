import * as assert from 'node:assert';
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

  it('registers marginalia.openReview', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('marginalia.openReview'), 'marginalia.openReview is not registered');
  });
});

describe('the bundled sample corpus', () => {
  it('Open Sample Corpus copies the film folder somewhere writable before opening it', async () => {
    const target = await vscode.commands.executeCommand<vscode.Uri>('marginalia.openSample', { open: false });
    const entries = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(target, 'her'))).map(([name]) => name);
    assert.ok(entries.includes('film.yaml'), entries.join(', '));
    assert.strictEqual(entries.filter((n) => n.endsWith('.md')).length, 5, entries.join(', '));
  });
});
