// Setting up git's merge driver, as the CLI and the editor's command both do it: the .gitattributes
// line added once (after a last line without a newline, too), the git config entry, a clear error
// outside a repository, and a driver command that git's shell can run as written, including the
// form VS Code desktop needs (its Electron binary run as Node).

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GITATTRIBUTES_LINE, installMergeDriver, mergeDriverCommand, NotAGitRepositoryError, shellQuote } from '../../src/platform/node/mergeDriverSetup';
import { ROOT } from './fixtures';

const CLI = join(ROOT, 'out/src/cli/main.js');
/** What the extension installs: `marginalia merge-driver` alone, bundled. */
const MERGE_DRIVER = join(ROOT, 'dist/mergeDriver.js');

function repository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'marginalia driver setup '));
  execFileSync('git', ['init', '-q', repo]);
  return repo;
}

describe('installMergeDriver (shared by the CLI and the editor)', () => {
  it('adds the attribute line once, after existing lines, and sets the driver in the repository’s config', async () => {
    const repo = repository();
    writeFileSync(join(repo, '.gitattributes'), '*.png binary');
    mkdirSync(join(repo, 'her'));
    const first = await installMergeDriver(join(repo, 'her'), { executable: process.execPath, cli: CLI });
    assert.equal(first.attributesAdded, true);
    assert.equal(first.attributesFile, join(first.top, '.gitattributes'));
    assert.equal(readFileSync(join(repo, '.gitattributes'), 'utf8'), `*.png binary\n${GITATTRIBUTES_LINE}\n`);
    const again = await installMergeDriver(repo, { executable: process.execPath, cli: CLI });
    assert.equal(again.attributesAdded, false);
    assert.equal(readFileSync(join(repo, '.gitattributes'), 'utf8'), `*.png binary\n${GITATTRIBUTES_LINE}\n`, 'added once');
    const config = (key: string) => execFileSync('git', ['-C', repo, 'config', key], { encoding: 'utf8' }).trim();
    assert.equal(config('merge.marginalia.driver'), `${shellQuote(process.execPath)} ${shellQuote(CLI)} merge-driver %O %A %B %P`);
    assert.match(config('merge.marginalia.name'), /Marginalia/);
  });

  it('says so outside a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-no-git-'));
    await assert.rejects(installMergeDriver(dir, { executable: process.execPath, cli: CLI }), (e: unknown) => e instanceof NotAGitRepositoryError && /not inside a git repository/.test(e.message));
  });

  for (const [label, program] of [['the CLI', CLI], ['dist/mergeDriver.js', MERGE_DRIVER]]) it(`writes a driver command git’s shell runs as written, the Electron form included (${label})`, () => {
    const dir = mkdtempSync(join(tmpdir(), "it's a dir "));
    const base = 'version: 1\nreview: a.md\nannotations: []\nmentions: []\n';
    const side = (id: string, note: string) => `version: 1\nreview: a.md\nannotations:\n  - id: ${id}\n    note: ${note}\n    target: { quote: x, start: 0, end: 1 }\nmentions: []\n`;
    for (const electron of [false, true]) {
      writeFileSync(join(dir, 'base'), base);
      writeFileSync(join(dir, 'ours'), side('a00001', 'ours'));
      writeFileSync(join(dir, 'theirs'), side('b00002', 'theirs'));
      const command = mergeDriverCommand({ executable: process.execPath, cli: program, electron });
      if (electron) assert.match(command, /^ELECTRON_RUN_AS_NODE=1 /);
      // git substitutes the placeholders with shell-quoted temp file names and runs `sh -c`.
      const line = command.replace('%O', shellQuote(join(dir, 'base'))).replace('%A', shellQuote(join(dir, 'ours'))).replace('%B', shellQuote(join(dir, 'theirs'))).replace('%P', 'a.annotations.yaml');
      const run = spawnSync('sh', ['-c', line], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const merged = readFileSync(join(dir, 'ours'), 'utf8');
      assert.ok(merged.includes('id: a00001') && merged.includes('id: b00002'), merged);
    }
  });
});
