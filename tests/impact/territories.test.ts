import { DROM, FRANCE, METRO, publishedTerritories, territoriesOf, type TerritoryCounts } from '../../src/impact/territories.ts';

const rule = { minTreated: 200, minCompared: 200, minCount: 11 };
const area = (geo: string, matchedTreated: number, matchedCompared: number, extraTreated = 0, extraCompared = 0): TerritoryCounts => ({
  geo, matchedTreated, matchedCompared, treated: matchedTreated + extraTreated, compared: matchedCompared + extraCompared,
});

describe('where impact estimates are published', () => {
  test('a department belongs to France, its half and its region', () => {
    expect(territoriesOf('974', 'R04')).toEqual([FRANCE, DROM, 'R04']);
    expect(territoriesOf('2A', 'R94')).toEqual([FRANCE, METRO, 'R94']);
  });

  test('regions need 200 treated and 200 matched comparison children', () => {
    const counts = [area(FRANCE, 1000, 3000), area(METRO, 900, 2800), area(DROM, 100, 200), area('R11', 600, 2000), area('R84', 300, 199), area('R93', 100, 801)];
    const out = publishedTerritories(counts, rule);
    expect([...out].sort()).toEqual([FRANCE, 'R11']);
  });

  test('métropole and DROM go together: one is France minus the other', () => {
    const counts = [area(FRANCE, 1000, 3000), area(METRO, 700, 2000), area(DROM, 300, 1000)];
    expect(publishedTerritories(counts, rule).has(METRO)).toBe(true);
    expect(publishedTerritories(counts.map((c) => (c.geo === DROM ? area(DROM, 199, 1000) : c)), rule).has(METRO)).toBe(false);
  });

  test('France minus the published regions never leaves 1 to 10 children: the smallest region is withheld too', () => {
    // R11 and R84 publishable; the rest of France holds 5 treated children
    const counts = [area(FRANCE, 805, 3000), area('R11', 500, 1500), area('R84', 300, 1000), area('R93', 5, 500)];
    expect([...publishedTerritories(counts, rule)].sort()).toEqual([FRANCE, 'R11']);
    // with 11 children left, both regions stay
    const enough = [area(FRANCE, 811, 3000), area('R11', 500, 1500), area('R84', 300, 1000), area('R93', 11, 500)];
    expect([...publishedTerritories(enough, rule)].sort()).toEqual([FRANCE, 'R11', 'R84']);
  });

  test('nothing is published when France itself is too small', () => {
    expect(publishedTerritories([area(FRANCE, 150, 3000), area('R11', 150, 3000)], rule).size).toBe(0);
  });
});
