/**
 * The share of a department's published cells that are secret, and its median and 90th percentile
 * over the departments: what `audit/summary.json` reports (src/indicators/summary.ts) and what each
 * department's workbook says of itself (src/render/workbook.ts). Pure.
 *
 * @example
 *   departmentSecrecy(publication.tables, ['01', '02']).rows[0].share; // 0.16
 */

/**
 * What a department finds in its workbook: for each department, its cells (the `geo` code is the
 * department's) over every published table, how many are secret, and the share; then the median
 * and the 90th percentile of the share over the departments with at least one cell (linear
 * interpolation between order statistics, R's type 7).
 *
 * The same for the primary cells alone (status `u`, derived cells included: a derived cell takes
 * `u` when one of its inputs is primary): the floor no secondary pattern can go below, with these
 * rules and these consents.
 *
 * @example
 *   departmentSecrecy(tables, ['01', '02']).median; // 0.25
 */
export function departmentSecrecy(
  tables: readonly { table: { cells: readonly { codes: readonly string[]; status: string }[] } }[],
  departments: readonly string[],
): { rows: { code: string; cells: number; secret: number; primary: number; share: number }[]; median: number; p90: number; floor: { median: number; p90: number } } {
  // one pass over the cells, counted by department (each workbook asks for the whole year's figures)
  const counts = new Map(departments.map((code) => [code, { cells: 0, secret: 0, primary: 0 }]));
  for (const t of tables) {
    for (const c of t.table.cells) {
      const n = counts.get(c.codes[0]);
      if (!n) continue;
      n.cells++;
      if (c.status !== 's') n.secret++;
      if (c.status === 'u') n.primary++;
    }
  }
  const rows = departments.map((code) => {
    const { cells, secret, primary } = counts.get(code)!;
    return { code, cells, secret, primary, share: cells > 0 ? secret / cells : 0 };
  });
  const withCells = rows.filter((r) => r.cells > 0);
  const shares = withCells.map((r) => r.share).sort((a, b) => a - b);
  const floors = withCells.map((r) => r.primary / r.cells).sort((a, b) => a - b);
  return { rows, median: quantile(shares, 0.5), p90: quantile(shares, 0.9), floor: { median: quantile(floors, 0.5), p90: quantile(floors, 0.9) } };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}
