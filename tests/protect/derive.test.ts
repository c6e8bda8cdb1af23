/**
 * Derived figures inherit secrecy: a rate, share, evolution or median built from a suppressed cell is
 * suppressed; a median over fewer than 3 structures is a primary suppression.
 * Input tables are sealed directly here (tests only) to pin their statuses.
 */
import { cellAt, derive, inheritanceViolations, median, stack, type DerivedCell } from '../../src/protect/derive.ts';
import { sealProtected } from '../../src/protect/protected-table.ts';
import type { Cell, CellStatus } from '../../src/protect/types.ts';

function cell(geo: string, code: string, value: number, status: CellStatus = 's'): Cell {
  return { codes: [geo, code], value, contributors: 3, status };
}

/** Ended mediations in two departments: D1's judicial count is a primary, its total a secondary. */
const cadre = sealProtected(
  ['geo', 'cadre'],
  [cell('D1', 'judiciaire', 3, 'u'), cell('D1', 'conventionnelle', 40), cell('D1', 'ENS', 43, 'x'), cell('D2', 'judiciaire', 20), cell('D2', 'conventionnelle', 60), cell('D2', 'ENS', 80)],
);
const population: Record<string, number> = { D1: 200_000, D2: 50_000 };

const per100k = (geo: string): DerivedCell => ({
  codes: [geo, 'mediations_100k'],
  inputs: [{ table: cadre, codes: [geo, 'ENS'] }],
  compute: ([n]) => (n * 100_000) / population[geo],
});
const shareJudicial = (geo: string): DerivedCell => ({
  codes: [geo, 'part_judiciaire'],
  inputs: [
    { table: cadre, codes: [geo, 'judiciaire'] },
    { table: cadre, codes: [geo, 'ENS'] },
  ],
  compute: ([j, n]) => (n > 0 ? (100 * j) / n : null),
});

