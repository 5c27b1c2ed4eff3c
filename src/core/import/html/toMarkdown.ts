// An article's DOM as Markdown blocks: paragraphs, headings, lists, quotes; italics and bold kept
// as * and ** (titles in italics matter to the mention rules); link text kept, never its URL;
// images, media, forms and scripts dropped. Text is otherwise verbatim: HTML whitespace collapses
// as a browser shows it, and U+00A0 stays U+00A0.

import { isElement, tagOf, TEXT, type DomElement, type DomNode } from './dom';

/** Elements whose content is never text of the review. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'img',
  'picture', 'video', 'audio', 'source', 'track', 'map', 'form', 'input', 'button', 'select', 'textarea',
  'label', 'head', 'meta', 'link', 'dialog',
]);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'blockquote', 'pre', 'hr', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'td', 'th', 'dl', 'dt', 'dd', 'address', 'details', 'summary', 'body', 'html', 'center', 'caption',
]);

export interface MarkdownOptions {
  /** Plain text only (no Markdown markers): used to list what a page had outside its article. */
  plain?: boolean;
  /** Called for each figure caption dropped. */
  onCaption?: (text: string) => void;
}

// Whitespace as HTML collapses it; U+00A0 is not whitespace here.
const collapse = (s: string) => s.replace(/[ \t\n\r\f]+/g, ' ');
const trimHtml = (s: string) => s.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '');

export function toMarkdownBlocks(root: DomNode, options: MarkdownOptions = {}): string[] {
  const blocks: string[] = [];
  walkBlocks(root, blocks, options, '');
  return blocks.filter((b) => b.trim() !== '');
}

function inline(node: DomNode, options: MarkdownOptions): string {
  if (node.nodeType === TEXT) return collapse(node.textContent ?? '');
  if (!isElement(node)) return '';
  const tag = tagOf(node);
  if (SKIP.has(tag)) return '';
  if (tag === 'br') return '\n';
  const inner = Array.from(node.childNodes, (c) => inline(c, options)).join('');
  if (options.plain) return inner;
  if (tag === 'em' || tag === 'i' || tag === 'cite') return wrap(inner, '*');
  if (tag === 'strong' || tag === 'b') return wrap(inner, '**');
  if (tag === 'code') return inner.includes('`') ? inner : wrap(inner, '`');
  return inner;
}

/** Wraps text in a marker, keeping surrounding spaces outside it ("*Her* " not "*Her *"). */
function wrap(s: string, marker: string): string {
  const m = /^([ ]*)([\s\S]*?)([ ]*)$/.exec(s)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : s;
}

function paragraph(nodes: DomNode[], options: MarkdownOptions): string {
  const text = nodes.map((n) => inline(n, options)).join('');
  return text
    .split('\n')
    .map((l) => trimHtml(l))
    .filter((l) => l !== '')
    .join('\n');
}

function walkBlocks(node: DomNode, out: string[], options: MarkdownOptions, prefix: string): void {
  if (!isElement(node)) return;
  const tag = tagOf(node);
  if (SKIP.has(tag)) return;
  const push = (text: string) => {
    if (text.trim() === '') return;
    out.push(text.split('\n').map((l) => prefix + l).join('\n'));
  };
  if (/^h[1-6]$/.test(tag)) {
    const text = paragraph(Array.from(node.childNodes), options).replace(/\n/g, ' ');
    push(options.plain ? text : `${'#'.repeat(Number(tag[1]))} ${text}`);
    return;
  }
  if (tag === 'figcaption') {
    const text = paragraph(Array.from(node.childNodes), { ...options, plain: true });
    if (text && options.plain) push(text); // listing the page's text: the caption is part of it
    else if (text) options.onCaption?.(text);
    return;
  }
  if (tag === 'hr') {
    if (!options.plain) push('---');
    return;
  }
  if (tag === 'pre') {
    const text = (node.textContent ?? '').replace(/\n$/, '');
    push(options.plain ? text : '```\n' + text + '\n```');
    return;
  }
  if (tag === 'ul' || tag === 'ol') {
    let n = Number(node.getAttribute('start') ?? '1') || 1;
    for (const li of Array.from(node.childNodes)) {
      if (!isElement(li) || tagOf(li) !== 'li') continue;
      const marker = options.plain ? '' : tag === 'ol' ? `${n++}. ` : '- ';
      const inner: string[] = [];
      walkChildren(li, inner, options, '');
      inner.forEach((b, i) => {
        const pad = ' '.repeat(marker.length);
        const lines = b.split('\n').map((l, k) => (i === 0 && k === 0 ? marker + l : pad + l));
        push(lines.join('\n'));
      });
    }
    return;
  }
  if (tag === 'blockquote') {
    walkChildren(node, out, options, options.plain ? prefix : prefix + '> ');
    return;
  }
  if (tag === 'tr') {
    const cells = Array.from(node.childNodes)
      .filter((c) => isElement(c) && (tagOf(c) === 'td' || tagOf(c) === 'th'))
      .map((c) => paragraph(Array.from(c.childNodes), options).replace(/\n/g, ' '))
      .filter(Boolean);
    push(cells.join(' | '));
    return;
  }
  walkChildren(node, out, options, prefix);
}

/** Children of a block: runs of inline content become paragraphs, block children recurse. */
function walkChildren(el: DomElement, out: string[], options: MarkdownOptions, prefix: string): void {
  let run: DomNode[] = [];
  const flush = () => {
    const text = paragraph(run, options);
    if (text) out.push(text.split('\n').map((l) => prefix + l).join('\n'));
    run = [];
  };
  for (const child of Array.from(el.childNodes)) {
    if (isElement(child) && BLOCK.has(tagOf(child))) {
      flush();
      walkBlocks(child, out, options, prefix);
    } else run.push(child);
  }
  flush();
}
