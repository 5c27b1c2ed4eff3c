// Entry point loaded by the VS Code extension host in test mode (`extensionTestsPath`).
// The same contract serves @vscode/test-electron and code-server: export run(), resolve on success.
import * as fs from 'node:fs';
import * as path from 'node:path';
// CommonJS require: this file is compiled file-by-file (not bundled) and mocha is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof import('mocha') = require('mocha');

function findTests(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(p, out);
    else if (entry.name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 20000,
    reporter: 'spec',
    grep: process.env.MARGINALIA_TEST_GREP || undefined,
  });
  for (const file of findTests(__dirname)) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    try {
      const runner = mocha.run((failures) => {
        // CI greps this exact line.
        console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++);
      runner.on('pending', () => skipped++);
    } catch (err) {
      // A test file that throws while loading ends up here; the host prints the rejection.
      reject(err);
    }
  });
}