describe('derive', () => {
  const recipes = ['D1', 'D2'].flatMap((geo) => [per100k(geo), shareJudicial(geo)]);
  const table = derive(['geo', 'indicateur'], recipes);
  const at = (geo: string, code: string) => cellAt(table, [geo, code]);

  it('computes rates and shares from the true values', () => {
    expect(at('D2', 'mediations_100k').value).toBeCloseTo(160, 10);
    expect(at('D2', 'part_judiciaire').value).toBeCloseTo(25, 10);
    expect(at('D2', 'mediations_100k').status).toBe('s');
  });

  it('suppresses a rate whose numerator is suppressed, although the population is public', () => {
    expect(at('D1', 'mediations_100k').status).not.toBe('s');
  });

  it('takes the strongest status of its inputs (u over x)', () => {
    expect(at('D1', 'mediations_100k').status).toBe('x');
    expect(at('D1', 'part_judiciaire').status).toBe('u');
  });

  it('keeps the true value of a suppressed derived cell (the s sign is for rendering)', () => {
    expect(at('D1', 'part_judiciaire').value).toBeCloseTo((100 * 3) / 43, 10);
  });

  it('leaves out a cell whose value is undefined (division by zero)', () => {
    const empty = sealProtected(['geo', 'cadre'], [cell('D3', 'ENS', 0), cell('D3', 'judiciaire', 0)]);
    const t = derive(['geo', 'indicateur'], [{ codes: ['D3', 'part'], inputs: [{ table: empty, codes: ['D3', 'judiciaire'] }, { table: empty, codes: ['D3', 'ENS'] }], compute: ([j, n]) => (n > 0 ? j / n : null) }]);
    expect(t.cells).toHaveLength(0);
  });

  it('reads a cell absent from a cube as a published zero', () => {
    expect(cellAt(cadre, ['D9', 'ENS'])).toMatchObject({ value: 0, status: 's', contributors: 0 });
  });

  it('leaves out a cell built on an absent derived input (not applicable), instead of reading it as zero', () => {
    // a share of D2 exists, none of D3 (its total was zero): a change of D3's share is not defined
    const shares = derive(['geo', 'indicateur'], [shareJudicial('D2')]);
    const change = (geo: string): DerivedCell => ({
      codes: [geo, 'part_judiciaire'],
      inputs: [{ table: shares, codes: [geo, 'part_judiciaire'], absent: 'undefined' }, { table: cadre, codes: [geo, 'ENS'] }],
      compute: ([share, n]) => share - n,
    });
    const t = derive(['geo', 'evolution'], [change('D2'), change('D3')]);
    expect(t.cells.map((c) => c.codes[0])).toEqual(['D2']);
    expect(t.cells[0].value).toBeCloseTo(25 - 80, 10);
  });

  it('suppresses a median over fewer than minCount structures as a primary', () => {
    const t = derive(['geo'], [
      { codes: ['D1'], median: [10, 30], minCount: 3 },
      { codes: ['D2'], median: [10, 30, 20], minCount: 3 },
    ]);
    expect(cellAt(t, ['D1']).status).toBe('u');
    expect(cellAt(t, ['D2'])).toMatchObject({ value: 20, status: 's', contributors: 3 });
  });

  it('publishes a median over too few structures when all of them consented, never when one did not', () => {
    const t = derive(['geo'], [
      { codes: ['D1'], median: [10, 30], minCount: 3, consented: 2 },
      // one of two consented: the median (their mean) and the consenting value give the other one
      { codes: ['D2'], median: [10, 30], minCount: 3, consented: 1 },
      { codes: ['D3'], median: [12], minCount: 3, consented: 1 },
      { codes: ['D4'], median: [12], minCount: 3, consented: 0 },
    ]);
    expect(cellAt(t, ['D1'])).toMatchObject({ value: 20, status: 's' });
    expect(cellAt(t, ['D2']).status).toBe('u');
    expect(cellAt(t, ['D3'])).toMatchObject({ value: 12, status: 's' });
    expect(cellAt(t, ['D4']).status).toBe('u');
  });

  it('flags a published median of too few structures that did not all consent', () => {
    const cells: DerivedCell[] = [
      { codes: ['D1'], median: [10, 30], minCount: 3, consented: 1 },
      { codes: ['D2'], median: [10, 30], minCount: 3, consented: 2 },
    ];
    const tampered = sealProtected(['geo'], [
      { codes: ['D1'], value: 20, contributors: 2, status: 's' },
      { codes: ['D2'], value: 20, contributors: 2, status: 's' },
    ]);
    expect(inheritanceViolations(tampered, cells)).toEqual(['D1']);
  });

  it('refuses a computed cell without protected inputs (it could brand any number as published)', () => {
    expect(() => derive(['geo'], [{ codes: ['D1'], inputs: [], compute: () => 42 }])).toThrow(/D1/);
  });

  it('finds no violation in a derived table and flags a tampered one', () => {
    expect(inheritanceViolations(table, recipes)).toEqual([]);
    const tampered = sealProtected(table.dimensions, table.cells.map((c) => ({ ...c, status: 's' as const })));
    expect(inheritanceViolations(tampered, recipes)).toEqual(['D1 × mediations_100k', 'D1 × part_judiciaire']);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('stack', () => {
  it('adds an indicator code to each geo-only table and keeps every status and value', () => {
    const a = sealProtected(['geo'], [{ codes: ['D1'], value: 4, contributors: 1, status: 'u' }]);
    const b = sealProtected(['geo'], [{ codes: ['D1'], value: 9, contributors: 2, status: 's' }]);
    const t = stack('indicateur', [
      { code: 'familles', table: a },
      { code: 'enfants', table: b },
    ]);
    expect(t.dimensions).toEqual(['geo', 'indicateur']);
    expect(cellAt(t, ['D1', 'familles'])).toMatchObject({ value: 4, status: 'u' });
    expect(cellAt(t, ['D1', 'enfants'])).toMatchObject({ value: 9, status: 's' });
  });
});
