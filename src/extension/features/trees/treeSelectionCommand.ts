// Tree rows open what they show through a command WITHOUT arguments that reads the view's
// selection. VS Code keeps argument-carrying tree commands in a cache under throwaway ids and
// drops them the moment the tree refreshes; a click that lands in that window failed with
// "Actual command not found, wanted to execute marginalia.openReview". The click sets the selection
// just before it runs the command, and the selected row's handle survives a refresh (our rows have
// stable ids), so this always finds the row, at worst after the refresh has filled the tree again.

import * as vscode from 'vscode';
import type { Command } from '../../commands';

const REFILL_WAIT_MS = 3000;

export function selectionCommand<T>(id: string, view: () => vscode.TreeView<T> | undefined, open: (node: T) => unknown): Command {
  return {
    id,
    async execute() {
      const tree = view();
      if (!tree) return undefined;
      let node = tree.selection[0];
      const start = Date.now();
      while (!node && Date.now() - start < REFILL_WAIT_MS) {
        await new Promise((r) => setTimeout(r, 25));
        node = tree.selection[0];
      }
      if (!node) {
        void vscode.window.setStatusBarMessage('Marginalia: that row changed as it was clicked; click it again.', 4000);
        return undefined;
      }
      return open(node);
    },
  };
}
