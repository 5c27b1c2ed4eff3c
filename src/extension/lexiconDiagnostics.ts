import * as vscode from 'vscode';
import type { Diagnostic } from '../core/lexicon/lexicon';
import type { CorpusService } from './corpusService';
import { toUri } from './locations';

/** Problems panel entries for film.yaml errors and unreadable reviews. */
export class LexiconDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('marginalia-lexicon');
  private readonly subscription: vscode.Disposable;

  constructor(corpus: CorpusService) {
    this.subscription = corpus.onDidLoadLexicon((lexicon) => {
      this.collection.set(toUri(lexicon.path), lexicon.diagnostics.map(toVsDiagnostic));
      for (const p of corpus.loadProblems()) {
        const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), p.message, vscode.DiagnosticSeverity.Warning);
        d.source = 'marginalia';
        this.collection.set(toUri(p.file), [d]);
      }
    });
  }

  dispose() {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

function toVsDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.line, d.character, d.endLine ?? d.line, d.endCharacter ?? d.character + 1);
  const out = new vscode.Diagnostic(range, d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  out.source = 'marginalia';
  out.code = d.code;
  return out;
}
