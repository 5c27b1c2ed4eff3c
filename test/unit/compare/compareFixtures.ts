// The real Her corpus, indexed, as the comparison view's input (what the extension will hand in).
import { loadCorpus } from '../../../src/core/corpusLoader';
import type { FilmIndex } from '../../../src/core/mentionIndex';
import { NodeFileHost } from '../../../src/platform/node/nodeFileHost';
import { fileUri } from '../../../src/core/model/uri';
import { HER_DIR, ROOT } from '../fixtures';

export async function herFilm(): Promise<FilmIndex> {
  const { index } = await loadCorpus(new NodeFileHost({ blocking: true }), fileUri(`${ROOT}/corpus`));
  return index.film(fileUri(HER_DIR))!;
}

export { compareInput } from '../../../src/core/compare/input';
