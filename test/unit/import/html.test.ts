// HTML pages are data: nothing on them runs, nothing is fetched, nothing but their text is kept.

import * as assert from 'node:assert/strict';
import { importHtmlReview, readHtmlPage } from '../../../src/core/import/html';
import { writeNewReview } from '../../../src/core/import/writeReview';
import { MemoryFileHost } from '../memoryHost';

describe('import: HTML pages are data', () => {
  it('runs no script or event handler, keeps no markup, URL or attribute but the source', () => {
    const g = globalThis as { __marginaliaPwned?: number };
    delete g.__marginaliaPwned;
    const html = `<!doctype html><html><head><title>Nope review</title>
      <script>globalThis.__marginaliaPwned = 1</script>
      <link rel="canonical" href="javascript:alert(1)">
      <meta property="og:url" content="https://ok.example/nope">
      </head><body onload="globalThis.__marginaliaPwned = 2"><article>
      <h1>Nope review</h1>
      <p>Jordan Peele looks up at the sky over Agua Dulce, and the sky looks back at him, hungrily and for a long time.</p>
      <p><img src="https://tracker.example/p.gif" onerror="globalThis.__marginaliaPwned = 3">OJ and Emerald Haywood train horses for the movies, and something in the clouds is eating them one by one.</p>
      <iframe src="https://ads.example/frame"></iframe>
      <p>Click <a href="javascript:alert(1)">here</a> for <a href="https://elsewhere.example/x" onclick="x()">more of the same</a>, the critic says, and means it as a joke about links.</p>
      <p>&lt;script&gt;this is text, not a script&lt;/script&gt; — a sentence about HTML, kept as text, as the page printed it.</p>
      </article></body></html>`;
    const r = importHtmlReview({ fileName: 'nope.html', text: html });
    assert.equal(g.__marginaliaPwned, undefined);
    for (const bad of ['javascript:', 'tracker.example', 'ads.example', 'elsewhere.example', 'onerror', 'onclick', '<img', '<a ', '<p>']) {
      assert.ok(!r.markdown.includes(bad), bad);
    }
    assert.equal(r.frontMatter.source, 'https://ok.example/nope');
    assert.ok(r.body.includes('Click here for more of the same, the critic says'));
    assert.ok(r.body.includes('<script>this is text, not a script</script> — a sentence about HTML'));
  });

  it('a page too short for Readability still gives its text, without nav, header, footer and forms', () => {
    const page = readHtmlPage('<nav>Home Reviews</nav><header>Site</header><p>Up made me cry. Twice.</p><footer>© 2009 Site</footer>');
    assert.equal(page.markdown, 'Up made me cry. Twice.\n');
  });

  it('keeps U+00A0, emoji and curly quotes; collapses only HTML whitespace', () => {
    const r = importHtmlReview({ fileName: 'x.html', text: '<article><p>“Us”&nbsp;is   a\n  film about\tdoubles 🪞, and it is — truly — one of the best horror films of the decade.</p></article>' });
    assert.equal(r.body, '“Us”\u00a0is a film about doubles 🪞, and it is — truly — one of the best horror films of the decade.\n');
  });
});

describe('import: writing the review', () => {
  it('never replaces a file: name, name-2, name-3', async () => {
    const host = new MemoryFileHost({ 'memfs:/film/a.md': 'mine' });
    assert.equal(await writeNewReview(host, 'memfs:/film', 'a.md', 'one'), 'memfs:/film/a-2.md');
    assert.equal(await writeNewReview(host, 'memfs:/film', 'a.md', 'two'), 'memfs:/film/a-3.md');
    assert.equal(host.text('memfs:/film/a.md'), 'mine');
    assert.equal(host.text('memfs:/film/a-3.md'), 'two');
    assert.deepEqual([...host.files.keys()].filter((k) => k.endsWith('.tmp')), []);
  });
});
