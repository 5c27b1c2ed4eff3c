import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlPage } from '../../core/import';

type ReadHtml = (html: string, options: { url?: string }) => HtmlPage;
let reader: ReadHtml | undefined;

/**
 * The HTML page reader (Readability on linkedom, ~450 KB minified) from dist/importHtml.js, a
 * bundle of its own beside the CLI and the Node extension, required on the first HTML page only.
 * Compiled file by file (tests), the module is next to its source instead.
 */
export function loadHtmlReader(): ReadHtml {
  if (reader) return reader;
  const bundled = join(__dirname, 'importHtml.js');
  const id = existsSync(bundled) ? bundled : join(__dirname, '../../core/import/html');
  // A require with a computed path: esbuild leaves it to run time rather than bundling the reader.
  reader = (require(id) as typeof import('../../core/import/html')).readHtmlPage;
  return reader;
}
