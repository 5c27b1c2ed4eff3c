// What differs between the Node extension host and the web worker one, handed to activateShared.

import type { FileHost } from '../core/host';

export interface Platform {
  kind: 'node' | 'web';
  /** Reads and writes the workspace's files; keyed by URI strings. */
  host: FileHost;
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
