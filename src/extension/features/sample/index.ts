// "Open Sample Corpus": the bundled Her reviews, somewhere the reader may write annotations.
// Where the extension runs on Node it copies them once into its global storage and opens that
// folder. In VS Code for the Web there is no folder to open a copy in, so it copies the sample
// into the open workspace (asking first), or, with no workspace, opens the bundled copy read-only.

import * as vscode from 'vscode';
import type { FeatureContext } from '../context';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function register(ctx: FeatureContext): vscode.Disposable {
  const source = vscode.Uri.joinPath(ctx.extension.extensionUri, 'corpus');
  return ctx.commands.register({
    id: 'marginalia.openSample',
    async execute(options?: { open?: boolean }): Promise<vscode.Uri | undefined> {
      const open = options?.open ?? true;
      if (ctx.platform.kind === 'node') {
        const target = vscode.Uri.joinPath(ctx.extension.globalStorageUri, 'sample-corpus');
        if (!(await exists(target))) {
          await vscode.workspace.fs.createDirectory(ctx.extension.globalStorageUri);
          await vscode.workspace.fs.copy(source, target, { overwrite: false });
        }
        if (open) await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: false });
        return target;
      }
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        // Read-only, but every reading feature works on it.
        if (open) await vscode.commands.executeCommand('vscode.openFolder', source, { forceNewWindow: false });
        return source;
      }
      const target = vscode.Uri.joinPath(folder.uri, 'marginalia-sample');
      if (!(await exists(target))) {
        if (open) {
          const ok = await vscode.window.showInformationMessage(`Copy the sample corpus (five reviews of Her) into ${folder.name}/marginalia-sample?`, { modal: true }, 'Copy');
          if (ok !== 'Copy') return undefined;
        }
        await vscode.workspace.fs.copy(source, target, { overwrite: false });
      }
      if (open) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.joinPath(target, 'her', 'film.yaml'));
      return target;
    },
  });
}
