// The shape of the code, checked: the core reaches neither VS Code nor the file system (and is
// compiled with no platform types, tsconfig.core.json); each editor feature stands alone; one
// service listens to document edits; both extension hosts run the same integration tests.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

  it('a feature imports no other feature (they share services, not each other)', () => {
    const featuresDir = join(ROOT, 'src/extension/features');
    const offenders: string[] = [];
    for (const file of sources(featuresDir)) {
      const own = relative(featuresDir, file).split('/')[0];
      for (const m of readFileSync(file, 'utf8').matchAll(/from\s+['"](\.[^'"]+)['"]/g)) {
        const target = relative(featuresDir, resolve(dirname(file), m[1]));
        const feature = target.split('/')[0];
        if (!target.startsWith('..') && target !== 'context' && feature !== own) offenders.push(`${relative(ROOT, file)} → ${m[1]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('only the corpus service listens to document edits (one source of truth for live text)', () => {
    const listeners = sources(join(ROOT, 'src/extension')).filter((f) => /onDidChangeTextDocument/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(listeners.map((f) => relative(ROOT, f)), ['src/extension/services/corpusService.ts']);
  });

  it('the web worker suite runs every integration test file the Node host runs', () => {
    const files = readdirSync(join(ROOT, 'test/integration')).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, '')).sort();
    const web = readFileSync(join(ROOT, 'test/integration/web/index.ts'), 'utf8');
    const required = [...web.matchAll(/require\('\.\.\/([\w]+)\.test'\)/g)].map((m) => m[1]).sort();
    assert.deepEqual(required, files);
  });
});
