// `node esbuild.mjs --dev && node out/bench/readingView.js`: what the reading view's plugin adds to
// rendering a review in the preview: the same engine (markdown-it 12, as VS Code 1.100 ships it,
// set up as the preview sets it up) with and without the plugin, over the real reviews.

import { performance } from 'node:perf_hooks';
import { MentionIndex } from '../src/core/mentionIndex';
import { txtAsMarkdown, type ReviewMarks } from '../src/core/reading';
import { ARRIVAL_DIR, HER_DIR, loadLexicon, readText, reviewFiles } from '../test/unit/fixtures';
import { ENGINES, previewEngine } from '../test/unit/reading/engines';

const RUNS = 41;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const docs: Array<{ src: string; marks: ReviewMarks }> = [];
for (const dir of [HER_DIR, ARRIVAL_DIR]) {
  const film = new MentionIndex().setLexicon(loadLexicon(dir));
  for (const path of reviewFiles(dir)) {
    const text = readText(path);
    const review = film.setReview(path, text);
    const txt = path.endsWith('.txt') ? txtAsMarkdown(text) : undefined;
    const map = (o: number) => (txt ? txt.toMarkdownOffset(o) : o);
    const mentions = review.mentions.map((m) => ({ entity: m.entity, kind: m.kind, name: film.entity(m.entity)!.name, start: map(m.start), end: map(m.end) }));
    docs.push({ src: txt ? txt.markdown : text, marks: { mentions, annotations: [], showThemes: true, sourceLink: (l) => `r.md#L${l + 1}` } });
  }
}
const bytes = docs.reduce((n, d) => n + d.src.length, 0);
const mentions = docs.reduce((n, d) => n + d.marks.mentions.length, 0);
for (const engine of ENGINES) {
  const plain = previewEngine(engine.create);
  let current: (typeof docs)[number] | undefined;
  const marked = previewEngine(engine.create, (src) => (current && src === current.src ? current.marks : undefined));
  const time = (md: typeof plain) => {
    const t: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      for (const d of docs) {
        current = d;
        md.render(d.src);
      }
      t.push(performance.now() - t0);
    }
    return median(t);
  };
  const a = time(plain);
  const b = time(marked);
  console.log(`${engine.name}: ${docs.length} reviews, ${(bytes / 1024).toFixed(0)} KB, ${mentions} mentions: ` +
    `plain ${a.toFixed(1)} ms, with marks ${b.toFixed(1)} ms (×${(b / a).toFixed(2)}; ${((b - a) / docs.length).toFixed(2)} ms a review)`);
}
