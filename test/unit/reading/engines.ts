// markdown-it set up as VS Code's Markdown preview sets it up (markdownEngine.ts): html on,
// linkify without fuzzy links, extension plugins first, then the front-matter rule, then the
// data-line source map. Two engines: markdown-it 12 (what VS Code 1.100 ships) and 14.

import MarkdownIt14 from 'markdown-it';
import frontMatterPlugin from 'markdown-it-front-matter';
import { markdownItMarginalia, type ResolveReview } from '../../../src/core/reading';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt12 = require('markdown-it-12') as typeof MarkdownIt14;

export const ENGINES: Array<{ name: string; create: (options: MarkdownIt14.Options) => MarkdownIt14 }> = [
  { name: 'markdown-it 12', create: (o) => new MarkdownIt12(o) },
  { name: 'markdown-it 14', create: (o) => new MarkdownIt14(o) },
];

export function previewEngine(create: (options: MarkdownIt14.Options) => MarkdownIt14, resolve?: ResolveReview): MarkdownIt14 {
  let md = create({ html: true });
  md.linkify.set({ fuzzyLink: false });
  if (resolve) md = markdownItMarginalia(md, resolve);
  let frontMatterRule: unknown;
  (frontMatterPlugin as unknown as (md: unknown, cb: () => void) => void)(
    { block: { ruler: { before: (_a: unknown, _b: unknown, rule: unknown) => (frontMatterRule = rule) } } },
    () => undefined,
  );
  md.block.ruler.before('fence', 'front_matter', frontMatterRule as MarkdownIt14.ParserBlock.RuleBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.core.ruler.push('source_map_data_attribute', (state) => {
    for (const token of state.tokens) {
      if (token.map && token.type !== 'inline') {
        token.attrSet('data-line', String(token.map[0]));
        token.attrJoin('class', 'code-line');
        token.attrJoin('dir', 'auto');
      }
    }
  });
  md.set({ breaks: false, linkify: true, typographer: false });
  return md;
}
