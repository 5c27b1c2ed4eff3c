// `npm run bench` (after the indexing bench) or `npm run bench:sidecar`: reading and writing large
// sidecars. For each size, a fresh process (so peak RSS is that run's alone) parses a generated
// sidecar, re-renders it unchanged (must be byte-identical), and writes one change through the
// SidecarStore on node:fs (parse, merge, render, the guard re-parse, compare-and-swap rename).
// Baseline in the same run: the yaml package's Document API (parseDocument + toString) on the
// same text, which is what reading and writing cost before (SIDECAR_BASELINE_MAX_MB caps it: it
// takes about a minute for 20 MB). Medians of SIDECAR_RUNS runs.
//
//   node out/bench/sidecarSize.js                  # all sizes
//   SIDECAR_SIZES=1,4 SIDECAR_RUNS=1 node out/bench/sidecarSize.js

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import type { Annotation, Sidecar, SidecarMention } from '../src/core/annotations/model';
import { MAX_SIDECAR_BYTES, parseSidecar, renderSidecar } from '../src/core/annotations/sidecarFormat';
import { SidecarStore } from '../src/core/annotations/sidecarStore';
import type { EntityKind } from '../src/core/mentions/types';
import { fileUri } from '../src/core/model/uri';
import { NodeFileHost } from '../src/platform/node/nodeFileHost';
import { HER_DIR } from '../test/unit/fixtures';

/** Shapes: mention MB + annotation count. The last is at the limits (16 MB, 2 MB of YAML). */
const SHAPES: Record<string, { mentionsMB: number; annotations: number }> = {
  '1': { mentionsMB: 1, annotations: 20 },
  '4': { mentionsMB: 4, annotations: 100 },
  '16': { mentionsMB: 14, annotations: 2400 },
};
const SIZES = (process.env.SIDECAR_SIZES ?? '1,4,16').split(',');
const RUNS = Number(process.env.SIDECAR_RUNS ?? 3);
const BASELINE_MAX_MB = Number(process.env.SIDECAR_BASELINE_MAX_MB ?? 4);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A sidecar for a real review (text, so annotations anchor), padded with mentions and annotations. */
function generate(dir: string, shape: { mentionsMB: number; annotations: number }): { review: string; sidecar: string; bytes: number; mentions: number } {
  const text = ['blog-eyelights-her.md', 'hua-ruonan-a-decade-later.md', 'larb-jessica-gross-becoming-human.md', 'movie-review-her.md', 'poignant-exploration.md']
    .map((f) => readFileSync(join(HER_DIR, f), 'utf8'))
    .join('\n\n');
  const names: Array<[string, EntityKind, string]> = [
    ['samantha', 'character', 'Samantha'],
    ['theodore', 'character', 'Theodore Twombly'],
    ['spike-jonze', 'person', 'Spike Jonze'],
    ['loneliness', 'theme', 'loneliness'],
    ['her', 'film', 'Her'],
  ];
  const mentions: SidecarMention[] = [];
  let size = 0;
  for (let i = 0; size < shape.mentionsMB * 1024 * 1024; i++) {
    const [entity, kind, t] = names[i % names.length];
    mentions.push({ entity, kind, start: i, end: i + t.length, text: t });
    size += 60 + t.length + entity.length + String(i).length * 2;
  }
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 40 && s.length < 200 && text.indexOf(s) === text.lastIndexOf(s));
  const annotations: Annotation[] = [];
  for (let i = 0; i < shape.annotations; i++) {
    const quote = sentences[i % sentences.length];
    const start = text.indexOf(quote);
    annotations.push({
      id: `a${i.toString(16).padStart(5, '0')}`,
      tags: ['love', 'city'],
      note: `Note ${i}: the passage read against the film's treatment of distance and presence, with a second line.\nSecond line.`,
      target: { quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + quote.length, start + quote.length + 32), start, end: start + quote.length },
      links: [],
      created: '2024-03-10T09:41:00.000Z',
      modified: '2024-03-11T17:02:13.000Z',
    });
  }
  const review = join(dir, 'review.md');
  writeFileSync(review, text);
  const sidecar: Sidecar = { version: 1, review: 'review.md', textHash: 'sha256:' + '0'.repeat(64), annotations, mentions };
  const rendered = renderSidecar(sidecar);
  writeFileSync(join(dir, 'review.annotations.yaml'), rendered);
  return { review, sidecar: join(dir, 'review.annotations.yaml'), bytes: Buffer.byteLength(rendered), mentions: mentions.length };
}

