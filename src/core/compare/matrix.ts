// The critic × entity matrix of a film: how often each review mentions each character, person,
// theme or the film itself. Pure: the caller hands in reviews with their mentions (from the index).

export interface CompareMention {
  entity: string;
  kind: string;
  start: number;
  end: number;
}

export interface CompareReview {
  uri: string;
  /** How the row is named, e.g. "Jessica Gross — Becoming Human" (the caller builds it). */
  label: string;
  critic?: string;
  text: string;
  mentions: CompareMention[];
  /** Where the body starts (after front matter): passages never reach above it. */
  bodyStart?: number;
}

export interface CompareEntityInput {
  id: string;
  kind: string;
  name: string;
}

export interface CompareCritic {
  uri: string;
  label: string;
  /** The critic's name alone, when known (for short labels such as "Jessica Gross — Samantha"). */
  critic?: string;
}

export interface CompareEntity {
  id: string;
  kind: string;
  name: string;
  /** Mentions across the rows of the matrix. */
  total: number;
  /** How many rows mention it at least once. */
  reviews: number;
}

export interface CompareMatrix {
  critics: CompareCritic[];
  entities: CompareEntity[];
  /** counts[row][column]: mentions of entities[column] in critics[row]. */
  counts: number[][];
}

export type CompareSort = 'count' | 'name';

export interface CompareFilters {
  /** Entity kinds to show; empty shows every kind. */
  kinds: string[];
}

export interface CompareOptions {
  filters?: CompareFilters;
  sort?: CompareSort;
  /** Keep columns of entities no review mentions (dropped by default: all-zero columns are noise). */
  includeUnmentioned?: boolean;
}

export const COMPARE_KINDS = ['character', 'person', 'theme', 'film'] as const;

/** Made on first use: an Intl.Collator costs milliseconds to make, and this module loads when the extension activates. */
let collatorMade: Intl.Collator | undefined;
const collator = { compare: (a: string, b: string) => (collatorMade ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true })).compare(a, b) };

/** Builds the matrix: one row per review, one column per entity that passes the filters. */
export function buildCompareMatrix(
  reviews: readonly CompareReview[],
  entities: readonly CompareEntityInput[],
  options: CompareOptions = {},
): CompareMatrix {
  const kinds = options.filters?.kinds ?? [];
  const shown = kinds.length ? entities.filter((e) => kinds.includes(e.kind)) : [...entities];
  const column = new Map<string, number>();
  shown.forEach((e, i) => column.set(e.id, i));
  const totals = new Array<number>(shown.length).fill(0);
  const reach = new Array<number>(shown.length).fill(0);
  const rows: number[][] = [];
  for (const review of reviews) {
    const row = new Array<number>(shown.length).fill(0);
    for (const m of review.mentions) {
      const c = column.get(m.entity);
      if (c !== undefined) row[c]++;
    }
    for (let c = 0; c < row.length; c++) {
      if (row[c] > 0) {
        totals[c] += row[c];
        reach[c]++;
      }
    }
    rows.push(row);
  }
  let cols = shown.map((e, i) => i);
  if (!options.includeUnmentioned) cols = cols.filter((c) => totals[c] > 0);
  const byName = (a: number, b: number) => collator.compare(shown[a].name, shown[b].name) || (shown[a].id < shown[b].id ? -1 : 1);
  if (options.sort === 'name') cols.sort(byName);
  else cols.sort((a, b) => totals[b] - totals[a] || reach[b] - reach[a] || byName(a, b));
  let order = reviews.map((r, i) => i);
  const rowTotal = (i: number) => cols.reduce((sum, c) => sum + rows[i][c], 0);
  const byLabel = (a: number, b: number) => collator.compare(reviews[a].label, reviews[b].label) || (reviews[a].uri < reviews[b].uri ? -1 : 1);
  if (options.sort === 'name') order.sort(byLabel);
  else {
    const t = order.map(rowTotal);
    order = order.sort((a, b) => t[b] - t[a] || byLabel(a, b));
  }
  return {
    critics: order.map((i) => {
      const r = reviews[i];
      return r.critic ? { uri: r.uri, label: r.label, critic: r.critic } : { uri: r.uri, label: r.label };
    }),
    entities: cols.map((c) => ({ id: shown[c].id, kind: shown[c].kind, name: shown[c].name, total: totals[c], reviews: reach[c] })),
    counts: order.map((i) => cols.map((c) => rows[i][c])),
  };
}

/** The largest count in the matrix (for shading); 0 for an empty matrix. */
export function maxCount(matrix: CompareMatrix): number {
  let max = 0;
  for (const row of matrix.counts) for (const n of row) if (n > max) max = n;
  return max;
}
