// Just enough HTML reading for the tests: the plugin's output is well-formed, void tags aside.

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: Array<HtmlElement | string>;
  parent?: HtmlElement;
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link']);

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|#39|nbsp);/gi, (m, e: string) => {
    const l = e.toLowerCase();
    if (l === 'amp') return '&';
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'quot') return '"';
    if (l === 'nbsp') return '\u00a0';
    if (l.startsWith('#x')) return String.fromCodePoint(parseInt(l.slice(2), 16));
    return String.fromCodePoint(parseInt(l.slice(1), 10));
  });
}

export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  let cur = root;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>|([^<]+)|(<)/g)) {
    if (m[4] !== undefined || m[5] !== undefined) {
      cur.children.push(decodeEntities(m[4] ?? m[5]));
      continue;
    }
    const tag = m[2].toLowerCase();
    if (m[1]) {
      if (cur.tag !== tag) throw new Error(`</${tag}> closes <${cur.tag}> in ${html.slice(Math.max(0, m.index! - 200), m.index! + 50)}`);
      cur = cur.parent!;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? '');
    const el: HtmlElement = { tag, attrs, children: [], parent: cur };
    cur.children.push(el);
    if (!VOID.has(tag)) cur = el;
  }
  if (cur !== root) throw new Error(`<${cur.tag}> is not closed`);
  return root;
}

export function textContent(el: HtmlElement | string): string {
  return typeof el === 'string' ? el : el.children.map(textContent).join('');
}

export function findAll(el: HtmlElement, pred: (e: HtmlElement) => boolean, out: HtmlElement[] = []): HtmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (pred(c)) out.push(c);
    findAll(c, pred, out);
  }
  return out;
}

export function hasClass(el: HtmlElement, cls: string): boolean {
  return (el.attrs.class ?? '').split(/\s+/).includes(cls);
}

export function ancestors(el: HtmlElement): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (let p = el.parent; p; p = p.parent) out.push(p);
  return out;
}

/** The page with our elements unwrapped: what the marks leave of it must be what was there. */
export function skeleton(el: HtmlElement | string): string {
  if (typeof el === 'string') return el;
  const inner = el.children.map(skeleton).join('');
  const ours = (el.tag === 'span' && hasClass(el, 'marginalia-mention')) || (el.tag === 'a' && hasClass(el, 'marginalia-source')) || (el.tag === 'mark' && hasClass(el, 'marginalia-annotation'));
  if (ours || el.tag === '#root') return inner;
  return `<${el.tag}${Object.entries(el.attrs).map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('')}>${inner}</${el.tag}>`;
}
