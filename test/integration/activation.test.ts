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
