// Reviews written to trap the reading view: mentions in emphasis, links, headings, lists, quotes,
// tables, across soft breaks, next to entities and escapes, with emoji, NBSP and CRLF; annotations
// across markup; hostile HTML and links. Each runs on markdown-it 12 and 14.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { markdownItMarginalia, type ReadingAnnotation, type ReadingMention, type ReviewMarks } from '../../../src/core/reading';
import { isAllowedHref, isAllowedImageSrc } from '../../../src/core/reading/reviewSafety';
import { ROOT, readText } from '../fixtures';
import { ENGINES, previewEngine } from './engines';
import { ancestors, findAll, hasClass, type HtmlElement, parseHtml, skeleton, textContent } from './html';

const TRAPS = readText(join(ROOT, 'test/fixtures/reading/traps.md'));
const SECURITY = readText(join(ROOT, 'test/fixtures/reading/security.md'));

const ENTITY: Record<string, { entity: string; name: string }> = {
  Samantha: { entity: 'samantha', name: 'Samantha' },
  Theodore: { entity: 'theodore', name: 'Theodore Twombly' },
  Amy: { entity: 'amy', name: 'Amy' },
  Catherine: { entity: 'catherine', name: 'Catherine Klausen' },
};

function findMentions(text: string): ReadingMention[] {
  return [...text.matchAll(/Theodore[\s\u00a0]+Twombly|Theodore|Samantha|Amy|Catherine/g)].map((m) => ({
    ...ENTITY[m[0].split(/[\s\u00a0]/)[0]],
    kind: 'character',
    start: m.index!,
    end: m.index! + m[0].length,
  }));
}

/** Places a mention cannot be marked without changing the page: code, alt text, URLs, attributes. */
function unmarkable(text: string): Array<[number, number]> {
  return ['`Samantha`', '![Samantha on screen]', 'https://example.com/Samantha/page', '<https://example.com/Theodore>', '<span title="Theodore">', '"Samantha\'s song"'].map((s) => {
    const at = text.indexOf(s);
    assert.ok(at >= 0, s);
    return [at, at + s.length];
  });
}

function marks(text: string, annotations: ReadingAnnotation[] = [], mentions = findMentions(text)): ReviewMarks {
  return { mentions, annotations, showThemes: true, sourceLink: (line) => `traps.md#L${line + 1}` };
}

function render(create: (typeof ENGINES)[number]['create'], text: string, m: ReviewMarks | undefined): string {
  return previewEngine(create, (src) => (src === text ? m : undefined)).render(text);
}

const mentionSpans = (root: HtmlElement) => findAll(root, (e) => e.tag === 'span' && hasClass(e, 'marginalia-mention'));
const marksOf = (root: HtmlElement) => findAll(root, (e) => e.tag === 'mark');

function assertNoNestedAnchors(root: HtmlElement) {
  for (const a of findAll(root, (e) => e.tag === 'a')) assert.ok(!ancestors(a).some((p) => p.tag === 'a'), `nested anchor: ${textContent(a)}`);
}

