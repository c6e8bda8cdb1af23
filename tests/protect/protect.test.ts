import { audit, auditLinked, protect, protectLinked } from '../../src/protect/index.ts';
import type { Contribution, ProtectSpec, RuleSet } from '../../src/protect/types.ts';
import { createRng } from '../../src/sample/prng.ts';
import { flat, key, oneContributorPerCell, pattern, randomTable, refusedBasis, twoHierarchiesGeo, twoWay } from './fixtures.ts';
import { oracleFailures } from './oracle.ts';
import { describeProperties, expectProtected, ruleSets } from './properties.ts';

const statusOf = (cells: readonly { codes: readonly string[]; status: string }[], k: string) => cells.find((c) => c.codes.join(' ') === k)?.status;

describe('protect', () => {
  it('returns the full cube with true values, in a deterministic order', async () => {
    const spec = twoWay({ minValue: 2, protectionPercent: 10 });
    const contributions = oneContributorPerCell(['r1', 'r2', 'r3'], ['c1', 'c2'], [[4, 3], [1, 5], [3, 3]]);
    const table = await protect(spec, contributions);
    expect(table.dimensions).toEqual(['row', 'col']);
    expect(table.cells.map(key)).toEqual(['T T', 'T c1', 'T c2', 'r1 T', 'r1 c1', 'r1 c2', 'r2 T', 'r2 c1', 'r2 c2', 'r3 T', 'r3 c1', 'r3 c2']);
    expect(table.cells.find((c) => key(c) === 'T T')).toMatchObject({ value: 19, contributors: 6, status: 's' });
    expect(statusOf(table.cells, 'r2 c1')).toBe('u');
    expect(table.stats).toMatchObject({ cells: 12, primary: 1, proven: true });
    expect(table.stats.secondary).toBe(table.cells.filter((c) => c.status === 'x').length);
    expect(await oracleFailures(spec, table.cells)).toEqual([]);
  });

  it('protects across two hierarchies that do not nest (regions and courts)', async () => {
    const spec: ProtectSpec = { dimensions: [twoHierarchiesGeo, flat('cat', ['a', 'b'])], contributor: 's', rules: { minFrequency: 3, protectionPercent: 10 } };
    // d1 a has a single contributor; everything else has three or more
    const contributions: Contribution[] = [];
    for (const d of ['d1', 'd2', 'd3', 'd4']) {
      for (const c of ['a', 'b']) {
        const n = d === 'd1' && c === 'a' ? 1 : 3 + ((d.charCodeAt(1) + c.charCodeAt(0)) % 3);
        for (let k = 0; k < n; k++) contributions.push({ codes: [d, c], contributor: `${d}${c}${k}`, value: 1 });
      }
    }
    const table = await protect(spec, contributions);
    expect(statusOf(table.cells, 'd1 a')).toBe('u');
    // the region RA and the court CX both contain d1: each needs another suppressed cell
    expect(await oracleFailures(spec, table.cells)).toEqual([]);
    expect((await audit(spec, contributions, table.cells)).ok).toBe(true);
  });

  it('handles three singletons in a row (cells that must add up to small known totals)', async () => {
    // row r1: three cells of 1, each from one contributor; knowing suppressed cells are ≥ 1 must not pin them
    const spec = twoWay({ minFrequency: 2, protectionPercent: 10 }, ['r1', 'r2', 'r3'], ['c1', 'c2', 'c3']);
    const contributions: Contribution[] = [
      ...['c1', 'c2', 'c3'].map((c) => ({ codes: ['r1', c], contributor: `solo-${c}`, value: 1 })),
      ...['r2', 'r3'].flatMap((r) => ['c1', 'c2', 'c3'].flatMap((c) => [0, 1, 2].map((k) => ({ codes: [r, c], contributor: `${r}${c}${k}`, value: 2 })))),
    ];
    const table = await protect(spec, contributions);
    expect(['r1 c1', 'r1 c2', 'r1 c3'].map((k) => statusOf(table.cells, k))).toEqual(['u', 'u', 'u']);
    expect(await oracleFailures(spec, table.cells)).toEqual([]);
  });

  it('gives cells with identical membership (a region equal to a court) the same status', async () => {
    const geo = { name: 'geo', total: 'FR', hierarchies: { region: { d1: 'RA', d2: 'RA', d3: 'RB', RA: 'FR', RB: 'FR' }, court: { d1: 'CX', d2: 'CX', d3: 'CY', CX: 'FR', CY: 'FR' } } };
    const spec: ProtectSpec = { dimensions: [geo, flat('cat', ['a', 'b', 'c'])], contributor: 's', rules: { minValue: 3, protectionPercent: 10 } };
    const values: Record<string, number[]> = { d1: [1, 8, 9], d2: [7, 6, 9], d3: [6, 7, 8] };
    const contributions = Object.entries(values).flatMap(([d, vs]) => vs.map((v, i) => ({ codes: [d, ['a', 'b', 'c'][i]], contributor: `${d}${i}`, value: v })));
    const table = await protect(spec, contributions);
    for (const c of ['T', 'a', 'b', 'c']) {
      expect([c, statusOf(table.cells, `RA ${c}`)]).toEqual([c, statusOf(table.cells, `CX ${c}`)]);
      expect([c, statusOf(table.cells, `RB ${c}`)]).toEqual([c, statusOf(table.cells, `CY ${c}`)]);
    }
    expect(await oracleFailures(spec, table.cells)).toEqual([]);
  });

  it('protects linked tables jointly: shared cells have one status', async () => {
    const geo = flat('geo', ['d1', 'd2', 'd3'], 'FR');
    const spec = {
      dimensions: [geo, flat('cadre', ['conv', 'jud'], 'ENS'), flat('issue', ['ok', 'ko'], 'ENS')],
      tables: [
        { id: 'cadre', dimensions: ['geo', 'cadre'] },
        { id: 'issue', dimensions: ['geo', 'issue'] },
      ],
      rules: { minValue: 3, protectionPercent: 10 } as RuleSet,
    };
    const services: [string, string, number, number, number, number][] = [
      ['S1', 'd1', 10, 2, 6, 6],
      ['S2', 'd2', 7, 8, 9, 6],
      ['S3', 'd3', 9, 9, 1, 17],
    ];
    const contributions = {
      cadre: services.flatMap(([s, d, conv, jud]) => [{ codes: [d, 'conv'], contributor: s, value: conv }, { codes: [d, 'jud'], contributor: s, value: jud }]),
      issue: services.flatMap(([s, d, , , ok, ko]) => [{ codes: [d, 'ok'], contributor: s, value: ok }, { codes: [d, 'ko'], contributor: s, value: ko }]),
    };
    const result = await protectLinked(spec, contributions);
    for (const g of ['FR', 'd1', 'd2', 'd3']) {
      expect([g, statusOf(result.tables.cadre.cells, `${g} ENS`)]).toEqual([g, statusOf(result.tables.issue.cells, `${g} ENS`)]);
    }
    expect(statusOf(result.tables.cadre.cells, 'd1 jud')).toBe('u');
    expect(statusOf(result.tables.issue.cells, 'd3 ok')).toBe('u');
    expect(result.stats.cells).toBe(result.tables.cadre.cells.length + result.tables.issue.cells.length - 4);
    const cells = { cadre: result.tables.cadre.cells, issue: result.tables.issue.cells };
    expect((await auditLinked(spec, contributions, cells)).failures).toEqual([]);
    // publishing the secondary cells of one table lets the other table give a primary cell away
    const opened = { ...cells, issue: cells.issue.map((c) => (c.status === 'x' ? { ...c, status: 's' as const } : c)) };
    expect((await auditLinked(spec, contributions, opened)).ok).toBe(false);
  });
});

