/**
 * A year's row counts, summed once over its inputs (`rows_read = rows_accepted + rows_rejected` for
 * each): the progress lines, `run.log`, and whether the year can be published all read them here.
 *
 * @example
 *   rowCounts(validated); // { files: 132, read: 498, accepted: 491, rejected: 7 }
 */
import type { InputReport } from './types.ts';

export interface RowCounts {
  files: number;
  read: number;
  accepted: number;
  rejected: number;
}

export function rowCounts(validated: { inputs: readonly Pick<InputReport, 'rows_read' | 'rows_accepted' | 'rows_rejected'>[] }): RowCounts {
  const counts = { files: 0, read: 0, accepted: 0, rejected: 0 };
  for (const input of validated.inputs) {
    counts.files++;
    counts.read += input.rows_read;
    counts.accepted += input.rows_accepted;
    counts.rejected += input.rows_rejected;
  }
  return counts;
}
