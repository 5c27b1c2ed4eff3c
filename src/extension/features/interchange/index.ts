// Annotations in and out of other tools, and shared work in git: Export Annotations (W3C, brat,
// CSV), Import Annotations (W3C, Hypothesis), and, where git can run, Install Git Merge Driver.

import * as vscode from 'vscode';
import type { FeatureContext } from '../context';
import { exportAnnotationsCommand } from './exportAnnotations';
import { importAnnotationsCommand } from './importAnnotations';
import { installMergeDriverCommand } from './installMergeDriver';

export function register(ctx: FeatureContext): vscode.Disposable {
  const git = ctx.platform.git;
  // The command palette and menus show the merge driver command only where it is registered.
  void vscode.commands.executeCommand('setContext', 'marginalia.canRunGit', !!git);
  return ctx.commands.register(exportAnnotationsCommand(ctx), importAnnotationsCommand(ctx), ...(git ? [installMergeDriverCommand(ctx, git)] : []));
}