// a few seeds of each property here (the others in tests/e2e/protect-properties.test.ts)
describeProperties({ table: [1, 2], cube: [1, 5], linked: [1, 5] });

describe('protect: on random small tables', () => {
  it('solves again from its own basis when HiGHS refuses the first basis of a repair (a fuzzed three-dimension table)', async () => {
    const { spec, contributions } = refusedBasis;
    const table = await protect(spec, contributions);
    expect(table.stats.proven).toBe(true);
    await expectProtected({}, spec, contributions, table.cells);
  });

  it('metamorphic: shuffled rows and renamed codes give the same pattern', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { spec, contributions } = randomTable(seed, ruleSets[seed % ruleSets.length]);
      const base = pattern((await protect(spec, contributions)).cells);
      const shuffled = createRng(seed + 100).shuffle(contributions);
      expect(pattern((await protect(spec, shuffled)).cells)).toEqual(base);
      // renaming every code (and contributor) keeps the structure, hence the pattern
      const rename = (c: string) => `z${c}`;
      const renamedSpec: ProtectSpec = {
        ...spec,
        dimensions: spec.dimensions.map((d) => ({
          ...d,
          total: rename(d.total),
          hierarchies: Object.fromEntries(Object.entries(d.hierarchies).map(([h, m]) => [h, Object.fromEntries(Object.entries(m).map(([a, b]) => [rename(a), rename(b)]))])),
        })),
      };
      const renamed = contributions.map((c) => ({ ...c, codes: c.codes.map(rename), contributor: rename(c.contributor) }));
      const again = pattern((await protect(renamedSpec, renamed)).cells).map((line) => line.replace(/\bz/g, ''));
      expect(again).toEqual(base);
    }
  });

  it('does not mutate its input', async () => {
    const { spec, contributions } = randomTable(7, ruleSets[1]);
    const before = JSON.stringify({ spec, contributions });
    await protect(spec, contributions);
    expect(JSON.stringify({ spec, contributions })).toBe(before);
  });
});

describe('protect with consents', () => {
  // department d1 has two services in category a: s1 consented, s2 did not
  const spec = (consent: string[]): ProtectSpec => ({ dimensions: [twoHierarchiesGeo, flat('cat', ['a', 'b'])], contributor: 's', rules: { minFrequency: 3, protectionPercent: 10 }, consent });
  const contributions: Contribution[] = ['d1', 'd2', 'd3', 'd4'].flatMap((d) =>
    ['a', 'b'].flatMap((c) => Array.from({ length: d === 'd1' && c === 'a' ? 2 : 4 }, (_, k) => ({ codes: [d, c], contributor: `${d}${c}${k}`, value: 5 + k }))),
  );
  const status = async (consent: string[]) => statusOf((await protect(spec(consent), contributions)).cells, 'd1 a');

  it('keeps a cell of two services primary when one consents, lifts it when both do', async () => {
    expect(await status([])).toBe('u');
    expect(await status(['d1a0'])).toBe('u');
    expect(await status(['d1a0', 'd1a1'])).not.toBe('u');
  });

  it('never lifts minValue on counts of persons, whoever consented', async () => {
    const counts: ProtectSpec = { ...spec(contributions.map((c) => c.contributor)), rules: { minValue: 12, protectionPercent: 10 } };
    const table = await protect(counts, contributions);
    expect(statusOf(table.cells, 'd1 a')).toBe('u');
    expect(await oracleFailures(counts, table.cells)).toEqual([]);
  });
});
