import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadHtmlDom } from '../../core/import/html/readDom';

let reader: ReadHtmlDom | undefined;

/**
 * The DOM half of the HTML page reader (Readability on linkedom, ~280 KB minified) from
 * dist/importHtml.js, a bundle of its own beside the CLI and the Node extension, required on the
 * first HTML page only. It returns plain data; the importer's rules, which the caller's bundle
 * already holds, make the page of it: `htmlReaderOn(loadHtmlDomReader())` (src/core/import/htmlPage).
 * Compiled file by file (tests), the module is next to its source instead.
 */
export function loadHtmlDomReader(): ReadHtmlDom {
  if (reader) return reader;
  const bundled = join(__dirname, 'importHtml.js');
  const id = existsSync(bundled) ? bundled : join(__dirname, '../../core/import/html/readDom');
  // A require with a computed path: esbuild leaves it to run time rather than bundling the reader.
  reader = (require(id) as typeof import('../../core/import/html/readDom')).readHtmlDom;
  return reader;
}
