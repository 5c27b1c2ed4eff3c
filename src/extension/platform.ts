// What differs between the Node extension host and the web worker one, handed to activateShared.

import type { FileHost } from '../core/host';
import type { ReadHtmlDom } from '../core/import/htmlPage';

export interface Platform {
  kind: 'node' | 'web';
  /** Reads and writes the workspace's files; keyed by URI strings. */
  host: FileHost;
  /**
   * The DOM half of the HTML page reader (Readability on a small DOM, ~280 KB), loaded on first use
   * from its own bundle; it returns plain data, which htmlReaderOn (core/import/htmlPage) reads.
   * Only the Node host has it: a web worker extension cannot load a second script.
   */
  loadHtmlDomReader?: () => Promise<ReadHtmlDom>;
  /** Runs git (the Node host only: a web worker cannot start programs). */
  git?: GitSetup;
}

export interface GitSetup {
  /**
   * Makes git merge sidecars with Marginalia's merge driver in the repository holding `folder` (a
   * `file:` URI): the .gitattributes line and the git config entry. Rejects with a message naming
   * the folder when it is in no repository.
   */
  installMergeDriver(folder: string): Promise<{ top: string; attributesFile: string; attributesAdded: boolean; driver: string }>;
}
