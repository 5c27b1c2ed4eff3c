// Builds the production bundles and packages dist/marginalia.vsix, then checks that the package holds
// only what a user needs (the allow-list is .vscodeignore; this catches a pattern gone wrong).
import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './host.mjs';

const VSIX = join(REPO, 'dist', 'marginalia.vsix');
// Files a user's install may contain; anything else in the .vsix is a packaging bug.
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  // Not dist/cli.js: the CLI ships through npm's `bin`; the extension needs only its merge driver.
  /^dist\/(extension|extension\.web|importHtml|mergeDriver)\.js$/,
  /^dist\/webview\/(compare|reading|preview)\.js$/,
  /^media\//,
  /^schemas\/.*\.json$/,
  /^corpus\/[^/]+\/(film\.yaml|[^/]+\.md)$/,
];

function run(cmd, args) {
  console.error(`[package] ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}

run(process.execPath, ['esbuild.mjs', '--production']);
// --no-dependencies: everything is bundled, node_modules stays out.
// --allow-missing-repository / --no-rewrite-relative-links: no repository URL yet, so README images
// stay relative (they resolve inside the installed extension, which ships media/).
// vsce also runs the vscode:prepublish script (the same production build; esbuild makes it cheap).
const vsceFlags = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
run('npx', ['--no-install', 'vsce', 'package', ...vsceFlags, '-o', VSIX]);

const files = execFileSync('npx', ['--no-install', 'vsce', 'ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8' })
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
console.log(`[package] ${VSIX}: ${(statSync(VSIX).size / 1024).toFixed(1)} KiB, ${files.length} files`);
for (const f of files) console.log(`  ${f}`);
if (unexpected.length) {
  console.error(`[package] unexpected files in the package (fix .vscodeignore): ${unexpected.join(', ')}`);
  process.exit(1);
}
for (const entry of ['dist/extension.js', 'dist/extension.web.js', 'dist/importHtml.js', 'dist/mergeDriver.js', 'dist/webview/compare.js', 'dist/webview/reading.js', 'dist/webview/preview.js']) {
  if (!files.includes(entry)) {
    console.error(`[package] ${entry} is missing from the package`);
    process.exit(1);
  }
}
