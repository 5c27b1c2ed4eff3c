// Measures how long the extension host's event loop is kept busy: a timer that should fire every
// few ms records every gap much longer than that (a "stall": no hover, no keystroke is served).
// On a machine shared with other work, a gap may also be the process waiting for a CPU; the CPU
// time the process used during the gap tells the two apart (Node host only).

export interface Stall {
  /** When the stall began, in ms since the probe started. */
  at: number;
  ms: number;
  /** CPU time the process used during the gap (all its threads); undefined where unknown. */
  cpuMs?: number;
  phase: string;
}

export interface StallProbe {
  /** Names the phase stalls from now on belong to (activation, indexing, …). */
  phase(name: string): void;
  stop(): { longest: number; longestBusy: number | undefined; stalls: Stall[] };
}

const cpuNow = (): number | undefined => {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (!p?.cpuUsage) return undefined;
  const c = p.cpuUsage();
  return (c.user + c.system) / 1000;
};

export function stallProbe(intervalMs = 5, reportOverMs = 50): StallProbe {
  const t0 = performance.now();
  let last = t0;
  let lastCpu = cpuNow();
  let phase = 'start';
  let longest = 0;
  let longestBusy: number | undefined = lastCpu === undefined ? undefined : 0;
  const stalls: Stall[] = [];
  const tick = () => {
    const now = performance.now();
    const cpu = cpuNow();
    const gap = now - last - intervalMs;
    const cpuMs = cpu !== undefined && lastCpu !== undefined ? cpu - lastCpu : undefined;
    if (gap > longest) longest = gap;
    // Busy: the gap, less what the process did not run for.
    if (cpuMs !== undefined && longestBusy !== undefined) longestBusy = Math.max(longestBusy, Math.min(gap, cpuMs));
    if (gap > reportOverMs) stalls.push({ at: Math.round(last - t0), ms: Math.round(gap), ...(cpuMs !== undefined ? { cpuMs: Math.round(cpuMs) } : {}), phase });
    last = now;
    lastCpu = cpu;
  };
  const timer = setInterval(tick, intervalMs);
  return {
    phase(name) {
      tick();
      phase = name;
    },
    stop() {
      tick();
      clearInterval(timer);
      return { longest: Math.round(longest), longestBusy: longestBusy === undefined ? undefined : Math.round(longestBusy), stalls };
    },
  };
}
