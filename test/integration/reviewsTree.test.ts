import * as assert from 'assert';
import * as vscode from 'vscode';
import { reviewsNodeKey, type ReviewsNode } from '../../src/extension/features/trees/reviewsTree';
import { api, herKey, remove, reviewUri, waitFor, writeText } from './helpers';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/**
 * Reveals and selects a row, as a click would. The selection reaches the extension after reveal
 * resolves, and a reveal that meets a refresh of the tree (a review added or removed just before)
 * can be dropped by the workbench: then it is revealed again. Rows compare by key, since a
 * refresh hands out new objects for the same rows.
 */
async function revealAndSelect(view: vscode.TreeView<ReviewsNode>, node: ReviewsNode, focus = false): Promise<void> {
  const selected = () => view.selection.map(reviewsNodeKey).join(', ') || 'nothing';
  const isSelected = () => view.selection.length === 1 && reviewsNodeKey(view.selection[0]) === reviewsNodeKey(node);
  for (let attempt = 0; attempt < 4 && !isSelected(); attempt++) {
    await view.reveal(node, { select: true, focus });
    await waitFor('the row selected', isSelected, 3000).catch(() => undefined);
  }
  assert.ok(isSelected(), `${reviewsNodeKey(node)} is not selected: ${selected()} is (the view is ${view.visible ? 'visible' : 'hidden'})`);
}

describe('Reviews tree', () => {
  it('lists the film with its five reviews, their titles and critics', async () => {
    const { trees } = await api();
    const films = trees.reviews.getChildren();
    assert.strictEqual(films.length, 1);
    assert.strictEqual(label(trees.reviews.getTreeItem(films[0])), 'Her');
    const reviews = trees.reviews.getChildren(films[0]);
    const rows = reviews.map((r) => trees.reviews.getTreeItem(r)).map((i) => `${label(i)} — ${i.description}`);
    assert.strictEqual(rows.length, 5, rows.join('\n'));
    assert.ok(rows.some((r) => r.includes('Becoming Human') && r.includes('Jessica Gross')), rows.join('\n'));
    assert.ok(rows.some((r) => r.includes('Hua Ruonan')), rows.join('\n'));
    // A review whose page names no critic and whose title is only the film's: its file name, the rating beside it.
    assert.ok(rows.includes('blog-eyelights-her.md — 8.5/10'), rows.join('\n'));
    assert.ok(rows.includes('poignant-exploration.md — '), 'a review that opens straight into prose is not named by its first words');
  });

  it('a selected review row opens its review, through a command without arguments', async () => {
    const { trees } = await api();
    const [film] = trees.reviews.getChildren();
    const reviews = trees.reviews.getChildren(film) as Extract<ReviewsNode, { type: 'review' }>[];
    const target = reviews.find((r) => r.path === herKey('larb-jessica-gross-becoming-human.md'));
    assert.ok(target);
    const item = trees.reviews.getTreeItem(target);
    // Argument-carrying tree commands die with every refresh in VS Code's command cache.
    assert.strictEqual(item.command?.arguments, undefined);
    await revealAndSelect(trees.reviewsView, target, true);
    await vscode.commands.executeCommand(item.command!.command);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), herKey('larb-jessica-gross-becoming-human.md'));
  });

  it('goes down to groups, entities with counts, and mention rows that reveal the mention', async function () {
    this.timeout(40000); // a reveal may be repeated (revealAndSelect)
    const { trees } = await api();
    const [film] = trees.reviews.getChildren();
    const review = trees.reviews.getChildren(film).find((r) => r.type === 'review' && r.path === herKey('poignant-exploration.md'))!;
    const groups = trees.reviews.getChildren(review).map((g) => label(trees.reviews.getTreeItem(g)));
    assert.deepStrictEqual(groups.slice(0, 3), ['Characters', 'People', 'Themes']);
    const characters = trees.reviews.getChildren(review)[0];
    const entities = trees.reviews.getChildren(characters);
    const samantha = entities.find((e) => e.type === 'entity' && e.entity === 'samantha')!;
    assert.strictEqual(trees.reviews.getTreeItem(samantha).description, '4');
    const mentions = trees.reviews.getChildren(samantha);
    assert.strictEqual(mentions.length, 4);
    const row = trees.reviews.getTreeItem(mentions[0]);
    assert.ok(label(row).includes('Samantha'), label(row));
    assert.strictEqual(trees.reviews.getParent(mentions[0]), samantha, 'one canonical object per node');
    await revealAndSelect(trees.reviewsView, mentions[0]);
    await vscode.commands.executeCommand(row.command!.command);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.getText(editor.selection), 'Samantha');
  });

  it('follows the file system: a review added, renamed and deleted shows up without a reload', async () => {
    const { trees } = await api();
    const paths = () => trees.reviews.getChildren(trees.reviews.getChildren()[0]).map((r) => (r.type === 'review' ? r.path : ''));
    const added = reviewUri('zz-new-review.md');
    const renamed = reviewUri('zz-renamed-review.md');
    await writeText(added, '---\ntitle: A New Take\ncritic: Test Critic\n---\nSamantha and Theodore again.\n');
    try {
      await waitFor('the added review', () => paths().length === 6);
      await vscode.workspace.fs.rename(added, renamed);
      await waitFor('the renamed review', () => {
        const now = paths();
        return now.length === 6 && now.includes(renamed.toString()) && !now.includes(added.toString());
      });
    } finally {
      await remove(added);
      await remove(renamed);
    }
    await waitFor('the deleted review to disappear', () => paths().length === 5);
  });
});
