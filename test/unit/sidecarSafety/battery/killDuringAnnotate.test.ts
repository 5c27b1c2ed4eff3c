// Battery: kill -9 at random moments during `annotate`. The built CLI runs as its own process on
// a temp corpus whose sidecars are all out of date (so it writes every one) and is SIGKILLed
// after a random delay; after each kill every sidecar must parse and be, byte for byte, either
// its old or its new version — never torn, never missing. Temp files a kill leaves behind are
// counted, then removed by a later run once old enough. Counts: MARGINALIA_STRESS multiplies them.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar } from '../../../../src/core/annotations/sidecarFormat';
import { ARRIVAL_DIR, HER_DIR } from '../../fixtures';
import { TINY_LEXICON } from '../tinyFilm';
import { CLI_JS, cliProcess, seeded, sidecarsIn, tempDir, times } from '../helpers';

/** Every film folder of the corpus and its sidecars' contents. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const film of ['her', 'arrival']) for (const f of sidecarsIn(join(root, film))) out.set(`${film}/${f}`, readFileSync(join(root, film, f), 'utf8'));
  return out;
}

function leftovers(root: string): string[] {
  return ['her', 'arrival'].flatMap((film) => readdirSync(join(root, film)).filter((f) => f.endsWith('.tmp')).map((f) => `${film}/${f}`));
}

/** Runs the CLI and kills it with SIGKILL after `delayMs`; resolves with how it ended. */
function runAndKill(args: string[], cwd: string, delayMs: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_JS, ...args], { cwd, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code });
    });
  });
}

describe('battery: kill -9 during annotate', function () {
  this.timeout(times(60_000));

  it(`leaves every sidecar whole, old or new, after ${times(12)} kills at random moments`, async () => {
    // The corpus: two films (the real reviews, thirty of them under a small lexicon so that start-up
    // is short and writing takes most of the run); sidecars written for an earlier text of each.
    const root = tempDir('kill');
    const her = join(root, 'her');
    mkdirSync(her);
    writeFileSync(join(her, 'film.yaml'), TINY_LEXICON);
    for (const f of readdirSync(HER_DIR).filter((n) => n.endsWith('.md'))) for (let k = 0; k < 6; k++) cpSync(join(HER_DIR, f), join(her, f.replace(/\.md$/, `-${k}.md`)));
    const arrival = join(root, 'arrival');
    mkdirSync(arrival);
    cpSync(ARRIVAL_DIR, arrival, { recursive: true });
    const reviews = [...readdirSync(her).filter((f) => f.endsWith('.md')).map((f) => join(her, f)), ...readdirSync(arrival).filter((f) => /\.(md|txt)$/.test(f)).map((f) => join(arrival, f))];
    const texts = new Map(reviews.map((r) => [r, readFileSync(r, 'utf8')]));
    for (const r of reviews) writeFileSync(r, texts.get(r)! + '\nA closing paragraph, cut later, naming Samantha and Louise.\n');
    assert.equal(cliProcess(['annotate', '.'], root).code, 0);
    const oldVersion = snapshot(root);
    for (const r of reviews) writeFileSync(r, texts.get(r)!);
    // The new versions, from a run to the end on a copy.
    const copy = tempDir('kill-new');
    cpSync(root, copy, { recursive: true });
    const t0 = Date.now();
    assert.equal(cliProcess(['annotate', '.'], copy).code, 0);
    const fullRunMs = Date.now() - t0;
    const newVersion = snapshot(copy);
    assert.equal(newVersion.size, oldVersion.size);
    for (const [k, v] of newVersion) assert.notEqual(v, oldVersion.get(k), `${k} changes between the versions`);

    const rnd = seeded(0x9);
    const tally = { runs: 0, killed: 0, finished: 0, oldFiles: 0, newFiles: 0, tempLeft: 0, torn: 0 };
    const restore = new Map(oldVersion);
    for (let i = 0; i < times(12); i++) {
      for (const [k, v] of restore) writeFileSync(join(root, k), v);
      for (const t of leftovers(root)) rmSync(join(root, t));
      // Mostly after start-up (reading the lexicon, matching), when the sidecars are written.
      const { killed } = await runAndKill(['annotate', '.'], root, Math.floor(fullRunMs * (0.35 + 0.75 * rnd())));
      tally.runs++;
      if (killed) tally.killed++;
      else tally.finished++;
      for (const [k, v] of snapshot(root)) {
        const parsed = parseSidecar(v, k);
        if (parsed.errors.length > 0 || (v !== oldVersion.get(k) && v !== newVersion.get(k))) tally.torn++;
        else if (v === newVersion.get(k)) tally.newFiles++;
        else tally.oldFiles++;
      }
      assert.equal(snapshot(root).size, oldVersion.size, 'no sidecar missing');
      tally.tempLeft += leftovers(root).length;
    }
    console.log(`      kill -9: full run ${fullRunMs} ms; ${tally.runs} runs, ${tally.killed} killed mid-run, ${tally.finished} finished first; sidecars after: ${tally.oldFiles} old, ${tally.newFiles} new, ${tally.torn} torn; ${tally.tempLeft} temp files left by kills`);
    assert.equal(tally.torn, 0);
    assert.ok(tally.killed > 0, 'some runs were killed mid-way');

    // A later run finishes the job and removes temp files over a minute old.
    const kill = await runAndKill(['annotate', '.'], root, 5);
    void kill;
    const temps = leftovers(root);
    for (const t of temps) utimesSync(join(root, t), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    writeFileSync(join(root, 'her', '.notes.annotations.yaml.0123abcd.tmp.keep'), 'not ours'); // not the pattern
    const after = cliProcess(['annotate', '.'], root);
    assert.equal(after.code, 0, after.err);
    assert.deepEqual(snapshot(root), newVersion, 'the run after the kills converges on the new versions');
    assert.deepEqual(leftovers(root), [], `temp files removed: ${temps.join(', ')}`);
    assert.equal((after.err.match(/removed .*left by an interrupted write/g) ?? []).length, temps.length);
  });
});
