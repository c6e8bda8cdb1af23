/**
 * Cross-table differencing: an attacker holding BOTH linked tables (ended mediations by frame and by
 * outcome, which share their geo × ENS cells), every additive relation between them and the two
 * non-nesting geographies, solves linear programmes (HiGHS, written here independently of the
 * engine's own audit) for each suppressed cell. No suppressed primary cell may be pinned down.
 */
import highsModule, { type Highs } from 'highs';
import { geoDimension, geoMembers, geoOrder } from '../../src/indicators/geo.ts';
import { protectLinked } from '../../src/protect/index.ts';
import { sealProtected, type ProtectedTable } from '../../src/protect/protected-table.ts';
import type { Cell, Contribution, DimensionSpec } from '../../src/protect/types.ts';
import { twoHierarchies } from '../indicators/fixtures.ts';

/** highs ships CommonJS-style declarations: its ESM default export is the loader. */
const loadHighs = highsModule as unknown as () => Promise<Highs>;

const CADRE = ['conventionnelle', 'judiciaire'];
const ISSUE = ['accord_ecrit', 'accord_oral', 'sans_accord', 'interrompue'];
const flat = (name: string, codes: string[]): DimensionSpec => ({ name, total: 'ENS', hierarchies: { [name]: Object.fromEntries(codes.map((c) => [c, 'ENS'])) } });

/** smallFrames: per service, its department, frames (conv, jud) and outcomes (écrit, oral, sans, interrompue). */
const smallFrames: [string, string, number[], number[]][] = [
  ['S1', 'D1', [30, 2], [10, 12, 5, 5]],
  ['S2', 'D1', [20, 1], [3, 10, 4, 4]],
  ['S3', 'D2', [40, 12], [15, 20, 10, 7]],
  ['S4', 'D3', [8, 3], [4, 4, 1, 2]],
  ['S5', 'D4', [25, 9], [10, 10, 9, 5]],
  ['S6', 'D4', [6, 1], [2, 3, 1, 1]],
];

const contributions: Record<string, Contribution[]> = {
  cadre: smallFrames.flatMap(([id, dep, frames]) => frames.map((value, i) => ({ codes: [dep, CADRE[i]], contributor: id, value }))),
  issue: smallFrames.flatMap(([id, dep, , issues]) => issues.map((value, i) => ({ codes: [dep, ISSUE[i]], contributor: id, value }))),
};

const members = geoMembers(twoHierarchies);
const departments = twoHierarchies.departments.map((d) => d.code);
/** Inner cells the attacker does not see: department × frame × outcome (non-negative). */
const inner = departments.flatMap((d) => CADRE.flatMap((c) => ISSUE.map((i) => ({ d, c, i, name: `x_${d}_${c}_${i}`.replace(/-/g, '_') }))));

/** Inner cells summing to a cell of table `cadre` (second code a frame) or `issue`. */
function covered(table: 'cadre' | 'issue', codes: readonly string[]): string[] {
  const deps = new Set(members.get(codes[0]) ?? []);
  return inner.filter((v) => deps.has(v.d) && (codes[1] === 'ENS' || (table === 'cadre' ? v.c : v.i) === codes[1])).map((v) => v.name);
}

async function attackerIntervals(tables: Record<'cadre' | 'issue', ProtectedTable>) {
  const highs = await loadHighs();
  const equations: string[] = [];
  const hidden: { table: 'cadre' | 'issue'; cell: Cell; vars: string[] }[] = [];
  for (const table of ['cadre', 'issue'] as const) {
    for (const cell of tables[table].cells) {
      const vars = covered(table, cell.codes);
      if (cell.status === 's') equations.push(`${vars.length ? vars.join(' + ') : '0 ' + inner[0].name} = ${cell.value}`);
      else hidden.push({ table, cell, vars });
    }
  }
  const constraints = equations.map((e, k) => ` c${k}: ${e}`).join('\n');
  const solve = (sense: 'Minimize' | 'Maximize', vars: string[]) => {
    const result = highs.solve(`${sense}\n obj: ${vars.join(' + ')}\nSubject To\n${constraints}\nEnd\n`, { output_flag: false });
    if (result.Status !== 'Optimal') throw new Error(`LP ${result.Status}`);
    return result.ObjectiveValue;
  };
  return hidden.map((h) => ({ ...h, lo: solve('Minimize', h.vars), hi: solve('Maximize', h.vars) }));
}

