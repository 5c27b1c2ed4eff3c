// A review renamed or moved in the editor (Explorer, refactorings, other extensions) takes its
// sidecar with it, and the links other sidecars hold to it are rewritten; a sidecar already at the
// new name is never overwritten (reported instead). Renames outside the editor (git mv) are
// handled by `marginalia annotate`, which re-attaches a sidecar left without its review.

import * as vscode from 'vscode';
import { moveSidecarsWithReviews, type ReviewMove } from '../../../core/annotations/sidecarMove';
import type { FileHost } from '../../../core/host';
import { isReviewPath } from '../../../core/review';
import { toPath, toUri } from '../../locations';
import type { AnnotationService } from '../../services/annotationService';

async function movesOf(host: FileHost, files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<ReviewMove[]> {
  const moves: ReviewMove[] = [];
  for (const f of files) {
    const from = toPath(f.oldUri);
    const to = toPath(f.newUri);
    const stat = await host.stat(to);
    if (stat?.kind === 'file') {
      if (isReviewPath(to) || isReviewPath(from)) moves.push({ from, to });
    } else if (stat?.kind === 'directory') {
      // A folder renamed: each review in it moved from the same place under the old name.
      for (const review of await host.findFiles(to, { include: '**/*.{md,markdown,txt}' })) {
        if (isReviewPath(review)) moves.push({ from: from + review.slice(to.length), to: review });
      }
    }
  }
  return moves;
}

export function followRenames(host: FileHost, annotations: AnnotationService, output: vscode.OutputChannel): vscode.Disposable {
  return vscode.workspace.onDidRenameFiles(async (e) => {
    const moves = await movesOf(host, e.files);
    if (moves.length === 0) return;
    const root = vscode.workspace.getWorkspaceFolder(toUri(moves[0].to))?.uri;
    const report = await moveSidecarsWithReviews(host, moves, root ? { root: toPath(root) } : {});
    for (const m of report.moved) await annotations.load(m.to);
    for (const r of report.relinked) output.appendLine(`links rewritten in ${vscode.workspace.asRelativePath(toUri(r))}`);
    const problems = [
      ...report.refused.map((r) => `${vscode.workspace.asRelativePath(toUri(r.to))}: ${r.reason}`),
      ...report.errors.map((er) => `${vscode.workspace.asRelativePath(toUri(er.file))}:${er.line}:${er.column}: ${er.message}`),
    ];
    for (const p of problems) output.appendLine(`rename: ${p}`);
    if (problems.length) {
      void vscode.window.showWarningMessage(`Marginalia: the annotations of a renamed review were not all moved with it (${problems[0]}${problems.length > 1 ? `, and ${problems.length - 1} more` : ''}).`, 'Show Details').then((c) => c && output.show(true));
    }
  });
}
