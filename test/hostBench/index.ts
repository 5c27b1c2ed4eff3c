// The extension in the real extension host on a large generated corpus (`npm run bench:host`): run
// by scripts/run-integration.mjs with this module as the tests path. Measures, in one window:
// - time to a usable tree: activate() until the workbench shows a review row of the Reviews view
//   (the index is built after activate() returns), and until annotations are loaded;
// - stalls of the extension host's event loop from activation until the trees have settled;
// - the heap after indexing (after a full GC);
// - expanding the largest node of each tree: the provider alone, and the workbench's round trip;
// - hover and references: the providers alone and VS Code's round trip, medians and p95.
// Prints readable lines and one `host-bench {json}` line for scripts/bench-host.mjs.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as v8 from 'node:v8';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/extension/activateShared';
import { MentionHoverProvider } from '../../src/extension/features/mentions/hoverProvider';
import { MentionReferenceProvider } from '../../src/extension/features/mentions/referenceProvider';
import { stallProbe } from './stallProbe';
import { startProfile } from './profile';

const HOVER_SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const REFERENCE_SAMPLES = Number(process.env.BENCH_REFERENCE_SAMPLES ?? 30);
const SETTLE_MS = 2000;

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { median: round(s[Math.floor(s.length / 2)]), p95: round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]), n: s.length };
}

async function time(fn: () => Thenable<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The heap after a full collection (the test module may turn gc on: it is our own host process). */
function heapAfterGc(): { heapMB: number; rssMB: number } {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapMB: Math.round(m.heapUsed / 1048576), rssMB: Math.round(m.rss / 1048576) };
}

/** The node with the most children among the first levels of a tree, and its children. */
function largestNode<T>(provider: vscode.TreeDataProvider<T>, depth = 3): { node: T; children: T[] } | undefined {
  let best: { node: T; children: T[] } | undefined;
  const visit = (node: T | undefined, level: number) => {
    const children = (provider.getChildren(node) as T[]) ?? [];
    if (node !== undefined && (!best || children.length > best.children.length)) best = { node, children };
    if (level < depth) for (const c of children.slice(0, 60)) visit(c, level + 1);
  };
  visit(undefined, 1);
  return best;
}

/** Expanding a node: what the extension host does for the workbench (children, then each row's item). */
function expandInHost<T>(provider: vscode.TreeDataProvider<T>, node: T): number {
  const t0 = performance.now();
  const rows = provider.getChildren(node) as T[];
  for (const r of rows) provider.getTreeItem(r);
  return performance.now() - t0;
}

/**
 * The bench's workspace holds its lexicons as `film.yaml.cold`, so nothing activates Marginalia
 * before this module runs; they are put in place here, then activate() is timed from cold.
 */
