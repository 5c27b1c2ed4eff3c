// The shape every Marginalia webview page has: a strict CSP with a fresh nonce, our stylesheets,
// one script carrying that nonce, and text escaped where it goes into the page.

import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { escapeHtml, newNonce, webviewPage } from '../../src/extension/webviewPage';

const uri = (s: string) => ({ toString: () => s }) as unknown as vscode.Uri;
const webview = { cspSource: 'https://*.vscode-cdn.net', asWebviewUri: (u: vscode.Uri) => uri(`https://res.vscode-cdn.net${u.toString()}`) } as unknown as vscode.Webview;

describe('webview pages', () => {
  it('a nonce is 32 base64 characters, new every time', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => newNonce()));
    assert.equal(nonces.size, 200);
    for (const n of nonces) assert.match(n, /^[A-Za-z0-9+/]{32}$/);
  });

  it('escapes what goes into the page', () => {
    assert.equal(escapeHtml(`<script>alert("x") & 'y'</script>`), '&#60;script&#62;alert(&#34;x&#34;) &#38; &#39;y&#39;&#60;/script&#62;');
  });

  it('has the CSP, the stylesheets and one script with the page’s nonce; the title and data are escaped', () => {
    const html = webviewPage(webview, {
      title: 'Read: <Her> & "you"',
      styles: [uri('/ext/media/a.css'), uri('/ext/media/b.css')],
      script: uri('/ext/dist/webview/reading.js'),
      body: '<main>ok</main>',
      bodyData: { review: 'file:///c/her/a"b.txt', 'on-click': 'x' },
    });
    const csp = /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https:\/\/\*\.vscode-cdn\.net; script-src 'nonce-([A-Za-z0-9+/]{32})';">/.exec(html);
    assert.ok(csp, html);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${csp[1]}" src="https://res.vscode-cdn.net/ext/dist/webview/reading.js">`]);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/res\.vscode-cdn\.net\/ext\/media\/a\.css">\n<link rel="stylesheet" href="https:\/\/res\.vscode-cdn\.net\/ext\/media\/b\.css">/);
    assert.match(html, /<title>Read: &#60;Her&#62; &#38; &#34;you&#34;<\/title>/);
    assert.match(html, /<body data-review="file:\/\/\/c\/her\/a&#34;b\.txt" data-on-click="x">/);
    assert.doesNotMatch(html, /<style|\sstyle=/);
    assert.notEqual(webviewPage(webview, { title: 't', styles: [], script: uri('/s.js') }).match(/nonce-([^']+)/)![1], csp[1]);
  });
});
