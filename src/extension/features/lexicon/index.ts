// Problems panel entries for film.yaml errors and for reviews that cannot be read. Both lists are
// replaced whole on every change, so a fixed problem disappears.

import * as vscode from 'vscode';
import type { FileProblem } from '../../../core/corpusLoader';
import type { Diagnostic } from '../../../core/lexicon/lexicon';
import { dirnameUri } from '../../../core/model/uri';
import { toPath, toUri } from '../../locations';
import type { FeatureContext } from '../context';

export function register(ctx: FeatureContext): vscode.Disposable {
  const lexicons = vscode.languages.createDiagnosticCollection('marginalia-lexicon');
  const unreadable = vscode.languages.createDiagnosticCollection('marginalia-files');
  const showProblems = (problems: readonly FileProblem[]) => {
    unreadable.clear();
    for (const p of problems) {
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), p.message.slice(p.file.length + 2), vscode.DiagnosticSeverity.Warning);
      d.source = 'marginalia';
      unreadable.set(toUri(p.file), [d]);
    }
  };
  showProblems(ctx.corpus.loadProblems());
  return vscode.Disposable.from(
    lexicons,
    unreadable,
    ctx.corpus.onDidLoadLexicon((lexicon) => lexicons.set(toUri(lexicon.path), lexicon.diagnostics.map(toVsDiagnostic))),
    ctx.corpus.onDidChangeProblems(showProblems),
    // A film.yaml deleted (or its folder) takes its problems with it.
    ctx.corpus.onDidChange(() =>
      lexicons.forEach((uri) => {
        if (!ctx.corpus.index.film(dirnameUri(toPath(uri)))) lexicons.delete(uri);
      }),
    ),
  );
}

function toVsDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.line, d.character, d.endLine ?? d.line, d.endCharacter ?? d.character + 1);
  const out = new vscode.Diagnostic(range, d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  out.source = 'marginalia';
  out.code = d.code;
  return out;
}
