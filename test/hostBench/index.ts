// Hover and references latency inside the real extension host, on a generated corpus
// (`npm run bench:host`). Run by scripts/run-integration.mjs with this module as the tests path;
// prints medians and p95 through VS Code's own commands, round trip included.

import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/extension/activateShared';
import { MentionHoverProvider } from '../../src/extension/features/mentions/hoverProvider';
import { MentionReferenceProvider } from '../../src/extension/features/mentions/referenceProvider';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], n: s.length };
}

async function time(fn: () => Thenable<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<MarginaliaApi>('marginalia.marginalia');
  if (!ext) throw new Error('extension not found');
  const t0 = performance.now();
  const api = await ext.activate();
  await api.ready;
  const films = api.corpus.index.allFilms();
  const reviews = films.flatMap((f) => f.orderedReviews());
  console.log(`host bench: ${reviews.length} reviews indexed in ${(performance.now() - t0).toFixed(0)} ms after activation`);
  if (reviews.length < 100) throw new Error('open a generated corpus (npm run bench:host does)');

  // Mentions spread over many reviews: each sample hovers a different place.
  const targets = [];
  for (let i = 0; targets.length < SAMPLES; i++) {
    const review = reviews[(i * 37) % reviews.length];
    const m = review.mentions[(i * 13) % review.mentionCount];
    if (m) targets.push({ uri: vscode.Uri.parse(review.path), offset: m.start + 1, kind: m.kind });
  }
  const docs = new Map<string, vscode.TextDocument>();
  for (const t of targets) if (!docs.has(t.uri.fsPath)) docs.set(t.uri.fsPath, await vscode.workspace.openTextDocument(t.uri));

  const hover: number[] = [];
  const refs: number[] = [];
  let refCount = 0;
  for (let round = 0; round < 2; round++) {
    for (const t of targets) {
      const doc = docs.get(t.uri.fsPath)!;
      const pos = doc.positionAt(t.offset);
      const h = await time(() => vscode.commands.executeCommand('vscode.executeHoverProvider', t.uri, pos));
      const r = await time(async () => {
        const locs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', t.uri, pos);
        refCount = Math.max(refCount, locs.length);
      });
      if (round === 1) {
        hover.push(h);
        refs.push(r);
      }
    }
  }
  // The providers alone, called in the extension host: what Marginalia itself adds to each request.
  const hoverProvider = new MentionHoverProvider(api.corpus);
  const referenceProvider = new MentionReferenceProvider(api.corpus);
  const directHover: number[] = [];
  const directRefs: number[] = [];
  for (const t of targets) {
    const doc = docs.get(t.uri.fsPath)!;
    const pos = doc.positionAt(t.offset);
    let a = performance.now();
    hoverProvider.provideHover(doc, pos);
    directHover.push(performance.now() - a);
    a = performance.now();
    referenceProvider.provideReferences(doc, pos, { includeDeclaration: true });
    directRefs.push(performance.now() - a);
  }
  const dh = stats(directHover);
  const dr = stats(directRefs);
  console.log(`hover provider alone: median ${dh.median.toFixed(3)} ms, p95 ${dh.p95.toFixed(3)} ms`);
  console.log(`references provider alone: median ${dr.median.toFixed(3)} ms, p95 ${dr.p95.toFixed(3)} ms`);
  const hs = stats(hover);
  const rs = stats(refs);
  console.log(`hover: median ${hs.median.toFixed(2)} ms, p95 ${hs.p95.toFixed(2)} ms (${hs.n} samples)`);
  console.log(`references: median ${rs.median.toFixed(2)} ms, p95 ${rs.p95.toFixed(2)} ms (${rs.n} samples; largest result ${refCount} locations)`);
  // Baseline in the same run: VS Code's own round trip for a provider-less position.
  const base: number[] = [];
  const anyDoc = [...docs.values()][0];
  for (let i = 0; i < SAMPLES; i++) base.push(await time(() => vscode.commands.executeCommand('vscode.executeHoverProvider', anyDoc.uri, new vscode.Position(0, 0))));
  console.log(`baseline (hover on front matter, no card): median ${stats(base).median.toFixed(2)} ms`);
}
