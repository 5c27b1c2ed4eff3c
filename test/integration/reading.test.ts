// The reading view in the real host: VS Code's own Markdown engine (markdown.api.render) with
// Marginalia's markdown-it plugin loaded through extendMarkdownIt. A review comes out with its
// names marked and linked to their source lines, annotated passages highlighted with their note,
// and anything a review says in HTML, scripts or command links rendered inert. Plain-text reviews
// read in a panel rendered by the same engine.

import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { txtAsMarkdown } from '../../src/core/reading';
import { api, herKey, inWebWorker, openReview, remove, reviewUri, sidecarOf, waitFor, writeText } from './helpers';

/**
 * Is VS Code's Markdown extension in this extension host? It loads our plugin from the extension
 * host it runs in. In code-server's web worker host it is not: code-server ships no browser build of
 * it, so it runs in the remote host, out of reach of an extension in the worker (in VS Code for the
 * Web both run in the worker).
 */
const markdownHere = () => !!vscode.extensions.getExtension('vscode.markdown-language-features');

let fallback: MarkdownIt | undefined;
/**
 * HTML as VS Code's Markdown engine renders it, with the plugin loaded through the activate()
 * result: `markdown.api.render` where the Markdown extension shares our host, else markdown-it (with
 * html on, as the preview has it) handed to the same extendMarkdownIt.
 */
async function render(input: string | vscode.TextDocument): Promise<string> {
  if (markdownHere()) return vscode.commands.executeCommand<string>('markdown.api.render', input);
  fallback ??= (await api()).extendMarkdownIt(new MarkdownIt({ html: true }));
  return fallback.render(typeof input === 'string' ? input : input.getText());
}

/** The marks of one entity in rendered HTML: their source links, in order. */
function marksOf(html: string, entity: string): string[] {
  return [...html.matchAll(new RegExp(`<span class="marginalia-mention marginalia-\\w+" data-entity="${entity}"[^>]*>(?:<a class="marginalia-source" href="([^"]*)">)?`, 'g'))].map((m) => m[1] ?? '');
}

async function newReview(name: string, text: string) {
  const { corpus } = await api();
  await writeText(reviewUri(name), text);
  return waitFor(`${name} in the index`, () => corpus.review(herKey(name)), 20000);
}

async function removeReview(name: string) {
  const { corpus } = await api();
  await remove(reviewUri(name));
  await waitFor(`${name} out of the index`, () => !corpus.review(herKey(name)), 20000);
}