/** One measurement in this process: prints JSON. */
async function once(dir: string, baseline: boolean): Promise<void> {
  const sidecarPath = join(dir, 'review.annotations.yaml');
  const source = readFileSync(sidecarPath, 'utf8');
  let t0 = performance.now();
  const parsed = parseSidecar(source, sidecarPath);
  const parseMs = performance.now() - t0;
  if (parsed.errors.length > 0) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  t0 = performance.now();
  const again = renderSidecar(parsed.sidecar!, parsed.document);
  const renderMs = performance.now() - t0;
  if (again !== source) throw new Error('re-rendering an unchanged sidecar changed its bytes');
  // What annotate does, with one annotation added, through the store on node:fs: read, parse,
  // add, re-anchor, regenerate the mentions (the same ones), render, check, compare-and-rename.
  const review = join(dir, 'review.md');
  const text = readFileSync(review, 'utf8');
  const store = new SidecarStore(new NodeFileHost({ blocking: true }));
  const annotation = { ...parsed.sidecar!.annotations[0], id: 'ffffff', note: 'one more' };
  t0 = performance.now();
  const outcome = await store.write(fileUri(review), text, parsed.sidecar!.mentions, { op: 'add', annotation });
  const writeMs = performance.now() - t0;
  if (outcome.status !== 'written') throw new Error(JSON.stringify(outcome.errors));
  if (readFileSync(sidecarPath).length < source.length) throw new Error('the write dropped mentions');
  let baselineMs: number | undefined;
  if (baseline) {
    t0 = performance.now();
    parseDocument(source, { uniqueKeys: true, strict: true }).toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true });
    baselineMs = performance.now() - t0;
  }
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ parseMs, renderMs, writeMs, baselineMs, maxRssMB }));
}

async function main(): Promise<void> {
  const one = process.argv.indexOf('--one');
  if (one >= 0) return once(process.argv[one + 1], process.argv.includes('--baseline'));
  const base = mkdtempSync(join(tmpdir(), 'marginalia-sidecar-bench-'));
  console.log(`sidecar bench: ${RUNS} runs per size, medians; node ${process.version}; limit ${MAX_SIDECAR_BYTES / 1048576} MB; files in ${base}`);
  const rows: string[] = [];
  for (const size of SIZES) {
    const shape = SHAPES[size];
    if (!shape) throw new Error(`unknown size ${size} (one of ${Object.keys(SHAPES).join(', ')})`);
    const runs: Array<{ parseMs: number; renderMs: number; writeMs: number; baselineMs?: number; maxRssMB: number }> = [];
    let info = { bytes: 0, mentions: 0 };
    for (let r = 0; r < RUNS; r++) {
      const dir = join(base, `${size}-${r}`);
      mkdirSync(dir);
      info = generate(dir, shape);
      const withBaseline = r === 0 && info.bytes <= BASELINE_MAX_MB * 1048576;
      const args = [__filename, '--one', dir, ...(withBaseline ? ['--baseline'] : [])];
      runs.push(JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=4096', ...args], { encoding: 'utf8' })));
    }
    const baseline = runs.find((r) => r.baselineMs !== undefined)?.baselineMs;
    const row = {
      MB: (info.bytes / 1048576).toFixed(1),
      mentions: info.mentions,
      annotations: shape.annotations,
      parseMs: median(runs.map((r) => r.parseMs)).toFixed(0),
      renderMs: median(runs.map((r) => r.renderMs)).toFixed(0),
      storeWriteMs: median(runs.map((r) => r.writeMs)).toFixed(0),
      peakRssMB: median(runs.map((r) => r.maxRssMB)).toFixed(0),
      'yaml Document API ms': baseline === undefined ? '–' : baseline.toFixed(0),
    };
    console.log(JSON.stringify(row));
    rows.push(`| ${Object.values(row).join(' | ')} |`);
  }
  console.log(['\n| MB | mentions | annotations | parse ms | render ms | store write ms | peak RSS MB | yaml Document API parse+render ms |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n'));
}

void main();
