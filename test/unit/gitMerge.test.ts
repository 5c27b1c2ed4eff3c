// A real `git merge` of two annotators' branches in a temporary repository, with the merge
// driver installed by `marginalia install-merge-driver` and run by git: the CLI (node
// out/src/cli/main.js), and the extension's merge driver bundle (node dist/mergeDriver.js, what
// "Install Git Merge Driver" sets up):
// annotations from both branches kept while one branch also edited the review; the same note
// edited on both branches recorded under `conflicts:` and reported by `check`, nothing lost.

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { parseSidecar } from '../../src/core/annotations/sidecarFormat';
import { SidecarStore } from '../../src/core/annotations/sidecarStore';
import { fileUri } from '../../src/core/model/uri';
import { NodeFileHost } from '../../src/platform/node/nodeFileHost';
import { HER_DIR, ROOT } from './fixtures';

const LARB = 'her/larb-jessica-gross-becoming-human.md';
const LARB_SIDECAR = 'her/larb-jessica-gross-becoming-human.annotations.yaml';

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), cwd, host: new NodeFileHost({ blocking: true }) });
  return { code, out, err };
}

function repository() {
  const repo = mkdtempSync(join(tmpdir(), 'marginalia-git-'));
  const home = mkdtempSync(join(tmpdir(), 'marginalia-home-'));
  const env = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Reader', GIT_AUTHOR_EMAIL: 'reader@example.org', GIT_COMMITTER_NAME: 'Reader', GIT_COMMITTER_EMAIL: 'reader@example.org' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tryGit = (...args: string[]) => spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  cpSync(HER_DIR, join(repo, 'her'), { recursive: true, filter: (s) => !s.endsWith('.annotations.yaml') });
  git('init', '-q', '-b', 'main');
  const store = new SidecarStore(new NodeFileHost({ blocking: true }));
  const annotate = async (path: string, phrase: string, tags: string[], note: string) => {
    const text = readFileSync(join(repo, path), 'utf8');
    const start = text.indexOf(phrase);
    assert.ok(start >= 0, phrase);
    return store.addAnnotation(fileUri(join(repo, path)), text, { start, end: start + phrase.length, tags, note });
  };
  const sidecar = () => {
    const text = readFileSync(join(repo, LARB_SIDECAR), 'utf8');
    const parsed = parseSidecar(text, LARB_SIDECAR);
    assert.deepEqual(parsed.errors, [], text);
    return { text, sidecar: parsed.sidecar! };
  };
  return { repo, git, tryGit, store, annotate, sidecar };
}

