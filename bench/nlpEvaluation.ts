// `npm run eval:nlp`: which part-of-speech signal should the rules for ordinary-word titles use?
// Runs the same title rules with each candidate (compromise, wink-nlp with its English model, the
// wink-lexicon word list the code ships, and the hand list the rules were first grown with on Her)
// over every hand-labelled title in test/fixtures/gold, and measures accuracy, time per decision,
// start-up time and minified bundle size. docs/nlp-evaluation.md holds a run's figures.

import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Lexicon } from '../src/core/lexicon/lexicon';
import { englishVerbSignal } from '../src/core/mentions/englishWords';
import { POS_TAGS_USED } from '../src/core/mentions/posTagsUsed';
import { MentionMatcher } from '../src/core/mentions/mentionMatcher';
import type { VerbSignal } from '../src/core/mentions/titleContext';
import type { TitleRules } from '../src/core/mentions/titleRules';
import { readReviewInfo } from '../src/core/review';
import { ARRIVAL_DIR, GOLD_DIR, HER_DIR, loadLexicon, readText, reviewFiles, ROOT } from '../test/unit/fixtures';
import { parseGold } from '../test/unit/goldLabels';

interface Case {
  film: string;
  /** Written after the rules were tuned, and never used to tune them. */
  heldOut: boolean;
  lexicon: Lexicon;
  text: string;
  floor: number;
  gold: Set<number>; // starts of the title's gold spans
}

const FILMS = [
  ['us', join(ROOT, 'test/fixtures/films/us')],
  ['up', join(ROOT, 'test/fixtures/films/up')],
  ['nope', join(ROOT, 'test/fixtures/films/nope')],
  ['it', join(ROOT, 'test/fixtures/films/it')],
  ['her', HER_DIR],
  ['arrival', ARRIVAL_DIR],
] as const;

function cases(): Case[] {
  const out: Case[] = [];
  for (const [film, dir] of FILMS) {
    const lexicon = loadLexicon(dir);
    for (const file of reviewFiles(dir)) {
      const text = readText(file);
      const floor = readReviewInfo(file, text).bodyStart;
      const g = parseGold(readFileSync(join(GOLD_DIR, `${file.split('/').pop()}.gold.md`), 'utf8'));
      out.push({ film, heldOut: false, lexicon, text, floor, gold: new Set(g.spans.filter((s) => s.entity === film).map((s) => s.start + floor)) });
    }
    for (const name of [`titles-${film}.md`, `heldout-${film}.md`, ...(film === 'her' ? ['traps.md'] : [])]) {
      let lines: string[];
      try {
        lines = readFileSync(join(GOLD_DIR, name), 'utf8').split('\n');
      } catch {
        continue;
      }
      for (const line of lines) {
        if (!line.trim() || line.startsWith('<!--')) continue;
        const g = parseGold(line);
        out.push({ film, heldOut: name.startsWith('heldout-'), lexicon, text: g.text, floor: 0, gold: new Set(g.spans.filter((s) => s.entity === film).map((s) => s.start)) });
      }
    }
  }
  return out;
}

// ---- candidates ------------------------------------------------------------------------------

const PLACEHOLDER = 'Casablanca';

/** The clause the title opens, up to its sentence end; optionally with the title swapped for a name. */
function clause(text: string, subjectStart: number, subjectEnd: number, placeholder: boolean): { window: string; shift: number } {
  let e = subjectEnd;
  while (e < text.length && !/[.!?;\n]/.test(text[e])) e++;
  const tail = text.slice(subjectEnd, e + 1);
  const subject = placeholder ? PLACEHOLDER : text.slice(subjectStart, subjectEnd);
  return { window: subject + tail, shift: subjectEnd - subject.length };
}

/** A tagger's view: the tag of each word from `wordStart`, as "verb" (finite), "adverb", "noun" or "other". */
type Coarse = 'verb' | 'adverb' | 'noun' | 'other';

