import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MentionStep } from '../../src/extension/features/mentions/mentionNavigation';
import type { EntitiesNode } from '../../src/extension/features/trees/entitiesTree';
import { api, openReview, positionOf } from './helpers';

describe('stepping through mentions across reviews', () => {
  it('Next Mention visits every mention of loneliness in corpus order, then wraps', async () => {
    const { corpus } = await api();
    const doc = await openReview('blog-eyelights-her.md');
    const film = corpus.index.filmFor(doc.uri.toString())!;
    const all = film.mentionsOf('loneliness');
    assert.ok(all.length >= 10 && new Set(all.map((l) => l.review.path)).size >= 4, `loneliness: ${all.length}`);
    const first = all[0];
    const firstDoc = await vscode.workspace.openTextDocument(vscode.Uri.parse(first.review.path));
    const editor = await vscode.window.showTextDocument(firstDoc);
    editor.selection = new vscode.Selection(firstDoc.positionAt(first.mention.start), firstDoc.positionAt(first.mention.start));
    const seen: string[] = [];
    for (let i = 1; i < all.length; i++) {
      const step = await vscode.commands.executeCommand<MentionStep>('marginalia.nextMention');
      assert.ok(step && !step.wrapped, `step ${i}`);
      assert.strictEqual(step.index, i + 1);
      seen.push(`${step.path}:${step.start}`);
      const active = vscode.window.activeTextEditor!;
      assert.strictEqual(active.document.uri.toString(), all[i].review.path);
      assert.strictEqual(active.document.getText(active.selection), all[i].mention.text);
    }
    assert.deepStrictEqual(seen, all.slice(1).map((l) => `${l.review.path}:${l.mention.start}`));
    const wrap = await vscode.commands.executeCommand<MentionStep>('marginalia.nextMention');
    assert.ok(wrap.wrapped && wrap.index === 1);
    const back = await vscode.commands.executeCommand<MentionStep>('marginalia.previousMention');
    assert.ok(back.wrapped && back.index === all.length);
  });

  it('Previous Mention steps back into the previous critic’s review', async () => {
    const doc = await openReview('hua-ruonan-a-decade-later.md');
    const editor = vscode.window.activeTextEditor!;
    const p = positionOf(doc, 'Samantha');
    editor.selection = new vscode.Selection(p, p);
    const step = await vscode.commands.executeCommand<MentionStep>('marginalia.previousMention');
    assert.ok(step.path.endsWith('blog-eyelights-her.md'), step.path);
  });

  it('Cast & Themes shows which critics discuss Amy', async () => {
    const { trees } = await api();
    const entitiesTree = trees.entities;
    const kinds = entitiesTree.getChildren();
    const characters = kinds.find((k) => k.type === 'kind' && k.kind === 'character')!;
    const amy = entitiesTree.getChildren(characters).find((e) => e.type === 'entity' && e.entity === 'amy')!;
    const amyItem = entitiesTree.getTreeItem(amy);
    assert.match(String(amyItem.description), /^\d+ in \d+ reviews?$/);
    const reviews = entitiesTree.getChildren(amy) as Extract<EntitiesNode, { type: 'review' }>[];
    const rows = reviews.map((r) => entitiesTree.getTreeItem(r)).map((i) => `${typeof i.label === 'string' ? i.label : i.label?.label} · ${i.description}`);
    assert.ok(rows.some((c) => /^Jessica Gross — Becoming Human.* · \d+$/.test(c)), rows.join('\n'));
    // Characters nobody mentions are folded under one row, not listed among the discussed ones.
    const rowsOfCharacters = entitiesTree.getChildren(characters);
    const folded = rowsOfCharacters.find((n) => n.type === 'unmentioned')!;
    assert.match(String(entitiesTree.getTreeItem(folded).label), /^Not mentioned \(\d+\)$/);
    assert.ok(entitiesTree.getChildren(folded).every((n) => n.type === 'entity' && entitiesTree.getTreeItem(n).description === 'not mentioned'));
    entitiesTree.setFilter('lonel');
    assert.deepStrictEqual(entitiesTree.getChildren().map((k) => (k.type === 'kind' ? k.kind : '')), ['theme']);
    entitiesTree.setFilter('');
  });
});
