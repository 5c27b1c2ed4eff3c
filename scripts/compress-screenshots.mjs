// The README's screenshots, made small for the .vsix (they are a third of it): a dev-time step, its
// output committed; run-e2e.mjs runs it after --update-readme-shot.
//   node scripts/compress-screenshots.mjs [files…]   (default: media/screenshot-*.png)
//
// 1. pngquant (Debian: apt-get install pngquant) maps each capture to a palette of at most
//    SCREENSHOT_COLOURS colours, without dithering. UI captures are flat colours plus text
//    antialiasing: 24 colours keep every underline and highlight colour of the mention kinds apart
//    and the text as sharp as captured (16 merged the film's underline into the grey), and
//    dithering only sprinkles noise over the flat areas, which costs bytes. Pictures are not scaled:
//    downscaled text is blurred, and its in-between shades take more bytes, not fewer.
// 2. zopflipng (Debian: apt-get install zopfli), when present, recompresses the result losslessly
//    (~10% smaller).
// Idempotent: a picture that already has ≤ 24 colours keeps its pixels (and its size, at worst).
import { spawnSync } from 'node:child_process';
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { REPO } from './host.mjs';

/** The palette's size: enough for the mention kinds' underline colours and the text's antialiasing. */
export const SCREENSHOT_COLOURS = 24;

const available = (tool, arg) => !spawnSync(tool, [arg]).error;

export function compressScreenshots(files = readdirSync(join(REPO, 'media')).filter((f) => /^screenshot-.*\.png$/.test(f)).map((f) => join(REPO, 'media', f))) {
  if (!available('pngquant', '--version')) {
    console.error('[screenshots] pngquant not found (apt-get install pngquant): README screenshots left as captured');
    return false;
  }
  const zopfli = available('zopflipng', '-h');
  if (!zopfli) console.error('[screenshots] zopflipng not found (apt-get install zopfli): pngquant output kept as it compressed it (~10% larger)');
  for (const file of files) {
    const before = statSync(file).size;
    // The quantised picture, recompressed; it replaces the picture only when smaller (a picture
    // already this small stays as it is).
    const quantised = `${file}.quantised.png`;
    const q = spawnSync('pngquant', [String(SCREENSHOT_COLOURS), '--nofs', '--speed', '1', '--strip', '--force', '--output', quantised, file], { encoding: 'utf8' });
    if (q.status !== 0) throw new Error(`pngquant ${file}: ${q.stderr}`);
    if (zopfli) {
      // Lossless: the same pixels, a smaller deflate stream.
      const z = spawnSync('zopflipng', ['-y', '--iterations=15', '--filters=0me', quantised, quantised], { encoding: 'utf8' });
      if (z.status !== 0) throw new Error(`zopflipng ${file}: ${z.stderr || z.stdout}`);
    }
    if (statSync(quantised).size < before) renameSync(quantised, file);
    else rmSync(quantised);
    console.error(`[screenshots] ${relative(REPO, resolve(file))}: ${(before / 1024).toFixed(0)} → ${(statSync(file).size / 1024).toFixed(0)} KiB`);
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) compressScreenshots(process.argv.length > 2 ? process.argv.slice(2) : undefined);