describe('reading view', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a review rendered by VS Code’s Markdown engine has every Samantha marked, each linked to its line', async () => {
    const { corpus } = await api();
    // In the Node host VS Code's own engine renders (never the stand-in).
    if (!inWebWorker) assert.ok(markdownHere(), 'the Markdown extension runs in the Node host with us');
    const doc = await openReview('poignant-exploration.md');
    const review = corpus.review(herKey('poignant-exploration.md'))!;
    const samantha = review.mentionsOf('samantha');
    assert.ok(samantha.length >= 3, `${samantha.length} mentions of Samantha`);
    for (const input of [doc.getText(), doc]) {
      const html = await render(input);
      const links = marksOf(html, 'samantha');
      assert.strictEqual(links.length, samantha.length, html.slice(0, 2000));
      assert.deepStrictEqual(links, samantha.map((m) => `poignant-exploration.md#L${doc.positionAt(m.start).line + 1}`));
      assert.match(html, /<span class="marginalia-mention marginalia-character" data-entity="samantha" data-start="\d+" title="Samantha — character">/);
      assert.match(html, /class="marginalia-mention marginalia-person" data-entity="joaquin-phoenix"/);
    }
  });

  it('a document that is not a review renders exactly as without the plugin (no marks)', async () => {
    const html = await render('Samantha and Theodore, in a note that is not a review.\n\n<b>bold</b>\n');
    assert.doesNotMatch(html, /marginalia-/);
    assert.match(html, /Samantha and Theodore/);
  });

  it('an annotation made with Annotate Selection is highlighted, its note and tags in the tooltip', async () => {
    const { annotations } = await api();
    const doc = await openReview('larb-jessica-gross-becoming-human.md');
    const passage = 'names herself Samantha';
    const start = doc.getText().indexOf(passage);
    assert.ok(start > 0);
    const key = herKey('larb-jessica-gross-becoming-human.md');
    const id = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { review: key, start, end: start + passage.length, tags: ['samantha', 'naming'], note: 'She chooses <her> name & “reads” it' });
    assert.ok(id);
    try {
      await waitFor('the annotation', () => annotations.find(key, id));
      const html = await render(doc.getText());
      const mark = new RegExp(`<mark class="marginalia-annotation" data-annotation="${id}" title="([^"]*)">`).exec(html);
      assert.ok(mark, html.slice(0, 3000));
      assert.strictEqual(mark[1], 'She chooses &lt;her&gt; name &amp; “reads” it — Samantha, #naming');
      // The passage inside the highlight keeps its own mark for Samantha.
      const after = html.slice(mark.index, html.indexOf('</mark>', mark.index));
      assert.match(after, /data-entity="samantha"/);
    } finally {
      await vscode.commands.executeCommand('marginalia.deleteAnnotation', { review: key, id, confirm: false });
      await remove(sidecarOf('larb-jessica-gross-becoming-human.md'));
      await annotations.load(key);
    }
  });

  it('a review with scripts, command links and raw HTML renders them inert', async () => {
    const name = 'zz-hostile-review.md';
    const text = [
      '---',
      'title: A hostile review',
      'critic: Mallory',
      '---',
      'Samantha speaks. <script>alert(1)</script> [Run me](command:workbench.action.terminal.new) and [again](command:marginalia.refresh "t").',
      '',
      '<div onclick="alert(2)">Theodore in raw HTML</div>',
      '',
      '<img src=x onerror="alert(3)"> Samantha again, <a href="command:marginalia.refresh">a raw anchor</a>, [a real link](https://example.com/her) and [a script link](javascript:alert(4)).',
      '',
      '<iframe src="https://example.com"></iframe>',
      '',
    ].join('\n');
    await newReview(name, text);
    try {
      const html = await render(text);
      assert.ok(marksOf(html, 'samantha').length >= 2, `recognised as a review: ${html}`);
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /<(img|div|iframe|a)\b[^>]*\son\w+=/i);
      assert.doesNotMatch(html, /<(div|img|iframe)\b/i);
      assert.doesNotMatch(html, /href="(command|javascript):/i);
      assert.doesNotMatch(html, /<a href="command/i);
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(html, /href="https:\/\/example\.com\/her"/);
    } finally {
      await removeReview(name);
    }
  });

  it('themes are marked only when the themes toggle is on', async () => {
    const doc = await openReview('hua-ruonan-a-decade-later.md');
    const config = vscode.workspace.getConfiguration('marginalia');
    assert.strictEqual(config.get('decorations.themes'), false);
    assert.doesNotMatch(await render(doc.getText()), /marginalia-theme/);
    await config.update('decorations.themes', true, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the setting', () => vscode.workspace.getConfiguration('marginalia').get('decorations.themes') === true);
      assert.match(await render(doc.getText()), /class="marginalia-mention marginalia-theme" data-entity="[\w-]+"/);
    } finally {
      await config.update('decorations.themes', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Read Review opens the Markdown preview of a .md review beside it', async () => {
    await openReview('movie-review-her.md');
    const result = await vscode.commands.executeCommand<{ kind: string; review: string }>('marginalia.readReview');
    assert.deepStrictEqual(result, { kind: 'preview', review: herKey('movie-review-her.md') });
    const tab = await waitFor('a Markdown preview tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)),
    );
    assert.notStrictEqual(tab.group.viewColumn, vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText))?.viewColumn, 'beside the source');
  });

  it('a .txt review reads in a panel rendered by the same engine, with the same marks, links and a strict CSP', async () => {
    const name = 'zz-plain-review.txt';
    const text = 'A plain review\r\n\r\nSamantha is *not emphasis* and <b>not bold</b>; Theodore writes letters.\r\n# not a heading\r\n1. not a list\r\nSamantha again.\r\n';
    await newReview(name, text);
    try {
      const direct = await render(txtAsMarkdown(text).markdown);
      assert.deepStrictEqual(marksOf(direct, 'samantha'), [`${name}#L3`, `${name}#L6`]);
      assert.match(direct, /\*not emphasis\*/);
      assert.match(direct, /&lt;b&gt;not bold&lt;\/b&gt;/);
      assert.doesNotMatch(direct, /<(h1|ol|em|b)>/);
      const result = await vscode.commands.executeCommand<{ kind: string; html: string }>('marginalia.readReview', reviewUri(name));
      assert.strictEqual(result.kind, 'panel');
      const csp = /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src [^;"]+; script-src 'nonce-([A-Za-z0-9+/=]{32})';">/.exec(result.html);
      assert.ok(csp, result.html.slice(0, 600));
      const scripts = [...result.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.strictEqual(scripts.length, 1, scripts.join('\n'));
      assert.match(scripts[0], new RegExp(`^<script nonce="${csp[1].replace(/[+/]/g, '\\$&')}" src="[^"]+/dist/webview/reading\\.js">$`));
      assert.match(result.html, /Theodore/);
      if (markdownHere()) assert.deepStrictEqual(marksOf(result.html, 'samantha'), [`${name}#L3`, `${name}#L6`]);
      await waitFor('the reading panel tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /marginalia\.reading/.test(t.input.viewType)));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await removeReview(name);
    }
  });
});