function taggerSignal(tag: (window: string) => Array<{ start: number; end: number; coarse: Coarse }>, placeholder: boolean): VerbSignal & { calls: number } {
  const words = (text: string, s: number, e: number, w: number) => {
    const { window, shift } = clause(text, s, e, placeholder);
    const tokens = tag(window);
    const i = tokens.findIndex((t) => t.start + shift >= w);
    return { tokens, i };
  };
  const signal = {
    calls: 0,
    verbFollows(text: string, s: number, e: number, w: number, rules: TitleRules): boolean {
      signal.calls++;
      const word = text.slice(w).match(/^[\p{L}'’]+/u)?.[0].toLowerCase() ?? '';
      if (rules.notVerbs.has(word)) return false;
      if (rules.verbs.has(word)) return true;
      const { tokens, i } = words(text, s, e, w);
      if (i < 0) return false;
      if (tokens[i].coarse === 'adverb' && tokens[i + 1]) return tokens[i + 1].coarse === 'verb';
      return tokens[i].coarse === 'verb';
    },
    nounFollows(text: string, s: number, e: number, w: number): boolean {
      signal.calls++;
      const { tokens, i } = words(text, s, e, w);
      return i >= 0 && tokens[i].coarse === 'noun';
    },
  };
  return signal;
}

function compromiseSignal(placeholder: boolean) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise');
  return taggerSignal((window) => {
    const out: Array<{ start: number; end: number; coarse: Coarse }> = [];
    for (const sentence of nlp(window).json({ offset: true })) {
      for (const t of sentence.terms) {
        const tags = new Set<string>(t.tags);
        const finite = tags.has('Verb') && (tags.has('PastTense') || tags.has('Modal') || tags.has('Copula') || tags.has('Auxiliary') || (tags.has('PresentTense') && /s$/.test(t.normal)));
        const coarse: Coarse = finite ? 'verb' : tags.has('Adverb') ? 'adverb' : tags.has('Noun') ? 'noun' : 'other';
        out.push({ start: t.offset.start, end: t.offset.start + t.offset.length, coarse });
      }
    }
    return out;
  }, placeholder);
}

function winkSignal(placeholder: boolean) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const winkNLP = require('wink-nlp');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  return taggerSignal((window) => {
    const doc = nlp.readDoc(window);
    const values: string[] = doc.tokens().out(its.value);
    const pos: string[] = doc.tokens().out(its.pos);
    const lemma: string[] = doc.tokens().out(its.lemma);
    const out: Array<{ start: number; end: number; coarse: Coarse }> = [];
    let at = 0;
    values.forEach((v, i) => {
      const start = window.indexOf(v, at);
      at = start + v.length;
      const lower = v.toLowerCase();
      const finite = pos[i] === 'AUX' || (pos[i] === 'VERB' && (/s$/.test(lower) || lemma[i] !== lower));
      const coarse: Coarse = finite ? 'verb' : pos[i] === 'ADV' ? 'adverb' : pos[i] === 'NOUN' || pos[i] === 'PROPN' ? 'noun' : 'other';
      out.push({ start, end: at, coarse });
    });
    return out;
  }, placeholder);
}