for (const engine of ENGINES) {
  describe(`reading view traps (${engine.name})`, () => {
    for (const eol of ['LF', 'CRLF']) {
      it(`marks each mention exactly where markup surrounds it (${eol})`, () => {
        const text = eol === 'LF' ? TRAPS : TRAPS.replace(/\n/g, '\r\n');
        const mentions = findMentions(text);
        const skip = unmarkable(text);
        const html = render(engine.create, text, marks(text));
        const root = parseHtml(html);
        const spans = mentionSpans(root);
        const byStart = new Map<number, HtmlElement[]>();
        for (const s of spans) byStart.set(Number(s.attrs['data-start']), [...(byStart.get(Number(s.attrs['data-start'])) ?? []), s]);
        let marked = 0;
        for (const m of mentions) {
          const inSkip = skip.some(([a, b]) => m.start >= a && m.start < b);
          const got = byStart.get(m.start);
          if (inSkip) {
            assert.equal(got, undefined, `${text.slice(m.start, m.end)} at ${m.start} is left unmarked`);
            continue;
          }
          assert.ok(got, `${JSON.stringify(text.slice(m.start - 10, m.end + 5))} is marked`);
          assert.equal(got.map(textContent).join(''), text.slice(m.start, m.end).replace(/\r\n/g, '\n'));
          marked++;
        }
        assert.equal(marked, mentions.length - skip.length);
        assertNoNestedAnchors(root);
        // the marks add elements and change nothing else
        assert.equal(skeleton(root), skeleton(parseHtml(render(engine.create, text, marks(text, [], [])))));

        const span = (needle: string) => {
          const at = text.indexOf(needle);
          const s = spans.find((x) => Number(x.attrs['data-start']) === at + needle.search(/Theodore|Samantha|Amy|Catherine/));
          assert.ok(s, needle);
          return s;
        };
        const inside = (s: HtmlElement, tag: string) => ancestors(s).some((a) => a.tag === tag);
        assert.ok(inside(span('# Samantha'), 'h1'));
        assert.ok(inside(span('*Samantha* and'), 'em'));
        assert.ok(inside(span('**Theodore**'), 'strong'));
        assert.ok(inside(span('_Samantha_'), 'em'));
        assert.ok(inside(span('***Amy***'), 'em') && inside(span('***Amy***'), 'strong'));
        const inLink = span('[Samantha sings');
        assert.ok(inside(inLink, 'a') && !inLink.children.some((c) => typeof c !== 'string' && c.tag === 'a'), 'inside a link: no anchor of ours');
        assert.equal(textContent(span('Across a soft break: Theodore')), 'Theodore\nTwombly');
        assert.equal(textContent(span('Theodore\u00a0Twombly')), 'Theodore\u00a0Twombly');
        const entities = textContent(span('Amy &amp;').parent!);
        assert.ok(entities.includes('Amy & Samantha\u00a0laugh; AT&T calls Theodore!'), entities);
        const escapes = textContent(span('\\*Samantha').parent!);
        assert.ok(escapes.includes('*Samantha* is not emphasis, nor is _Theodore_, and \\Amy'), escapes);
        assert.ok(inside(span('about Samantha'), 'li') && inside(span('with Amy'), 'li') && inside(span('Catherine'), 'ol'));
        assert.ok(inside(span('quote: Samantha'), 'blockquote') && inside(span('that Theodore'), 'blockquote'));
        assert.ok(inside(span('one | Samantha'), 'td'));
        assert.ok(inside(span('<b>Samantha'), 'p'), 'raw HTML is text, the mention in it is marked');
        assert.ok(html.includes('🎬 <span'), 'emoji kept beside the mark');
        const hard = span('break: Samantha');
        assert.ok(findAll(hard.parent!, (e) => e.tag === 'br').length === 1, 'the hard break survives');
        // the link back to the source names the mention's line
        const heading = span('# Samantha').children.find((c): c is HtmlElement => typeof c !== 'string' && c.tag === 'a')!;
        assert.equal(heading.attrs.href, 'traps.md#L5');
        assert.equal(heading.attrs.class, 'marginalia-source');
      });
    }

    it('highlights annotations across markup, split into marks, with escaped notes', () => {
      const text = TRAPS;
      const from = (needle: string, delta = 0) => text.indexOf(needle) + delta;
      const annotations: ReadingAnnotation[] = [
        // from inside *Samantha* to inside **Theodore**: three marks, none crossing a tag
        { id: 'across', start: from('amantha* and **'), end: from('Theodore** and _') + 4, note: 'He said "hi" <script>alert(1)</script>', tags: ['a&b', 'love'] },
        // starts on the ** delimiter itself: moved inside; the emphasis still parses
        { id: 'delim', start: from('**Theodore**'), end: from('**Theodore**') + 12, note: 'bold' },
        // part of a name: the mark sits inside the mention's span
        { id: 'part', start: from('Samantha talks') + 3, end: from('Samantha talks') + 14 },
        // two paragraphs
        { id: 'paras', start: from('Plain:'), end: from('Emphasis:') + 9, tags: ['span'] },
        // a link's destination cannot take a mark: the end moves back before it
        { id: 'link', start: from('Inside a link'), end: from('/song') },
      ];
      const html = render(engine.create, text, marks(text, annotations));
      const root = parseHtml(html);
      const byId = (id: string) => marksOf(root).filter((m) => m.attrs['data-annotation'] === id);
      assert.equal(byId('across').length, 3);
      assert.deepEqual(byId('across').map(textContent), ['amantha', ' and ', 'Theo']);
      assert.equal(byId('across')[0].attrs.title, 'He said "hi" <script>alert(1)</script> — a&b, love');
      assert.ok(!html.includes('<script'), 'the note is escaped');
      assert.ok(findAll(root, (e) => e.tag === 'strong').some((s) => textContent(s) === 'Theodore'), 'emphasis intact');
      assert.deepEqual(byId('delim').map(textContent), ['Theodore']);
      assert.equal(byId('delim')[0].attrs.title, 'bold');
      const part = byId('part');
      assert.deepEqual(part.map(textContent), ['antha', ' talks']);
      assert.ok(ancestors(part[0]).some((a) => hasClass(a, 'marginalia-mention')), 'inside the name');
      assert.ok(!ancestors(part[1]).some((a) => hasClass(a, 'marginalia-mention')), 'outside after it');
      const paras = byId('paras');
      assert.ok(paras.length >= 2 && new Set(paras.map((p) => ancestors(p).find((a) => a.tag === 'p'))).size === 2, 'both paragraphs');
      assert.equal(paras[0].attrs.title, 'span');
      assert.ok(textContent(paras[paras.length - 1]).endsWith('Emphasis:'));
      assert.ok(byId('link').length >= 1, 'kept, ending before the destination');
      assertNoNestedAnchors(root);
      assert.equal(skeleton(root), skeleton(parseHtml(render(engine.create, text, marks(text, [], [])))));
    });

    it('renders a hostile review inert: HTML as text, only web, mail and relative links, no event attributes', () => {
      const text = SECURITY;
      const html = render(engine.create, text, marks(text));
      const root = parseHtml(html);
      for (const el of findAll(root, () => true)) {
        for (const name of Object.keys(el.attrs)) assert.ok(!/^on/i.test(name), `<${el.tag} ${name}>`);
        assert.ok(!['script', 'div', 'img', 'iframe'].includes(el.tag) || (el.tag === 'img' && /^https:/.test(el.attrs.src)), `<${el.tag}> ${JSON.stringify(el.attrs)}`);
      }
      const hrefs = findAll(root, (e) => e.tag === 'a').map((a) => a.attrs.href);
      for (const href of hrefs) assert.match(href, /^(?:https:|mailto:|other\.md#L3$|traps\.md#L\d+$)/);
      assert.ok(hrefs.includes('https://example.com') && hrefs.includes('mailto:a@b.c') && hrefs.includes('other.md#L3') && hrefs.includes('https://example.com/auto'));
      const visible = textContent(root);
      for (const s of ['<script>alert(1)</script>', '<div onclick="alert(2)">', '<img src=x onerror="alert(3)">', '<a href="command:evil">', 'cmd', '[js](javascript:alert(1))', 'vs', 'file', 'command:evil', 'ftp://example.com/file', 'img']) {
        assert.ok(visible.includes(s), `shows ${s} as text`);
      }
      assert.ok(!/command:|vscode:|file:|javascript:/.test(hrefs.join(' ')));
      // mentions inside the inert HTML and inside the dropped command link are still marked
      const spans = mentionSpans(root).map(textContent);
      assert.deepEqual(spans, ['Samantha', 'Theodore', 'Samantha']);
      const last = mentionSpans(root)[2];
      assert.ok(last.children.some((c) => typeof c !== 'string' && c.tag === 'a' && c.attrs.href.startsWith('traps.md#L')), 'the dropped link leaves room for our anchor');
      // the same file as a non-review renders as markdown-it always does (raw HTML live)
      assert.ok(render(engine.create, text, undefined).includes('<script>alert(1)</script>'));
    });
  });
}

describe('reading view: documents that are not reviews render exactly as before', () => {
  const docs = ['README.md', 'docs/benchmarks.md', 'docs/lexicon-format.md', 'docs/sidecar-format.md', 'test/fixtures/reading/traps.md', 'test/fixtures/reading/security.md', 'corpus/her/larb-jessica-gross-becoming-human.md', 'test/fixtures/gold/traps.md'];
  for (const engine of ENGINES) {
    it(engine.name, () => {
      for (const doc of docs) {
        const text = readText(join(ROOT, doc));
        const plain = previewEngine(engine.create).render(text);
        let asked = 0;
        const withPlugin = previewEngine(engine.create, () => {
          asked++;
          return undefined;
        }).render(text);
        assert.equal(withPlugin, plain, doc);
        assert.equal(asked, 1, 'the resolver is asked once per parse');
        // a review's marks are not applied to other text
        const other = previewEngine(engine.create, (src) => (src === TRAPS ? marks(TRAPS) : undefined)).render(text);
        if (text !== TRAPS) assert.equal(other, plain, doc);
      }
    });
  }
});

describe('reading view: links of our own and installing twice', () => {
  it('emits no source link with a scheme, however it is disguised, and installs once per engine', () => {
    const text = 'Samantha sings.';
    const mentions = findMentions(text);
    for (const bad of ['command:marginalia.x', ' javascript:alert(1)', 'java\tscript:alert(1)', '\u0001vscode:x', 'file:///etc/passwd']) {
      const md = previewEngine(ENGINES[1].create, () => ({ mentions, annotations: [], showThemes: true, sourceLink: () => bad }));
      const html = md.render(text);
      assert.ok(html.includes('marginalia-mention') && !html.includes('marginalia-source'), `${JSON.stringify(bad)}: ${html}`);
    }
    const md = previewEngine(ENGINES[1].create, () => marks(text, [], mentions));
    const once = md.render(text);
    markdownItMarginalia(md, () => undefined);
    assert.equal(md.render(text), once, 'a second install changes nothing');
    assert.equal((once.match(/marginalia-mention/g) ?? []).length, 1);
  });

  it('drops a review link whose scheme hides behind whitespace or control characters', () => {
    assert.equal(isAllowedHref(' javascript:alert(1)'), false);
    assert.equal(isAllowedHref('java\nscript:alert(1)'), false);
    assert.equal(isAllowedHref('\u0000command:x'), false);
    assert.equal(isAllowedHref('https://example.com'), true);
    assert.equal(isAllowedHref('other.md#L3'), true);
    assert.equal(isAllowedHref('#top'), true);
    assert.equal(isAllowedImageSrc('data:image/png;base64,AAAA'), true);
    assert.equal(isAllowedImageSrc('data:text/html;base64,AAAA'), false);
  });
});
