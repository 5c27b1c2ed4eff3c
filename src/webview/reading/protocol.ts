// The messages of the reading panel (plain-text reviews rendered like the Markdown preview). The
// webview sends one kind of message, validated by the extension before it acts on it.

export type ReadingPanelMessage = { type: 'openSource'; line: number };

/** What the panel saves with setState: the review it shows, so VS Code can restore it after a reload. */
export interface ReadingPanelState {
  review: string;
}

const MAX_LINE = 10_000_000;

/** Whether `x` is a well-formed message from the reading panel (exact shape, no extra fields). */
export function isReadingPanelMessage(x: unknown): x is ReadingPanelMessage {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || Object.getPrototypeOf(x) !== Object.prototype) return false;
  const m = x as Record<string, unknown>;
  return Object.keys(m).every((k) => k === 'type' || k === 'line') && m.type === 'openSource' && Number.isSafeInteger(m.line) && (m.line as number) >= 0 && (m.line as number) < MAX_LINE;
}

export function readReadingPanelState(x: unknown): ReadingPanelState | undefined {
  const review = (x as { review?: unknown } | null)?.review;
  return typeof review === 'string' && review.length > 0 && review.length <= 4096 ? { review } : undefined;
}

/** The 0-based line a mark's source link (`review.txt#L13`) points at. */
export function lineOfSourceLink(href: string | null): number | undefined {
  const m = href ? /#L(\d{1,9})$/.exec(href) : null;
  return m ? Number(m[1]) - 1 : undefined;
}
