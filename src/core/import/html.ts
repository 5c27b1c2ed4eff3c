// Saved web pages (.html): Mozilla's Readability (Firefox Reader View) finds the article on a
// linkedom DOM (./html/readDom.ts); the article becomes Markdown and goes through the same line
// rules as text pages (./htmlPage.ts: bylines, star lines, tag lists and share bars inside the
// article are still caught).
//
// Loaded only when importing HTML: nothing else in the core imports this file (callers pass
// `readHtmlPage` to importReview, or call importHtmlReview). The bundles do not use it either:
// they load readDom.ts alone (dist/importHtml.js) and apply htmlReaderOn from ./htmlPage, which
// they already hold. The page is data: see readDom.ts.

import { importReview, type HtmlPage, type ImportInput, type ImportResult } from './index';
import { htmlPageFrom } from './htmlPage';
import { readHtmlDom } from './html/readDom';

export function readHtmlPage(html: string, options: { url?: string } = {}): HtmlPage {
  return htmlPageFrom(readHtmlDom(html), options);
}

/** importReview for HTML, with the HTML reader wired in. */
export function importHtmlReview(input: ImportInput): ImportResult {
  return importReview({ ...input, kind: input.kind ?? 'html' }, { readHtml: readHtmlPage });
}
