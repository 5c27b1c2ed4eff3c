// What each bundle is made of, by package or source folder, from esbuild's metafile:
//   node esbuild.mjs --production --metafile && node scripts/bundle-report.mjs [dist/extension.meta.json …]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync('dist').filter((f) => f.endsWith('.meta.json')).map((f) => join('dist', f));
const depth = Number(process.env.DEPTH ?? 3);
for (const file of files) {
  const meta = JSON.parse(readFileSync(file, 'utf8'));
  for (const [out, o] of Object.entries(meta.outputs)) {
    if (!out.endsWith('.js')) continue;
    const groups = {};
    for (const [input, v] of Object.entries(o.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = pkg ? pkg[1] : input.split('/').slice(0, depth).join('/');
      groups[key] = (groups[key] ?? 0) + v.bytesInOutput;
    }
    console.log(`${out}: ${o.bytes.toLocaleString('en')} bytes`);
    for (const [k, v] of Object.entries(groups).sort((a, b) => b[1] - a[1]).filter(([, v]) => v > 1000)) console.log(`  ${String(v.toLocaleString('en')).padStart(9)}  ${k}`);
  }
}
