/**
 * `audit` / `auditLinked`: checks a set of published cells against the contributions: every cell
 * present with its true value, every cell a rule makes unsafe suppressed, and for every primary
 * cell the attacker's LP interval wide enough (A) and, zeros being known, not a single point (B);
 * then the same for every contributor that alone makes up suppressed cells, those cells known to it
 * (C, see insider.ts), each failure naming the contributor.
 *
 * @example
 *   const report = await audit(spec, contributions, table.cells);
 *   report.ok; // true after protect()
 */
import { buildAttack, closeAttack, interval } from './attacker.ts';
import { Attack, type Failure } from './check.ts';
import { linkedOf, prepare, SINGLE, targetOf, zerosKnown } from './steps.ts';
import { insiderChecked, insiderFailing, insiders } from './insider.ts';
import { solver } from './solver.ts';
import type { AuditFailure, AuditReport, Cell, Contribution, LinkedSpec, ProtectSpec } from './types.ts';

export interface AuditOptions {
  /** exact intervals are listed for every suppressed cell up to this many suppressed cells */
  intervalsUpTo?: number;
}

export async function auditLinked(
  spec: LinkedSpec,
  contributions: Readonly<Record<string, readonly Contribution[]>>,
  cells: Readonly<Record<string, readonly Cell[]>>,
  options: AuditOptions = {},
): Promise<AuditReport> {
  const { cube, primary, truth } = await prepare(spec, contributions, 'pinned');
  const failures: AuditFailure[] = [];
  const suppressed = cube.cells.map(() => false);
  const listed = cube.cells.map(() => false);
  const index = new Map(cube.cells.map((cell, c) => [cell.codes.join('\u0001'), c]));
  const codesOf = (c: number, t: number) => cube.tables[t].dims.map((d) => cube.dims[d].codes[cube.cells[c].codes[d]]);
  cube.tables.forEach((table, t) => {
    for (const cell of cells[table.id] ?? []) {
      const full = cube.dims.map((d) => d.index.get(d.total)!);
      table.dims.forEach((d, j) => (full[d] = cube.dims[d].index.get(cell.codes[j]) ?? -1));
      const c = index.get(full.join('\u0001'));
      if (c === undefined) {
        if (cell.value !== 0) failures.push({ table: table.id, codes: cell.codes, value: cell.value, check: 'value', expected: 0 });
        continue;
      }
      listed[c] = true;
      if (Math.abs(cell.value - cube.cells[c].value) > 1e-9 * Math.max(1, Math.abs(cell.value))) {
        failures.push({ table: table.id, codes: cell.codes, value: cell.value, check: 'value', expected: cube.cells[c].value });
      }
      if (cell.status !== 's') suppressed[c] = true;
    }
  });
  const tableOf = (c: number) => cube.cells[c].tables[0];
  cube.cells.forEach((cell, c) => {
    const check = !listed[c] ? 'missing' : primary[c] && !suppressed[c] ? 'status' : undefined;
    if (check) failures.push({ table: cube.tables[tableOf(c)].id, codes: codesOf(c, tableOf(c)), value: cell.value, check });
  });
  const targets = cube.cells.flatMap((_, c) => (primary[c] && suppressed[c] ? [targetOf(cube, c, spec)] : []));
  const known = zerosKnown(cube, suppressed);
  const attack = new Attack(cube, suppressed, truth);
  const failing: Failure[] = [];
  try {
    failing.push(...(await attack.failing(targets, 'A')));
    if (known) failing.push(...(await attack.failing(targets, 'B')));
  } finally {
    attack.close();
  }
  // requirement C: for each contributor that alone makes up suppressed cells, with those known
  const checkC = insiderChecked(cube, spec.rules);
  const insiderVerdicts = checkC ? await insiderFailing(cube, primary, suppressed, truth, spec, { exact: true }) : [];
  const insiderCount = checkC ? insiders(cube, suppressed).reduce((n, i) => n + i.contributors.length, 0) : 0;
  for (const { insider, failures: its } of insiderVerdicts) {
    // one failure per derived cell: A's two directions together, B's (or exact's) alone
    const byCell = new Map<number, { lo?: number; hi?: number; exact: boolean; kind: string }>();
    for (const f of its) {
      const seen = byCell.get(f.cell) ?? { exact: f.kind !== 'A', kind: f.kind };
      if (f.kind !== 'A') Object.assign(seen, { lo: f.bound, hi: f.bound, exact: true });
      else if (!seen.exact) seen[f.direction] = f.bound;
      byCell.set(f.cell, seen);
    }
    for (const [cell, { lo, hi, exact }] of byCell) {
      const t = targetOf(cube, cell, spec);
      const point = exact || (lo !== undefined && hi !== undefined && hi - lo <= 1e-6 * Math.max(1, Math.abs(hi)));
      for (const who of insider.contributors) {
        failures.push({
          table: cube.tables[tableOf(cell)].id,
          codes: codesOf(cell, tableOf(cell)),
          value: cube.cells[cell].value,
          check: 'C',
          insider: { contributor: cube.contributors[who], knows: insider.known.length, exact: point },
          ...(lo !== undefined ? { lo } : {}),
          ...(hi !== undefined ? { hi } : {}),
          ...(exact ? {} : { requiredLo: t.needLo, requiredHi: t.needHi }),
        });
      }
    }
  }
  for (const f of failing) {
    const t = targetOf(cube, f.cell, spec);
    failures.push({
      table: cube.tables[tableOf(f.cell)].id,
      codes: codesOf(f.cell, tableOf(f.cell)),
      value: cube.cells[f.cell].value,
      check: f.check,
      ...(f.direction === 'lo' ? { lo: f.bound } : { hi: f.bound }),
      ...(f.check === 'A' ? { requiredLo: t.needLo, requiredHi: t.needHi } : {}),
    });
  }
  // exact intervals cost two LPs per suppressed cell and only some callers read them (the
  // publication stage needs the verdict alone): they are computed on first read
  const h = await solver();
  const hidden = suppressed.filter(Boolean).length;
  const listIntervals = (): AuditReport['intervals'] => {
    const intervals: AuditReport['intervals'] = [];
    if (hidden > (options.intervalsUpTo ?? 500)) return intervals;
    const model = buildAttack(h, cube, suppressed, truth, 'A', false);
    try {
      cube.cells.forEach((cell, c) => {
        if (!suppressed[c]) return;
        const { lo, hi } = interval(model, cell.members);
        intervals.push({ table: cube.tables[tableOf(c)].id, codes: codesOf(c, tableOf(c)), value: cell.value, status: primary[c] ? 'u' : 'x', lo, hi });
      });
    } finally {
      closeAttack(model);
    }
    return intervals;
  };
  let intervals: AuditReport['intervals'] | undefined;
  return {
    ok: failures.length === 0,
    checked: targets.length,
    zerosKnown: known,
    insiders: insiderCount,
    insiderChecked: checkC,
    failures,
    get intervals() {
      return (intervals ??= listIntervals());
    },
  };
}

export async function audit(spec: ProtectSpec, contributions: readonly Contribution[], cells: readonly Cell[], options: AuditOptions = {}): Promise<AuditReport> {
  return auditLinked(linkedOf(spec), { [SINGLE]: contributions }, { [SINGLE]: cells }, options);
}
