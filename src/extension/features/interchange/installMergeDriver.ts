// "Marginalia: Install Git Merge Driver": what `marginalia install-merge-driver` does, for the
// repository of a workspace folder, with the CLI bundled in this extension as the driver. Only
// where the platform can run git (the Node extension host); the web host never registers it.

import * as vscode from 'vscode';
import { asUri, type Command } from '../../commands';
import type { GitSetup } from '../../platform';
import { toPath } from '../../locations';
import type { FeatureContext } from '../context';
import { logHeader } from './report';

export interface InstallMergeDriverArgs {
  /** A folder in the repository (a `file:` URI string); default: the workspace folder. */
  folder?: string | vscode.Uri;
}

export function installMergeDriverCommand(ctx: FeatureContext, git: GitSetup): Command {
  return {
    id: 'marginalia.installMergeDriver',
    async execute(args?: InstallMergeDriverArgs) {
      const folder = args?.folder !== undefined ? asUri(args.folder) : await chooseFolder();
      if (!folder) return undefined;
      if (folder.scheme !== 'file') {
        void vscode.window.showErrorMessage(`Marginalia: git can be set up only in a folder on this machine's disk, not in ${folder.toString()}.`);
        return undefined;
      }
      try {
        const done = await git.installMergeDriver(toPath(folder));
        logHeader(ctx.output, `Install Git Merge Driver in ${done.top}`);
        ctx.output.appendLine(`  ${done.attributesAdded ? 'added' : 'kept'}   *.annotations.yaml merge=marginalia  (${done.attributesFile})`);
        ctx.output.appendLine(`  set     merge.marginalia.driver = ${done.driver}  (git config of ${done.top})`);
        const message = `Marginalia: git in ${done.top} now merges annotation sidecars by annotation id: ${done.attributesAdded ? 'added' : 'kept'} “*.annotations.yaml merge=marginalia” in .gitattributes and set merge.marginalia.driver in the repository's git config.`;
        void vscode.window.showInformationMessage(message, 'Open .gitattributes', 'Show Details').then((c) => {
          if (c === 'Open .gitattributes') void vscode.window.showTextDocument(vscode.Uri.file(done.attributesFile));
          else if (c === 'Show Details') ctx.output.show(true);
        });
        return done;
      } catch (e) {
        void vscode.window.showErrorMessage(`Marginalia could not set up the merge driver: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    },
  };
}

async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Set up git to merge annotation sidecars in the repository of which folder?' }))?.uri;
}
