// The core is shared by the extension, the CLI and the tests: it must not reach VS Code or the
// file system directly.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './fixtures';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN = /(?:from\s+|require\(\s*|import\(\s*)['"](vscode|node:fs|fs|node:fs\/promises|fs\/promises|node:child_process|child_process)['"]/;

describe('architecture', () => {
  it('src/core imports neither vscode nor the file system', () => {
    const offenders = sources(join(ROOT, 'src/core')).filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => relative(ROOT, f)), []);
  });

  it('the check itself catches an import of vscode', () => {
    assert.ok(FORBIDDEN.test("import * as vscode from 'vscode';"));
    assert.ok(FORBIDDEN.test("const fs = require('node:fs')"));
    assert.ok(!FORBIDDEN.test("import { parse } from 'yaml';"));
  });

  it('no source file is longer than 400 lines without saying why', () => {
    const long = sources(join(ROOT, 'src')).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return text.split('\n').length > 400 && !/long-file-reason:/.test(text);
    });
    assert.deepEqual(long.map((f) => relative(ROOT, f)), []);
  });
});
