#!/usr/bin/env node
// Measures what the importer adds to a bundle (minified, and gzipped), for docs/dependencies.md:
// the text/Markdown importer alone, and the HTML path (Readability + linkedom) that is loaded only
// when a page is HTML. Usage: node scripts/measure-import-bundle.mjs
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
// linkedom needs @acemir/cssom only for <style>.sheet, which neither Readability nor we read (style
// elements are removed before parsing): a bundle may alias it to a stub.
const stubCssom = { name: 'stub-cssom', setup(b) { b.onResolve({ filter: /^@acemir\/cssom$/ }, () => ({ path: 'cssom-stub', namespace: 'stub' })); b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'exports.parse = () => { throw new Error("CSS parsing is not bundled"); };' })); } };
const cases = {
  'src/core/import/index.ts (text + Markdown importer)': 'src/core/import/index.ts',
  'src/core/import/html.ts (HTML path, with the importer)': 'src/core/import/html.ts',
  'src/core/import/html/readDom.ts (the DOM half alone: dist/importHtml.js)': 'src/core/import/html/readDom.ts',
};
const runs = [...['node', 'browser'].flatMap((platform) => Object.entries(cases).map(([label, entry]) => ({ platform, label, entry, plugins: [] }))),
  { platform: 'browser', label: 'html.ts with @acemir/cssom stubbed', entry: 'src/core/import/html.ts', plugins: [stubCssom] },
  { platform: 'node', label: 'readDom.ts with @acemir/cssom stubbed (as dist/importHtml.js)', entry: 'src/core/import/html/readDom.ts', plugins: [stubCssom] }];
for (const { platform, label, entry, plugins } of runs) {
  try {
    const r = await esbuild.build({ entryPoints: [entry], bundle: true, minify: true, platform, format: 'cjs', write: false, metafile: true, logLevel: 'silent', plugins });
    const out = r.outputFiles[0].contents;
    const inputs = Object.entries(r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs);
    const byPkg = {};
    for (const [p, v] of inputs) { const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p); const k = m ? m[1] : 'ours'; byPkg[k] = (byPkg[k] ?? 0) + v.bytesInOutput; }
    console.log(platform, label, (out.length/1024).toFixed(1)+' KB min', (gzipSync(out).length/1024).toFixed(1)+' KB gz', JSON.stringify(Object.fromEntries(Object.entries(byPkg).map(([k,v])=>[k,(v/1024).toFixed(1)]))));
  } catch (e) { console.log(platform, label, 'FAILED', e.message.slice(0, 300)); }
}
