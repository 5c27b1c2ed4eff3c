// A second writer for the lost-update race (run as its own process by lostUpdate.test.ts): in a
// loop, it reads the sidecar, checks that the annotation it added last time is still there (if
// not, someone clobbered its write: a lost update), replaces it with a new one, and writes the
// file back as another editor would — atomically (temp file + rename) or in place. It stops
// when the stop file appears and prints what it saw as JSON.
//
//   node racingWriter.js SIDECAR STOPFILE atomic|inplace

import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseSidecar, renderSidecar } from '../../../src/core/annotations/sidecarFormat';
import { decodeText } from '../../../src/core/text';

const [sidecar, stopFile, mode] = process.argv.slice(2);
let writes = 0;
let lost = 0;
let unreadable = 0;
let wiped = 0;
let keptAside = 0;
let last: string | undefined;
const lostIds: string[] = [];

process.stdout.write('ready\n');
// Until the stop file appears (or every annotation vanished, which is reported as `wiped`).
while (!existsSync(stopFile)) {
  let parsed;
  try {
    parsed = parseSidecar(decodeText(readFileSync(sidecar)), sidecar);
  } catch {
    unreadable++;
    continue;
  }
  if (!parsed.sidecar || !parsed.document) {
    unreadable++;
    continue;
  }
  const s = parsed.sidecar;
  if (last !== undefined && !s.annotations.some((a) => a.id === last)) {
    // Not lost if Marginalia kept it aside (an in-place save it caught in the file it replaced).
    const id = last;
    const aside = readdirSync(dirname(sidecar)).filter((f) => f.startsWith(`${basename(sidecar)}.displaced-`));
    if (aside.some((f) => readFileSync(join(dirname(sidecar), f), 'utf8').includes(`id: ${id}\n`))) keptAside++;
    else {
      lost++;
      if (lostIds.length < 10) lostIds.push(id);
    }
  }
  s.annotations = s.annotations.filter((a) => a.id !== last);
  const id = `w${(writes + 1).toString(16)}`;
  const template = s.annotations[0];
  if (!template) {
    // Every annotation is gone: someone wrote the file from a torn (empty) read.
    wiped++;
    break;
  }
  s.annotations.push({ ...template, id, note: `written by the racing writer, #${writes + 1}`, links: [] });
  const bytes = renderSidecar(s, parsed.document);
  if (mode === 'inplace') writeFileSync(sidecar, bytes);
  else {
    const temp = `${sidecar}.racer.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, sidecar);
  }
  last = id;
  writes++;
}
process.stdout.write(JSON.stringify({ writes, lost, keptAside, unreadable, wiped, lostIds }) + '\n');