/** The hand list the rules started from (grown on the five Her reviews), in the same rules. */
function handListSignal(): VerbSignal & { calls: number } {
  const VERBS_AFTER_TITLE = new Set(`is was isn't wasn't isn’t wasn’t has hasn't hasn’t had does doesn't doesn’t did didn't didn’t
  will won't won’t would wouldn't can can't can’t could couldn't may might must should also still never
  always remains remained stands stood opens opened ends ended begins began starts started follows followed
  tells told explores explored presented showed showcases offered asks asked takes took
  makes made gives gave feels felt worked succeeds succeeded captures captured manages managed qualifies
  delivers delivered depicts depicted portrays portrayed examines examined considers considered uses used
  brings brought lets sets treats treated suggests suggested reveals revealed invites invited imagines imagined
  avoids avoided won earned received premiered arrived came comes became becomes deserves deserved seems
  seemed unfolds unfolded lingers lingered refuses refused touched leaves proves
  proved belongs benefits centers centres focuses focused asks raises raised wanted manages
  isn doesn wasn hasn didn understands understood knows knew gets got goes went creates created builds built
  finds found sees saw struck strikes ran relies relied trades traded
  dares dared argues argued insists insisted imagines envisions envisioned offers would've could've
  sounds resonates resonated shines shone soars soared excels excelled falters faltered stumbles stumbled
  sags sagged drags dragged captivates captivated dazzles dazzled wonders wondered revolves revolved charts
  charted traces traced provides provided boasts boasted contains contained includes included garnered
  grossed debuted landed closes closed concludes concluded`.split(/\s+/));
  const word = (text: string, w: number) => text.slice(w).match(/^[\p{L}'’]+/u)?.[0] ?? '';
  const signal = {
    calls: 0,
    verbFollows(text: string, _s: number, _e: number, w: number): boolean {
      signal.calls++;
      const first = word(text, w);
      if (VERBS_AFTER_TITLE.has(first)) return true;
      const rest = text.slice(w + first.length).trimStart();
      const third = word(rest, 0);
      if (first.length > 4 && first.endsWith('ly') && VERBS_AFTER_TITLE.has(third)) return true;
      if (first.length > 3 && first.endsWith('s') && !first.endsWith('ss')) {
        if (['a', 'an', 'the', 'us', 'its', 'itself', 'our', 'this', 'that', 'viewers', 'audiences'].includes(third.toLowerCase())) return true;
        if (third && third[0] !== third[0].toLowerCase() && third !== 'I') return true;
      }
      return false;
    },
    nounFollows(text: string, _s: number, _e: number, w: number): boolean {
      signal.calls++;
      return !VERBS_AFTER_TITLE.has(word(text, w));
    },
  };
  return signal;
}

function wordListSignal(): VerbSignal & { calls: number } {
  const inner = englishVerbSignal();
  const signal = {
    calls: 0,
    verbFollows(...a: Parameters<VerbSignal['verbFollows']>) {
      signal.calls++;
      return inner.verbFollows(...a);
    },
    nounFollows(...a: Parameters<VerbSignal['nounFollows']>) {
      signal.calls++;
      return inner.nounFollows(...a);
    },
  };
  return signal;
}

// ---- measuring -------------------------------------------------------------------------------

interface Result {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  calls: number;
  perFilm: Map<string, { tp: number; fp: number; fn: number }>;
  heldOut: { tp: number; fp: number; fn: number };
  errors: string[];
  usPerDecision: number;
  startupMs: number;
  bundleBytes?: number;
  bundleGzip?: number;
}

function evaluate(name: string, make: () => VerbSignal & { calls: number }, all: Case[]): Result {
  const t0 = performance.now();
  const signal = make();
  signal.verbFollows('Her is here.', 0, 3, 4, loadLexicon(HER_DIR).titleRules); // first use loads what it needs
  const startupMs = performance.now() - t0;
  signal.calls = 0;
  const r: Result = { name, tp: 0, fp: 0, fn: 0, calls: 0, perFilm: new Map(), heldOut: { tp: 0, fp: 0, fn: 0 }, errors: [], usPerDecision: 0, startupMs };
  const matchers = new Map<Lexicon, MentionMatcher>();
  const asked: Array<['verb' | 'noun', unknown[]]> = [];
  const recorder: VerbSignal = {
    verbFollows: (...a) => (asked.push(['verb', a]), signal.verbFollows(...a)),
    nounFollows: (...a) => (asked.push(['noun', a]), signal.nounFollows(...a)),
  };
  for (const c of all) {
    let m = matchers.get(c.lexicon);
    if (!m) matchers.set(c.lexicon, (m = new MentionMatcher(c.lexicon, { verbs: recorder })));
    const found = new Set(m.findMentions(c.text, { bodyStart: c.floor }).filter((x) => x.entity === c.film).map((x) => x.start));
    const f = c.heldOut ? r.heldOut : r.perFilm.get(c.film) ?? { tp: 0, fp: 0, fn: 0 };
    if (!c.heldOut) r.perFilm.set(c.film, f);
    for (const s of found) {
      if (c.gold.has(s)) (r.tp++, f.tp++);
      else (r.fp++, f.fp++, r.errors.push(`fp ${c.heldOut ? 'held-out ' : ''}${c.film}: …${c.text.slice(Math.max(c.floor, s - 25), s + 30).replace(/\s+/g, ' ')}…`));
    }
    for (const s of c.gold) if (!found.has(s)) (r.fn++, f.fn++, r.errors.push(`fn ${c.heldOut ? 'held-out ' : ''}${c.film}: …${c.text.slice(Math.max(c.floor, s - 25), s + 30).replace(/\s+/g, ' ')}…`));
  }
  r.calls = signal.calls;
  // Time per decision: every decision the labelled set asked for, asked again directly, 30 times.
  const rounds = 30;
  const t1 = performance.now();
  for (let i = 0; i < rounds; i++) {
    for (const [method, args] of asked) {
      if (method === 'verb') signal.verbFollows(...(args as Parameters<VerbSignal['verbFollows']>));
      else signal.nounFollows(...(args as Parameters<VerbSignal['nounFollows']>));
    }
  }
  r.usPerDecision = ((performance.now() - t1) * 1000) / Math.max(1, rounds * asked.length);
  return r;
}

async function bundleSize(source: string): Promise<{ bytes: number; gzip: number }> {
  const out = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
    plugins: [trimWinkLexicon],
  });
  const bytes = out.outputFiles[0].contents;
  return { bytes: bytes.length, gzip: gzipSync(bytes).length };
}

