// Compare Critics in the real host: the command opens the comparison view, whose matrix is the
// index's own counts (every critic × every entity, Samantha first of all), under a strict CSP
// with one script by nonce.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, herDir, openReview, waitFor } from './helpers';

interface CompareResult {
  film: string;
  matrix: { critics: Array<{ uri: string; label: string }>; entities: Array<{ id: string; kind: string; total: number }>; counts: number[][] };
  html?: string;
}

const compareTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /marginalia\.compare/.test(t.input.viewType));

describe('compare critics', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the comparison view; its matrix is the index’s count of each critic × each entity', async () => {
    const { corpus } = await api();
    const film = herDir().toString();
    const result = await vscode.commands.executeCommand<CompareResult>('marginalia.compareCritics', { film });
    assert.strictEqual(result.film, film);
    await waitFor('the Compare Critics tab', compareTab);
    assert.match(compareTab()!.label, /Compare Critics: Her/);
    const { critics, entities, counts } = result.matrix;
    const reviews = corpus.index.film(film)!.orderedReviews();
    assert.strictEqual(critics.length, reviews.length);
    assert.deepStrictEqual(new Set(critics.map((c) => c.uri)), new Set(reviews.map((r) => r.path)));
    const samantha = entities.findIndex((e) => e.id === 'samantha');
    assert.ok(samantha >= 0, entities.map((e) => e.id).join(', '));
    critics.forEach((critic, row) => {
      const review = corpus.review(critic.uri)!;
      assert.strictEqual(counts[row][samantha], review.counts.get('samantha') ?? 0, `${critic.label} × Samantha`);
      assert.ok(counts[row][samantha] > 0, `${critic.label} mentions Samantha`);
      entities.forEach((e, col) => assert.strictEqual(counts[row][col], review.counts.get(e.id) ?? 0, `${critic.label} × ${e.id}`));
    });
    // Every entity some review mentions is a column; the totals add up.
    const mentioned = new Set(reviews.flatMap((r) => [...r.counts.keys()]));
    assert.deepStrictEqual(new Set(entities.map((e) => e.id)), mentioned);
    for (const [col, e] of entities.entries()) assert.strictEqual(e.total, counts.reduce((n, row) => n + row[col], 0), e.id);
  });

  it('the view’s page has a strict CSP with a nonce and one script, from the extension', async () => {
    const result = await vscode.commands.executeCommand<CompareResult>('marginalia.compareCritics', { film: herDir().toString() });
    const html = result.html ?? '';
    const csp = /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ([^;"]+); script-src 'nonce-([A-Za-z0-9+/=]{32})';">/.exec(html);
    assert.ok(csp, html);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.strictEqual(scripts.length, 1, scripts.join('\n'));
    assert.match(scripts[0], /src="[^"]+\/dist\/webview\/compare\.js"/);
    assert.ok(scripts[0].includes(`nonce="${csp[2]}"`), scripts[0]);
    assert.doesNotMatch(html, /\sstyle=|<style|\son\w+=/i);
    // A second run shows the same view (one per film).
    const again = await vscode.commands.executeCommand<CompareResult>('marginalia.compareCritics', { film: herDir().toString() });
    assert.ok(again.html);
    await waitFor('the Compare Critics tab', compareTab);
    const compareTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /marginalia\.compare/.test(t.input.viewType));
    assert.strictEqual(compareTabs().length, 1);
  });

  it('without a film argument, compares the film of the active review; noUi computes without a view', async () => {
    await openReview('poignant-exploration.md');
    const result = await vscode.commands.executeCommand<CompareResult>('marginalia.compareCritics', { noUi: true });
    assert.strictEqual(result.film, herDir().toString());
    assert.strictEqual(result.html, undefined);
    assert.strictEqual(compareTab(), undefined);
    assert.ok(result.matrix.critics.length >= 5);
  });
});