function putLexiconsInPlace(): number {
  let n = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name === 'film.yaml.cold') {
        fs.renameSync(path.join(dir, e.name), path.join(dir, 'film.yaml'));
        n++;
      }
    }
  };
  for (const f of vscode.workspace.workspaceFolders ?? []) walk(f.uri.fsPath);
  return n;
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<MarginaliaApi>('marginalia.marginalia');
  if (!ext) throw new Error('extension not found');
  if (ext.isActive) throw new Error('Marginalia is already active: the bench workspace must hold its lexicons as film.yaml.cold (scripts/bench-host.mjs prepares it)');
  const lexicons = putLexiconsInPlace();
  await sleep(1500); // file events from the renames come and go before anything listens
  const profile = process.env.BENCH_PROFILE ? await startProfile() : undefined;
  const probe = stallProbe();
  const t0 = performance.now();
  probe.phase('activation');
  const api = await ext.activate();
  const activateMs = performance.now() - t0;
  probe.phase('indexing');
  // Usable: the workbench shows the Reviews view's rows (films, and their reviews where expanded),
  // which the first load shows while it reads, before the whole corpus is indexed.
  const { reviews: reviewsTree, reviewsView } = api.trees;
  const treeShown = new Promise<number>((resolve) => {
    let revealing = false;
    const check = () => {
      const films = reviewsTree.getChildren();
      if (films.length === 0 || revealing) return;
      revealing = true;
      sub.dispose();
      void Promise.resolve(reviewsView.reveal(films[0], { select: false, focus: false })).then(() => resolve(performance.now() - t0));
    };
    const sub = reviewsTree.onDidChangeTreeData(check);
    check();
  });
  await api.corpus.ready;
  const indexedMs = performance.now() - t0;
  const films = api.corpus.index.allFilms();
  const reviews = films.flatMap((f) => f.orderedReviews());
  if (reviews.length < 100 || films.length !== lexicons) throw new Error(`open a generated corpus (npm run bench:host does): ${films.length} films of ${lexicons} lexicons, ${reviews.length} reviews`);
  probe.phase('tree');
  const treeMs = await treeShown;
  probe.phase('annotations');
  await api.ready;
  const annotationsMs = performance.now() - t0;
  probe.phase('settling');
  await sleep(SETTLE_MS);
  const { longest, longestBusy, stalls } = probe.stop();
  const profilePath = profile ? await profile.stop(process.env.BENCH_PROFILE!) : undefined;
  const heap = heapAfterGc();
  const mentions = reviews.reduce((n, r) => n + r.mentionCount, 0);
  console.log(`host bench: ${films.length} film(s), ${reviews.length} reviews, ${mentions} mentions`);
  console.log(`activate() ${activateMs.toFixed(0)} ms; indexed ${indexedMs.toFixed(0)} ms; the Reviews view shows its rows ${treeMs.toFixed(0)} ms; annotations loaded ${annotationsMs.toFixed(0)} ms (from activate())`);
  console.log(`event loop: longest stall ${longest} ms (longest with the process busy: ${longestBusy ?? '?'} ms); stalls over 50 ms: ${stalls.map((s) => `${s.ms} ms${s.cpuMs !== undefined ? ` (${s.cpuMs} ms CPU)` : ''} at ${s.at} (${s.phase})`).join(', ') || 'none'}`);
  console.log(`heap after indexing (full GC): ${heap.heapMB} MB; RSS ${heap.rssMB} MB${profilePath ? `; profile ${profilePath}` : ''}`);

  // Expanding the largest node of each tree, three times: in the host alone, and the workbench's
  // round trip (refresh, then reveal the node's last row: the workbench fetches every row again).
  const expansions: Record<string, unknown> = {};
  for (const [name, provider, view] of [
    ['reviews', api.trees.reviews, api.trees.reviewsView],
    ['entities', api.trees.entities, api.trees.entitiesView],
  ] as const) {
    const largest = largestNode(provider as vscode.TreeDataProvider<unknown>);
    if (!largest) continue;
    const host: number[] = [];
    const roundTrip: number[] = [];
    for (let i = 0; i < 3; i++) {
      host.push(expandInHost(provider as vscode.TreeDataProvider<unknown>, largest.node));
      (provider as { refresh(): void }).refresh();
      const last = largest.children[largest.children.length - 1];
      roundTrip.push(await time(() => (view as vscode.TreeView<unknown>).reveal(last, { select: false, focus: false })));
    }
    expansions[name] = { rows: largest.children.length, host: stats(host), roundTrip: stats(roundTrip) };
    console.log(`${name} tree, expanding a node of ${largest.children.length} rows: in the host ${stats(host).median.toFixed(0)} ms, workbench round trip ${stats(roundTrip).median.toFixed(0)} ms (medians of 3)`);
  }

  // Mentions spread over many reviews: each sample is a different place.
  const targets: Array<{ uri: vscode.Uri; offset: number }> = [];
  for (let i = 0; targets.length < HOVER_SAMPLES; i++) {
    const review = reviews[(i * 37) % reviews.length];
    const m = review.mentions[(i * 13) % review.mentionCount];
    if (m) targets.push({ uri: vscode.Uri.parse(review.path), offset: m.start + 1 });
  }
  const docs = new Map<string, vscode.TextDocument>();
  for (const t of targets) if (!docs.has(t.uri.toString())) docs.set(t.uri.toString(), await vscode.workspace.openTextDocument(t.uri));
  const at = (t: (typeof targets)[number]) => {
    const doc = docs.get(t.uri.toString())!;
    return { doc, pos: doc.positionAt(t.offset) };
  };
  const hover: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const t of targets) {
      const { pos } = at(t);
      const ms = await time(() => vscode.commands.executeCommand('vscode.executeHoverProvider', t.uri, pos));
      if (round === 1) hover.push(ms);
    }
  }
  const refs: number[] = [];
  let refCount = 0;
  for (const [i, t] of targets.slice(0, REFERENCE_SAMPLES + 3).entries()) {
    const { pos } = at(t);
    const ms = await time(async () => {
      const locs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', t.uri, pos);
      refCount = Math.max(refCount, locs.length);
    });
    if (i >= 3) refs.push(ms); // the first three warm up
  }
  // The providers alone, called in the extension host: what Marginalia itself adds to each request.
  const hoverProvider = new MentionHoverProvider(api.corpus);
  const referenceProvider = new MentionReferenceProvider(api.corpus, api.annotations);
  const directHover: number[] = [];
  const directRefs: number[] = [];
  for (const t of targets) {
    const { doc, pos } = at(t);
    directHover.push(await time(() => hoverProvider.provideHover(doc, pos)));
  }
  for (const t of targets.slice(0, REFERENCE_SAMPLES)) {
    const { doc, pos } = at(t);
    directRefs.push(await time(() => referenceProvider.provideReferences(doc, pos, { includeDeclaration: true })));
  }
  const base: number[] = [];
  const anyDoc = [...docs.values()][0];
  for (let i = 0; i < HOVER_SAMPLES; i++) base.push(await time(() => vscode.commands.executeCommand('vscode.executeHoverProvider', anyDoc.uri, new vscode.Position(0, 0))));

  const result = {
    films: films.length,
    reviews: reviews.length,
    mentions,
    activateMs: Math.round(activateMs),
    indexedMs: Math.round(indexedMs),
    treeMs: Math.round(treeMs),
    annotationsMs: Math.round(annotationsMs),
    longestStallMs: longest,
    longestBusyStallMs: longestBusy,
    stalls,
    ...heap,
    expansions,
    hover: stats(hover),
    hoverProvider: stats(directHover),
    references: { ...stats(refs), largest: refCount },
    referencesProvider: stats(directRefs),
    baselineHover: stats(base),
  };
  console.log(`hover: provider alone median ${result.hoverProvider.median} ms, p95 ${result.hoverProvider.p95} ms; round trip median ${result.hover.median} ms, p95 ${result.hover.p95} ms (${result.hover.n} samples); baseline (no card) median ${result.baselineHover.median} ms`);
  console.log(`references: provider alone median ${result.referencesProvider.median} ms, p95 ${result.referencesProvider.p95} ms; round trip median ${result.references.median} ms, p95 ${result.references.p95} ms (${result.references.n} samples; largest ${refCount} locations)`);
  console.log(`host-bench ${JSON.stringify(result)}`);
}