const DRIVERS = [
  { label: 'the CLI', program: join(ROOT, 'out/src/cli/main.js'), pattern: /out\/src\/cli\/main\.js'? merge-driver %O %A %B %P/ },
  { label: 'the extension’s dist/mergeDriver.js', program: join(ROOT, 'dist/mergeDriver.js'), pattern: /dist\/mergeDriver\.js'? merge-driver %O %A %B %P/ },
];

for (const driver of DRIVERS) describe(`a real git merge of two annotators’ branches (driver: ${driver.label})`, function () {
  this.timeout(60000);

  it('keeps every annotation of both branches while one also edited the review; the same note edited on both is recorded, not lost', async () => {
    const r = await repositoryWithBase();
    const { repo, git, tryGit, annotate, sidecar, baseId } = r;

    // Branch a: annotates, and edits the review above the passages.
    git('checkout', '-q', '-b', 'a');
    const fromA = await annotate(LARB, 'Computers are encased in wood.', ['production-design'], 'Warm tech.');
    const larb = join(repo, LARB);
    writeFileSync(larb, readFileSync(larb, 'utf8').replace('THE PROSPECT of an unfulfilling relationship is scary.', 'THE PROSPECT of an unfulfilling relationship — any relationship — is scary.'));
    assert.equal((await cli(['annotate', 'her'], repo)).code, 0);
    git('commit', '-qam', 'a: annotate, edit the review');

    // Branch b (from main): annotates the same review.
    git('checkout', '-q', 'main');
    git('checkout', '-q', '-b', 'b');
    const fromB = await annotate(LARB, 'It’s hilarious and terrible.', ['tone'], 'Comedy and horror at once.');
    git('commit', '-qam', 'b: annotate');

    git('checkout', '-q', 'a');
    const merge = tryGit('merge', '--no-edit', 'b');
    assert.equal(merge.status, 0, merge.stdout + merge.stderr);
    const merged = sidecar();
    assert.doesNotMatch(merged.text, /^(<<<<<<<|=======|>>>>>>>)/m);
    assert.deepEqual(merged.sidecar.annotations.map((a) => a.id).sort(), [baseId, fromA, fromB].sort());
    assert.match(readFileSync(larb, 'utf8'), /— any relationship —/, 'git merged the review too');
    // The next annotate re-anchors b's annotation against the merged text: nothing orphaned.
    assert.equal((await cli(['annotate', 'her'], repo)).code, 0);
    const text = readFileSync(larb, 'utf8');
    for (const a of sidecar().sidecar.annotations) {
      assert.equal(text.slice(a.target.start, a.target.end), a.target.quote, a.id);
      assert.equal(a.orphan, undefined);
    }
    const check = await cli(['check', 'her'], repo);
    assert.equal(check.code, 0, check.err);
    git('commit', '-qam', 'annotate after merge');

    // The same note, edited on two branches.
    git('checkout', '-q', '-b', 'c');
    await r.store.updateAnnotation(fileUri(larb), text, baseId, { note: 'C: love as risk.' });
    git('commit', '-qam', 'c: note');
    git('checkout', '-q', 'a');
    git('checkout', '-q', '-b', 'd');
    await r.store.updateAnnotation(fileUri(larb), text, baseId, { note: 'D: love as growth.' });
    git('commit', '-qam', 'd: note');
    git('checkout', '-q', 'c');
    const second = tryGit('merge', '--no-edit', 'd');
    assert.equal(second.status, 0, second.stdout + second.stderr);
    assert.match(second.stderr + second.stdout, /1 conflict kept under "conflicts:"/);
    const both = sidecar().sidecar.annotations.find((a) => a.id === baseId)!;
    assert.equal(both.note, 'C: love as risk.');
    assert.deepEqual(both.conflicts, [{ field: 'note', theirs: 'D: love as growth.', base: 'The thesis.' }]);
    const reported = await cli(['check', 'her'], repo);
    assert.equal(reported.code, 1);
    assert.match(reported.err, new RegExp(`larb-jessica-gross-becoming-human\\.md:\\d+:\\d+: annotation ${baseId}: unresolved merge conflict on note`));
    console.log(`      git merge: 3 annotations from base and two branches kept (review edited on one); a note edited on both recorded under conflicts`);
  });

  async function repositoryWithBase() {
    const r = repository();
    assert.equal((await cli(['annotate', 'her'], r.repo)).code, 0);
    const baseId = await r.annotate(LARB, 'the prospect of real love is the scariest of all', ['love'], 'The thesis.');
    const install = await cli(['install-merge-driver', '.', '--cli', driver.program], r.repo);
    assert.equal(install.code, 0, install.err);
    assert.match(install.out, /^added {3}\*\.annotations\.yaml merge=marginalia/m);
    const again = await cli(['install-merge-driver', r.repo, '--cli', driver.program], tmpdir());
    assert.match(again.out, /^kept/m);
    assert.equal(readFileSync(join(r.repo, '.gitattributes'), 'utf8'), '*.annotations.yaml merge=marginalia\n', 'added once');
    assert.match(r.git('config', 'merge.marginalia.driver'), driver.pattern);
    r.git('add', '-A');
    r.git('commit', '-qm', 'base: corpus, sidecars, merge driver');
    return { ...r, baseId };
  }
});