// The same trim the shipped bundles get (esbuild.mjs), so the word list is measured as shipped.
const trimWinkLexicon = {
  name: 'trim-wink-lexicon',
  setup(b: import('esbuild').PluginBuild) {
    b.onLoad({ filter: /wink-lexicon[\\/]src[\\/]lexicon\.js$/ }, (args) => {
      const used = new Set<string>(POS_TAGS_USED);
      const groups: Record<string, string[]> = {};
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      for (const [word, tags] of Object.entries(require(args.path) as Record<string, string[]>)) if (tags.some((t) => used.has(t))) (groups[tags.join(' ')] ??= []).push(word);
      const packed = Object.fromEntries(Object.entries(groups).map(([t, w]) => [t, w.join(' ')]));
      return { contents: `const g = ${JSON.stringify(packed)}, o = {};\nfor (const t in g) for (const w of g[t].split(' ')) o[w] = t.split(' ');\nmodule.exports = o;`, loader: 'js' };
    });
  },
};

async function main() {
  const all = cases();
  const titles = all.filter((c) => !c.heldOut).reduce((n, c) => n + c.gold.size, 0);
  const held = all.filter((c) => c.heldOut);
  console.log(`${all.length - held.length} texts with ${titles} labelled titles (tuning set); ${held.length} held-out sentences with ${held.reduce((n, c) => n + c.gold.size, 0)}\n`);
  const results: Result[] = [
    evaluate('hand list (Her)', handListSignal, all),
    evaluate('compromise', () => compromiseSignal(false), all),
    evaluate('compromise, title as a name', () => compromiseSignal(true), all),
    evaluate('wink-nlp', () => winkSignal(false), all),
    evaluate('wink-nlp, title as a name', () => winkSignal(true), all),
    evaluate('wink-lexicon word list', wordListSignal, all),
  ];
  const sizes: Record<string, string> = {
    
    compromise: `import nlp from 'compromise'; export const x = (s: string) => nlp(s).json();`,
    'wink-nlp': `import winkNLP from 'wink-nlp'; import model from 'wink-eng-lite-web-model'; const nlp = winkNLP(model, ['sbd', 'pos']); export const x = (s: string) => nlp.readDoc(s).tokens().out(nlp.its.pos);`,
    'wink-lexicon word list': `import { englishVerbSignal } from './src/core/mentions/englishWords'; export const x = englishVerbSignal;`,
  };
  for (const r of results) {
    const key = Object.keys(sizes).find((k) => r.name.startsWith(k));
    if (key && key !== 'hand list (Her)') Object.assign(r, Object.fromEntries(Object.entries(await bundleSize(sizes[key])).map(([k, v]) => [k === 'bytes' ? 'bundleBytes' : 'bundleGzip', v])));
  }
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log('| signal | precision | recall | errors | held-out precision | held-out recall | decisions asked | µs per decision | start-up ms | bundle KB (gzip) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const [tp, fp, fn] = [r.tp - r.heldOut.tp, r.fp - r.heldOut.fp, r.fn - r.heldOut.fn];
    const p = tp / Math.max(1, tp + fp);
    const rec = tp / Math.max(1, tp + fn);
    const h = r.heldOut;
    const hp = h.tp / Math.max(1, h.tp + h.fp);
    const hr = h.tp / Math.max(1, h.tp + h.fn);
    const size = r.bundleBytes ? `${(r.bundleBytes / 1024).toFixed(0)} (${(r.bundleGzip! / 1024).toFixed(0)})` : '–';
    console.log(`| ${r.name} | ${pct(p)}% | ${pct(rec)}% | ${fp + fn} | ${pct(hp)}% | ${pct(hr)}% | ${r.calls} | ${r.usPerDecision.toFixed(1)} | ${r.startupMs.toFixed(0)} | ${size} |`);
  }
  console.log('\nper film (fp/fn):');
  for (const r of results) console.log(`  ${r.name}: ${[...r.perFilm].map(([f, s]) => `${f} ${s.fp}/${s.fn}`).join(', ')}`);
  console.log('');
  for (const r of results) for (const e of r.errors) console.log(`  ${r.name}: ${e}`);
}

void main();
