// A review is data: in the reading view its raw HTML shows as text, links go only to the web or
// to mail (or stay relative), and no element carries an event attribute.

import type MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;
type TokenClass = new (type: string, tag: string, nesting: MarkdownIt.Token.Nesting) => Token;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** As a browser reads a URL: without ASCII whitespace and control characters. */
const bare = (url: string) => url.replace(/[\u0000-\u0020\u007f]/g, '');

/** Link targets a review may keep: web, mail, or no scheme at all (relative, #fragment). */
export function isAllowedHref(href: string): boolean {
  const h = bare(href);
  return !SCHEME.test(h) || /^(?:https?|mailto):/i.test(h);
}

/** Image sources a review may keep: web, relative, or an inline image. */
export function isAllowedImageSrc(src: string): boolean {
  const s = bare(src);
  return !SCHEME.test(s) || /^https?:/i.test(s) || /^data:image\/(?:png|gif|jpeg|webp);/i.test(s);
}

/** Raw HTML blocks become paragraphs of text; inline HTML becomes text. */
export function makeHtmlInert(tokens: Token[], TokenCtor: TokenClass): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.type === 'html_block') {
      const open = new TokenCtor('paragraph_open', 'p', 1);
      open.map = t.map;
      open.block = true;
      open.level = t.level;
      const inline = new TokenCtor('inline', '', 0);
      inline.content = t.content.replace(/\n$/, '');
      inline.map = t.map;
      inline.level = t.level + 1;
      const text = new TokenCtor('text', '', 0);
      text.content = inline.content;
      inline.children = [text];
      const close = new TokenCtor('paragraph_close', 'p', -1);
      close.block = true;
      close.level = t.level;
      out.push(open, inline, close);
      continue;
    }
    if (t.children) t.children = makeInlineHtmlInert(t.children);
    out.push(t);
  }
  return out;
}

function makeInlineHtmlInert(children: Token[]): Token[] {
  for (const c of children) {
    if (c.type === 'html_inline') {
      c.type = 'text';
      c.tag = '';
    }
    if (c.children) c.children = makeInlineHtmlInert(c.children);
  }
  return children;
}

/** Drops links and images with other targets, keeping their text. */
export function dropUnsafeLinks(tokens: Token[]): Token[] {
  const out: Token[] = [];
  const dropped: boolean[] = []; // per open link: whether its close is dropped too
  for (const t of tokens) {
    if (t.children) t.children = dropUnsafeLinks(t.children);
    if (t.type === 'link_open') {
      const drop = !isAllowedHref(t.attrGet('href') ?? '');
      dropped.push(drop);
      if (drop) continue;
    } else if (t.type === 'link_close') {
      if (dropped.pop()) continue;
    } else if (t.type === 'image' && !isAllowedImageSrc(t.attrGet('src') ?? '')) {
      out.push(...(t.children ?? []));
      continue;
    }
    out.push(t);
  }
  return out;
}

/** Removes on* attributes (another plugin could have added them) from every token. */
export function dropEventAttributes(tokens: Token[]): void {
  for (const t of tokens) {
    if (t.attrs) t.attrs = t.attrs.filter(([name]) => !/^on/i.test(name));
    if (t.children) dropEventAttributes(t.children);
  }
}
