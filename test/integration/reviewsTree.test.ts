import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReviewsNode } from '../../src/extension/reviewsTree';
import { api, herDir, reviewUri, waitFor } from './helpers';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

describe('Reviews tree', () => {
  it('lists the film with its five reviews, their titles and critics', async () => {
    const { reviewsTree } = await api();
    const films = reviewsTree.getChildren();
    assert.strictEqual(films.length, 1);
    assert.strictEqual(label(reviewsTree.getTreeItem(films[0])), 'Her');
    const reviews = reviewsTree.getChildren(films[0]);
    const rows = reviews.map((r) => reviewsTree.getTreeItem(r)).map((i) => `${label(i)} — ${i.description}`);
    assert.strictEqual(rows.length, 5, rows.join('\n'));
    assert.ok(rows.some((r) => r.startsWith('Becoming Human') && r.includes('Jessica Gross')), rows.join('\n'));
    assert.ok(rows.some((r) => r.includes('Hua Ruonan')), rows.join('\n'));
    assert.ok(rows.some((r) => r.includes('8.5/10')), rows.join('\n'));
  });

  it('each review row opens its review', async () => {
    const { reviewsTree } = await api();
    const [film] = reviewsTree.getChildren();
    const reviews = reviewsTree.getChildren(film) as Extract<ReviewsNode, { type: 'review' }>[];
    const target = reviews.find((r) => r.path.endsWith('larb-jessica-gross-becoming-human.md'));
    assert.ok(target);
    const item = reviewsTree.getTreeItem(target);
    assert.strictEqual(item.command?.command, 'marginalia.openReview');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, reviewUri('larb-jessica-gross-becoming-human.md').fsPath);
  });

  it('goes down to groups, entities with counts, and mention rows that reveal the mention', async () => {
    const { reviewsTree } = await api();
    const [film] = reviewsTree.getChildren();
    const review = reviewsTree.getChildren(film).find((r) => r.type === 'review' && r.path.endsWith('poignant-exploration.md'))!;
    const groups = reviewsTree.getChildren(review).map((g) => label(reviewsTree.getTreeItem(g)));
    assert.deepStrictEqual(groups.slice(0, 3), ['Characters', 'People', 'Themes']);
    const characters = reviewsTree.getChildren(review)[0];
    const entities = reviewsTree.getChildren(characters);
    const samantha = entities.find((e) => e.type === 'entity' && e.entity === 'samantha')!;
    assert.strictEqual(reviewsTree.getTreeItem(samantha).description, '4');
    const mentions = reviewsTree.getChildren(samantha);
    assert.strictEqual(mentions.length, 4);
    const row = reviewsTree.getTreeItem(mentions[0]);
    assert.ok(label(row).includes('Samantha'), label(row));
    assert.deepStrictEqual(reviewsTree.getParent(mentions[0]), samantha);
    await vscode.commands.executeCommand(row.command!.command, ...(row.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.getText(editor.selection), 'Samantha');
  });

  it('follows the file system: a review added, renamed and deleted shows up without a reload', async () => {
    const { reviewsTree } = await api();
    const count = () => reviewsTree.getChildren(reviewsTree.getChildren()[0]).length;
    const added = path.join(herDir(), 'zz-new-review.md');
    const renamed = path.join(herDir(), 'zz-renamed-review.md');
    fs.writeFileSync(added, '---\ntitle: A New Take\ncritic: Test Critic\n---\nSamantha and Theodore again.\n');
    try {
      await waitFor('the added review', () => count() === 6);
      fs.renameSync(added, renamed);
      await waitFor('the renamed review', () => {
        const paths = reviewsTree.getChildren(reviewsTree.getChildren()[0]).map((r) => (r.type === 'review' ? r.path : ''));
        return paths.length === 6 && paths.some((p) => p.endsWith('zz-renamed-review.md')) && !paths.some((p) => p.endsWith('zz-new-review.md'));
      });
    } finally {
      fs.rmSync(added, { force: true });
      fs.rmSync(renamed, { force: true });
    }
    await waitFor('the deleted review to disappear', () => count() === 5);
  });
});
