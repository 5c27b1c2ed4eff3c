// What the comparison view shows, computed without a DOM: labels, shading, keyboard moves,
// passage segments. The DOM code (view.ts) only turns these into elements.

import type { CompareCritic, CompareEntity, CompareMatrix, Passage } from '../../core/compare';

export const SHADE_LEVELS = 8;

export function mentionsText(count: number): string {
  return count === 0 ? 'no mentions' : count === 1 ? '1 mention' : `${count} mentions`;
}

/** Who a row is, briefly: the critic's name when known, else the review's label. */
export function rowName(critic: CompareCritic): string {
  return critic.critic ?? critic.label;
}

/** "Jessica Gross — Samantha: 12 mentions" */
export function cellLabel(critic: CompareCritic, entity: CompareEntity, count: number): string {
  return `${rowName(critic)} — ${entity.name}: ${mentionsText(count)}`;
}

export function columnLabel(entity: CompareEntity): string {
  const reviews = entity.reviews === 1 ? '1 review' : `${entity.reviews} reviews`;
  return `${entity.name} (${entity.kind}): ${mentionsText(entity.total)} in ${reviews}. Press Enter to compare every critic on ${entity.name}.`;
}

/** 0 for no mentions, else 1…SHADE_LEVELS, on a square-root scale so small counts still show. */
export function shadeLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(SHADE_LEVELS, Math.ceil(SHADE_LEVELS * Math.sqrt(count / max))));
}

export interface GridPosition {
  /** -1: the header row (entities). */
  row: number;
  /** -1: the row headers (reviews). */
  col: number;
}

const PAGE = 10;

/** Where a key moves the focus in a grid of rows × cols (plus its header row and column). */
export function moveFocus(pos: GridPosition, key: string, rows: number, cols: number, ctrl = false): GridPosition {
  const clampRow = (r: number) => Math.max(-1, Math.min(rows - 1, r));
  const clampCol = (c: number) => Math.max(-1, Math.min(cols - 1, c));
  let { row, col } = pos;
  switch (key) {
    case 'ArrowUp': row--; break;
    case 'ArrowDown': row++; break;
    case 'ArrowLeft': col--; break;
    case 'ArrowRight': col++; break;
    case 'PageUp': row -= PAGE; break;
    case 'PageDown': row += PAGE; break;
    case 'Home': col = -1; if (ctrl) row = -1; break;
    case 'End': col = cols - 1; if (ctrl) row = rows - 1; break;
    default: return pos;
  }
  return { row: clampRow(row), col: clampCol(col) };
}

export function clampFocus(pos: GridPosition, rows: number, cols: number): GridPosition {
  return { row: Math.max(-1, Math.min(rows - 1, pos.row)), col: Math.max(-1, Math.min(cols - 1, pos.col)) };
}

/** A passage cut into plain text and the entity's mentions. */
export function passageSegments(p: Passage): Array<{ text: string; mention: boolean }> {
  const out: Array<{ text: string; mention: boolean }> = [];
  let at = 0;
  for (const m of [...p.mentions].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, Math.min(m.start, p.text.length));
    const end = Math.max(start, Math.min(m.end, p.text.length));
    if (start > at) out.push({ text: p.text.slice(at, start), mention: false });
    if (end > start) out.push({ text: p.text.slice(start, end), mention: true });
    at = end;
  }
  if (at < p.text.length) out.push({ text: p.text.slice(at), mention: false });
  if (p.cutStart && out.length) out[0] = { ...out[0], text: '…' + out[0].text };
  if (p.cutEnd && out.length) out[out.length - 1] = { ...out[out.length - 1], text: out[out.length - 1].text + '…' };
  return out;
}

export function entityById(matrix: CompareMatrix | undefined, id: string): CompareEntity | undefined {
  return matrix?.entities.find((e) => e.id === id);
}
