// The matrix as CSV (RFC 4180): a header row of entity names, then one row per review.

import type { CompareMatrix } from './matrix';

/**
 * One field: quoted when it holds a comma, quote, CR or LF (quotes doubled). Text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe: review labels
 * and entity names are data.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
  return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
}

export function matrixToCsv(matrix: CompareMatrix, firstHeader = 'Review'): string {
  const lines = [[firstHeader, ...matrix.entities.map((e) => e.name)].map(csvField).join(',')];
  matrix.critics.forEach((critic, row) => {
    lines.push([critic.label, ...matrix.counts[row]].map(csvField).join(','));
  });
  return lines.join('\r\n') + '\r\n';
}
