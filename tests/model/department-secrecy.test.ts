import { departmentSecrecy } from '../../src/model/department-secrecy.ts';

const cells = (...rows: [string, string][]) => ({ table: { cells: rows.map(([geo, status]) => ({ codes: [geo, 'T'], status })) } });

describe('departmentSecrecy', () => {
  it('gives each department the share of its cells that are secret, over every table', () => {
    const tables = [cells(['FR', 'x'], ['D1', 'u'], ['D1', 's'], ['D2', 's']), cells(['D1', 'x'], ['D1', 's'], ['D2', 's'], ['D3', 's'])];
    const d = departmentSecrecy(tables, ['D1', 'D2', 'D3', 'D4']);
    expect(d.rows.map((r) => [r.code, r.cells, r.secret])).toEqual([
      ['D1', 4, 2],
      ['D2', 2, 0],
      ['D3', 1, 0],
      ['D4', 0, 0],
    ]);
    // shares 0.5, 0, 0 (D4 has no cell): median 0, 90th percentile 0.4 (0 + 0.8 × 0.5)
    expect(d.median).toBe(0);
    expect(d.p90).toBeCloseTo(0.4, 12);
  });

  it('gives the floor: the share of primary cells, which no secondary pattern goes below', () => {
    const tables = [cells(['D1', 'u'], ['D1', 'x'], ['D1', 's'], ['D1', 's']), cells(['D2', 'x'], ['D2', 's'], ['D3', 'u'], ['D3', 'u'])];
    const d = departmentSecrecy(tables, ['D1', 'D2', 'D3']);
    expect(d.rows.map((r) => [r.code, r.primary])).toEqual([
      ['D1', 1],
      ['D2', 0],
      ['D3', 2],
    ]);
    // primary shares 0.25, 0, 1: median 0.25, 90th percentile 0.25 + 0.8 × 0.75 = 0.85
    expect(d.floor.median).toBeCloseTo(0.25, 12);
    expect(d.floor.p90).toBeCloseTo(0.85, 12);
    // secret shares 0.5, 0.5, 1
    expect(d.median).toBeCloseTo(0.5, 12);
  });

  it('ignores national, regional and court cells', () => {
    expect(departmentSecrecy([cells(['FR', 'u'], ['RA', 'x'], ['D1', 's'])], ['D1']).rows[0]).toEqual({ code: 'D1', cells: 1, secret: 0, primary: 0, share: 0 });
  });
});
