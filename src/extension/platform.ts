// What differs between the Node extension host and the web worker one, handed to activateShared.

import type { FileHost } from '../core/host';

export interface Platform {
  kind: 'node' | 'web';
  /** Reads and writes the workspace's files; keyed by URI strings. */
  host: FileHost;
}
