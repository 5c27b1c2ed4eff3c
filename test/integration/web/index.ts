// Entry point of the integration suite in VS Code for the Web's extension host (a web worker).
// Bundled by esbuild into one file with mocha's browser build: in the worker, require knows only
// 'vscode'. It runs the same test files as the Node host (test/integration/index.ts), all of which
// use nothing but the vscode API.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const mocha: BrowserMocha = require('mocha/mocha.js');

interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  run(done: (failures: number) => void): { on(event: string, fn: () => void): void };
}

export function run(): Promise<void> {
  // The point of this suite: prove it runs in the worker, not in the Node host.
  if (typeof (globalThis as { importScripts?: unknown }).importScripts !== 'function') {
    return Promise.reject(new Error('the web suite is not running in a web worker extension host'));
  }
  console.log('web worker extension host: typeof importScripts === "function"');
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 20000, color: false });
  // Loaded after setup, which defines describe/it. Listed literally so esbuild bundles each one;
  // test/unit/architecture.test.ts checks the list against the folder.
  require('../activation.test');
  require('../annotations.test');
  require('../compare.test');
  require('../films.test');
  require('../interchange.test');
  require('../languageFeatures.test');
  require('../navigation.test');
  require('../proposeLexicon.test');
  require('../reading.test');
  require('../reviewsTree.test');
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run((failures) => {
      console.log(`${passed} passed, ${failed} failed`);
      if (failures > 0) reject(new Error(`${failures} web integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
}
