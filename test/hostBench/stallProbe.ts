// Measures how long the extension host's event loop is kept busy: a timer that should fire every
// few ms records every gap much longer than that (a "stall": no hover, no keystroke is served).

export interface Stall {
  /** When the stall began, in ms since the probe started. */
  at: number;
  ms: number;
}

export interface StallProbe {
  /** Names the phase stalls from now on belong to (activation, indexing, …). */
  phase(name: string): void;
  stop(): { longest: number; stalls: Array<Stall & { phase: string }> };
}

export function stallProbe(intervalMs = 5, reportOverMs = 50): StallProbe {
  const t0 = performance.now();
  let last = t0;
  let phase = 'start';
  let longest = 0;
  const stalls: Array<Stall & { phase: string }> = [];
  const tick = () => {
    const now = performance.now();
    const gap = now - last - intervalMs;
    if (gap > longest) longest = gap;
    if (gap > reportOverMs) stalls.push({ at: Math.round(last - t0), ms: Math.round(gap), phase });
    last = now;
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
      return { longest: Math.round(longest), stalls };
    },
  };
}