describe('two linked tables against a differencing attacker', () => {
  const geo = geoDimension(twoHierarchies);
  const spec = {
    dimensions: [geo, flat('cadre', CADRE), flat('issue', ISSUE)],
    tables: [
      { id: 'cadre', dimensions: ['geo', 'cadre'] },
      { id: 'issue', dimensions: ['geo', 'issue'] },
    ],
    rules: { minValue: 5, protectionPercent: 10 },
  };
  let tables: Record<'cadre' | 'issue', ProtectedTable>;
  let intervals: Awaited<ReturnType<typeof attackerIntervals>>;

  beforeAll(async () => {
    const result = await protectLinked(spec, contributions);
    tables = { cadre: result.tables.cadre, issue: result.tables.issue };
    intervals = await attackerIntervals(tables);
  });

  it('suppresses the small cells (the fixture does have primaries)', () => {
    const primaries = [...tables.cadre.cells, ...tables.issue.cells].filter((c) => c.status === 'u');
    expect(primaries.map((c) => c.codes.join(' '))).toEqual(expect.arrayContaining(['D1 judiciaire', 'D3 judiciaire', 'D3 sans_accord']));
  });

  it('gives a shared cell (territory × ENS) one status in both tables', () => {
    for (const g of geoOrder(twoHierarchies)) {
      const status = (t: ProtectedTable) => t.cells.find((c) => c.codes[0] === g && c.codes[1] === 'ENS')?.status;
      expect([g, status(tables.cadre)]).toEqual([g, status(tables.issue)]);
    }
  });

  it('leaves every primary cell an interval of at least ±10 % (or ±1)', () => {
    const primaries = intervals.filter((h) => h.cell.status === 'u');
    expect(primaries.length).toBeGreaterThan(0);
    for (const { cell, lo, hi } of primaries) {
      const p = Math.max(1, 0.1 * cell.value);
      expect({ cell: cell.codes.join(' '), safe: lo <= Math.max(0, cell.value - p) + 1e-6 && hi >= cell.value + p - 1e-6 }).toEqual({ cell: cell.codes.join(' '), safe: true });
    }
  });

  it('has an attacker that is not blind: a published cell is pinned to its value', async () => {
    const highs = await loadHighs();
    const fr = tables.cadre.cells.find((c) => c.codes[0] === 'FR' && c.codes[1] === 'ENS');
    expect(fr?.status).toBe('s');
    const equations = [...tables.cadre.cells.filter((c) => c.status === 's').map((c) => `${covered('cadre', c.codes).join(' + ')} = ${c.value}`)];
    const lp = (sense: string) => `${sense}\n obj: ${covered('cadre', ['FR', 'ENS']).join(' + ')}\nSubject To\n${equations.map((e, k) => ` c${k}: ${e}`).join('\n')}\nEnd\n`;
    expect(highs.solve(lp('Minimize'), { output_flag: false }).ObjectiveValue).toBeCloseTo(fr?.value ?? -1, 6);
  });

  it('would catch a leak: with the secondary cells published, some primary cell is pinned down', async () => {
    const reveal = (t: ProtectedTable) => sealProtected(t.dimensions, t.cells.map((c) => (c.status === 'x' ? { ...c, status: 's' as const } : c)));
    expect([...tables.cadre.cells, ...tables.issue.cells].some((c) => c.status === 'x')).toBe(true);
    const leaky = await attackerIntervals({ cadre: reveal(tables.cadre), issue: reveal(tables.issue) });
    expect(leaky.some((h) => h.cell.status === 'u' && h.hi - h.lo < 1e-6)).toBe(true);
  });
});
