// Activation cost in a real extension host: bundle load + activate(), measured around
// Extension.activate() in an empty workspace (nothing there activates Marginalia first). Run by
// scripts/bench-activation.mjs in the Node host and, bundled, in the web worker host.

import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension('marginalia.marginalia');
  if (!ext) throw new Error('extension not found');
  if (ext.isActive) throw new Error('already active: open an empty workspace');
  const t0 = performance.now();
  await ext.activate();
  const ms = performance.now() - t0;
  const host = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function' ? 'web' : 'node';
  console.log(`activation-bench ${JSON.stringify({ host, ms })}`);
  // The bench's priming run stays until the Node host has written its code cache (codeCache.ts).
  const linger = Number((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.MARGINALIA_BENCH_LINGER_MS ?? 0);
  if (linger > 0) await new Promise((resolve) => setTimeout(resolve, linger));
}
