// The extension's web bundle (dist/extension.web.js) as the engine of a plain Node program: the
// merge driver the extension installs (dist/mergeDriver.js). Its own code is the CLI's runner,
// node:fs and git; every module of src/core it imports is the web bundle's, so the .vsix carries the
// engine once (as dist/extension.js, the Node extension host's bundle, runs on the web bundle too).
// esbuild.mjs routes each such import here (`webCore('annotations/merge.ts')`), and makes the web
// bundle export those modules (`__coreForNode`). Compiled file by file (the tests), nothing imports
// this file: the program imports src/core directly.
//
// The web bundle is an extension: it imports 'vscode', and some of its modules read the API when
// they load (a class's static field, a selector). Outside an extension host there is no 'vscode';
// the bundle gets a stand-in whose every member, at any depth, is a function that returns the same
// stand-in. Nothing here calls into the extension's code (only src/core, which never imports vscode),
// so the stand-in is only read while the bundle loads.

import Module from 'node:module';
import { join } from 'node:path';

/** The names the vscode module exports (from @types/vscode; esbuild.mjs defines it). */
declare const VSCODE_API_NAMES: readonly string[];

const BUNDLE = 'extension.web.js';

let core: Readonly<Record<string, unknown>> | undefined;

/** A module of src/core (its path below src/core), from the web bundle beside this program. */
export function webCore(path: string): unknown {
  core ??= loadWebBundle();
  const module = core[path];
  if (module === undefined) throw new Error(`${join(__dirname, BUNDLE)} holds no src/core/${path}: build it with this program (node esbuild.mjs)`);
  return module;
}

function loadWebBundle(): Readonly<Record<string, unknown>> {
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const load = loader._load;
  const vscode = Object.fromEntries(VSCODE_API_NAMES.map((name) => [name, standIn]));
  loader._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscode : load.call(this, request, parent, isMain);
  };
  try {
    // A require with a computed path: esbuild leaves it to run time.
    return (require(join(__dirname, BUNDLE)) as { __coreForNode: Readonly<Record<string, unknown>> }).__coreForNode;
  } finally {
    loader._load = load;
  }
}

/** Any member of the vscode API, read, called, constructed or extended while the bundle loads. */
const standIn: unknown = new Proxy(function () {}, {
  get: (target, key) => (key === 'prototype' ? {} : key === Symbol.toPrimitive ? () => '' : standIn),
  apply: () => standIn,
  construct: () => standIn as object,
});
