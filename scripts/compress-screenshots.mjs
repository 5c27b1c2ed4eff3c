// The README's screenshots, quantised to a palette with pngquant (Debian: apt-get install pngquant):
// UI captures lose nothing visible and shrink ~3× (they are most of the .vsix). A dev-time step,
// its output committed; run-e2e.mjs runs it after --update-readme-shot.
//   node scripts/compress-screenshots.mjs [files…]   (default: media/screenshot-*.png)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './host.mjs';

export function compressScreenshots(files = readdirSync(join(REPO, 'media')).filter((f) => /^screenshot-.*\.png$/.test(f)).map((f) => join(REPO, 'media', f))) {
  if (spawnSync('pngquant', ['--version']).error) {
    console.error('[screenshots] pngquant not found (apt-get install pngquant): README screenshots left as captured');
    return false;
  }
  for (const file of files) {
    const before = statSync(file).size;
    // Exit 98/99: the result would not be smaller, or not good enough; the capture is kept.
    const r = spawnSync('pngquant', ['--quality=60-85', '--speed', '1', '--strip', '--skip-if-larger', '--force', '--ext', '.png', file], { encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 98 && r.status !== 99) throw new Error(`pngquant ${file}: ${r.stderr}`);
    console.error(`[screenshots] ${file.slice(REPO.length + 1)}: ${(before / 1024).toFixed(0)} → ${(statSync(file).size / 1024).toFixed(0)} KiB`);
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) compressScreenshots(process.argv.length > 2 ? process.argv.slice(2) : undefined);
