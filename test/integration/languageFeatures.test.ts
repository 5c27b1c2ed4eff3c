// Hover, definition, references, highlights, symbols and outline, asserted through VS Code's own
// commands on the real corpus: a possessive, a title mention and a name inside quotes included.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, herDir, hoverText, openReview, positionOf, waitFor } from './helpers';

describe('language features on the corpus', () => {
  before(api);

  it('hovering Samantha shows who she is, who voices her, and where critics discuss her', async () => {
    const doc = await openReview('larb-jessica-gross-becoming-human.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Samantha'));
    const text = hoverText(hovers);
    assert.match(text, /\*\*Samantha\*\* · character/);
    assert.match(text, /Played by Scarlett Johansson/);
    assert.match(text, /mentions in 5 reviews/);
    assert.match(text, /command:marginalia\.revealMention\?/);
    assert.match(text, /Jessica Gross/);
  });

  it('hover links are limited to our command', async () => {
    const doc = await openReview('larb-jessica-gross-becoming-human.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Samantha'));
    const md = hovers[0].contents[0] as vscode.MarkdownString;
    assert.deepStrictEqual(md.isTrusted, { enabledCommands: ['marginalia.revealMention'] });
    assert.ok(!md.supportHtml);
  });

  it('a possessive (Theodore’s) hovers as Theodore', async () => {
    const doc = await openReview('poignant-exploration.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Theodore’s'));
    assert.match(hoverText(hovers), /\*\*Theodore Twombly\*\* · character/);
    assert.strictEqual(doc.getText(hovers[0].range), 'Theodore');
  });

  it('the title as a mention (Spike Jonze’s Her) hovers as the film; the pronoun does not', async () => {
    const doc = await openReview('poignant-exploration.md');
    const film = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Jonze’s Her', 0, 9));
    assert.match(hoverText(film), /\*\*Her\*\* · film \(2013\)/);
    const pronoun = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'her limitations'));
    assert.doesNotMatch(hoverText(pronoun), /· film/);
  });

  it('a name inside curly quotes hovers', async () => {
    const doc = await openReview('blog-eyelights-her.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, '“Samantha,”', 0, 2));
    assert.match(hoverText(hovers), /\*\*Samantha\*\*/);
  });

  it('a misspelt name says what it was read as', async () => {
    const doc = await openReview('blog-eyelights-her.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Joaquim Phoenix'));
    const text = hoverText(hovers);
    assert.match(text, /\*\*Joaquin Phoenix\*\* · person/);
    assert.match(text, /read as \*\*Joaquin Phoenix\*\*/);
  });

  it('hovering an entry in film.yaml shows the same card', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(herDir(), 'film.yaml'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'id: samantha', 0, 5));
    assert.match(hoverText(hovers), /\*\*Samantha\*\* · character/);
  });

  it('Go to Definition on a mention opens its entry in film.yaml', async () => {
    const doc = await openReview('poignant-exploration.md');
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'Samantha'));
    assert.strictEqual(defs.length, 1);
    const def = defs[0] as vscode.LocationLink;
    assert.ok(def.targetUri.path.endsWith('/her/film.yaml'), def.targetUri.toString());
    const yaml = await vscode.workspace.openTextDocument(def.targetUri);
    assert.strictEqual(yaml.getText(def.targetSelectionRange), 'samantha');
  });

  it('Find All References lists every mention across the corpus', async () => {
    const { corpus } = await api();
    const doc = await openReview('poignant-exploration.md');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionOf(doc, 'Samantha'));
    const film = corpus.index.filmFor(doc.uri.toString())!;
    const total = film.totalMentions('samantha');
    const mentions = refs.filter((r) => !r.uri.path.endsWith('film.yaml'));
    assert.strictEqual(mentions.length, total.mentions);
    assert.strictEqual(new Set(mentions.map((r) => r.uri.toString())).size, 5);
    for (const ref of mentions.slice(0, 20)) {
      const d = await vscode.workspace.openTextDocument(ref.uri);
      assert.strictEqual(d.getText(ref.range), 'Samantha');
    }
  });

  it('document highlights mark the other mentions in the open review', async () => {
    const doc = await openReview('poignant-exploration.md');
    const hl = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, positionOf(doc, 'Theodore Twombly'));
    assert.ok(hl.length >= 4);
    for (const h of hl) assert.match(doc.getText(h.range), /^Theodore( Twombly)?$/);
  });

  it('workspace symbols find entities by name and alias', async () => {
    const byName = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Samantha');
    const names = byName.map((s) => s.name);
    assert.ok(names.includes('Samantha') && names.includes('Samantha Morton'), names.join(', '));
    const byAlias = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'ScarJo');
    assert.ok(byAlias.some((s) => s.name === 'ScarJo (Scarlett Johansson)'), byAlias.map((s) => s.name).join(', '));
  });

  it('the Outline lists the review’s most mentioned entities', async () => {
    const doc = await openReview('hua-ruonan-a-decade-later.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const most = symbols.find((s) => s.name === 'Most mentioned');
    assert.ok(most, symbols.map((s) => s.name).join(', '));
    assert.ok(['Samantha', 'Theodore Twombly'].includes(most.children[0].name), most.children.map((c) => c.name).join(', '));
    const themes = symbols.find((s) => s.name === 'Themes');
    assert.ok(themes && themes.children.length > 0);
    // Headings of a Markdown review come from VS Code's own Markdown support, which activates lazily.
    await waitFor('the review’s headings in the Outline', async () => {
      const all = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return JSON.stringify(all.map((s) => s.name)).includes('The Social Dilemma of the Cyborg Age');
    });
  });

  it('follows unsaved edits: a name typed into a review is a mention at once', async () => {
    const doc = await openReview('movie-review-her.md');
    const editor = vscode.window.activeTextEditor!;
    const at = doc.positionAt(doc.getText().indexOf('The protagonist'));
    await editor.edit((e) => e.insert(at, 'Amy Adams shines. '));
    try {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at.translate(0, 2));
      assert.match(hoverText(hovers), /\*\*Amy Adams\*\* · person/);
      const later = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'Theodore Twombly'));
      assert.match(hoverText(later), /Theodore Twombly/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
