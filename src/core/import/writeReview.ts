// Writing an imported review into its film folder without ever replacing a file: the suggested
// name, else name-2, name-3…; written beside the target and renamed without overwrite, so a file
// that appears meanwhile is kept too. For the CLI and the editor alike (any FileHost).

import { tempUriFor } from '../files/safeWrite';
import type { FileHost } from '../host';
import { joinUri } from '../model/uri';
import { encodeText } from '../text';

/** Writes `text` as a new file in `dirUri`; returns the URI it got. */
export async function writeNewReview(host: FileHost, dirUri: string, name: string, text: string): Promise<string> {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const bytes = encodeText(text);
  for (let n = 1; n < 1000; n++) {
    const target = joinUri(dirUri, n === 1 ? name : `${stem}-${n}${ext}`);
    if (await host.stat(target)) continue;
    const temp = tempUriFor(target);
    await host.writeFile(temp, bytes);
    try {
      await host.rename(temp, target, { overwrite: false });
      return target;
    } catch (e) {
      await host.delete(temp).catch(() => undefined);
      if (!(await host.stat(target))) throw e;
    }
  }
  throw new Error(`${name}: no free file name in the folder`);
}
