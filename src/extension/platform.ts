// What differs between the Node extension host and the web worker one, handed to activateShared.

import type { FileHost } from '../core/host';
import type { HtmlPage } from '../core/import';

export interface Platform {
  kind: 'node' | 'web';
  /** Reads and writes the workspace's files; keyed by URI strings. */
  host: FileHost;
  /**
   * The HTML page reader (Readability on a small DOM, ~350 KB), loaded on first use from its own
   * bundle. Only the Node host has it: a web worker extension cannot load a second script.
   */
  loadHtmlReader?: () => Promise<(html: string, options: { url?: string }) => HtmlPage>;
}
