import type { CliContext } from './main';

/** `annotate` and `check`: wired to the sidecar store (annotations issue). */
export async function runAnnotationCommand(ctx: CliContext, command: 'annotate' | 'check', _paths: string[], _lexicon: string | undefined, _json: boolean): Promise<void> {
  ctx.error(`${command}: not available yet`);
}
