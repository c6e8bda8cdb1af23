import { BUSINESS_RULES, dominance, hasPrimaryRule, minFrequency, minValue, pPercent, PRIMARY_RULES, primaryEvidence, primaryFlags, protectionMargin, type CellFacts } from '../../src/protect/primary.ts';

/** Named cells: who contributes what. */
const cell = (...contributions: number[]): CellFacts => {
  const top = [...contributions].sort((a, b) => b - a);
  return { value: top.reduce((s, v) => s + v, 0), contributors: contributions.length, top };
};
const twoServices = cell(10, 10);
const threeServices = cell(4, 4, 4);
const dominantContributor = cell(90, 5, 5);
const closeSecond = cell(50, 45, 2);
const spreadOut = cell(30, 30, 30, 10);
const smallCount = cell(1, 1, 1);
const zeroFromOne = cell(0);

describe('primary rules', () => {
  it('minFrequency: fewer than k distinct contributors, but at least one', () => {
    expect(minFrequency([twoServices, threeServices, zeroFromOne, { value: 0, contributors: 0, top: [] }], 3)).toEqual([true, false, true, false]);
  });

  it('minValue: value > 0 and below the threshold', () => {
    expect(minValue([smallCount, threeServices, zeroFromOne], 5)).toEqual([true, false, false]);
  });

  it('dominance (n, k): the n largest exceed k % of the value', () => {
    expect(dominance([dominantContributor, spreadOut, closeSecond], { n: 1, k: 85 })).toEqual([true, false, false]);
    expect(dominance([dominantContributor, spreadOut, closeSecond], { n: 2, k: 85 })).toEqual([true, false, true]);
    // exactly at k % is not "exceed"
    expect(dominance([cell(85, 15)], { n: 1, k: 85 })).toEqual([false]);
  });

  it('p %: value − largest − second < p % of the largest', () => {
    // closeSecond: 97 − 50 − 45 = 2 < 5 (10 % of 50); spreadOut: 100 − 60 = 40 ≥ 3
    expect(pPercent([closeSecond, spreadOut, cell(7)], 10)).toEqual([true, false, true]);
  });

  it('combines the rules present by OR, and none when the set is empty', () => {
    const cells = [twoServices, smallCount, dominantContributor, spreadOut];
    expect(primaryFlags(cells, { minFrequency: 3, minValue: 5, dominance: { n: 1, k: 85 } })).toEqual([true, true, true, false]);
    expect(primaryFlags(cells, {})).toEqual([false, false, false, false]);
  });

  it('the registry: one entry per rule, each testing one cell against the set and returning its evidence', () => {
    expect(PRIMARY_RULES.map((r) => r.name)).toEqual(['minFrequency', 'minValue', 'dominance', 'pPercent']);
    expect(BUSINESS_RULES).toEqual(['minFrequency', 'dominance', 'pPercent']);
    const [frequency, value] = PRIMARY_RULES;
    expect(frequency.test(twoServices, { minFrequency: 3 })).toEqual({ rule: 'minFrequency', lifted: false });
    // absent from the set, or passing: no verdict
    expect(frequency.test(twoServices, { minValue: 5 })).toBeUndefined();
    expect(value.test(threeServices, { minValue: 5 })).toBeUndefined();
    // what a secrecy committee reads beside the verdict: how many contributors, the largest one's share
    expect(primaryEvidence([dominantContributor, zeroFromOne], { dominance: { n: 1, k: 85 } })).toEqual([
      { fired: ['dominance'], lifted: [], contributors: 3, topShare: 0.9 },
      { fired: [], lifted: [], contributors: 1, topShare: 0 },
    ]);
  });

  it('a set has a primary rule when any registry rule is in it (protectionPercent alone is none)', () => {
    expect(hasPrimaryRule({ protectionPercent: 10 })).toBe(false);
    expect(hasPrimaryRule({})).toBe(false);
    for (const rules of [{ minValue: 5 }, { minFrequency: 3 }, { dominance: { n: 1, k: 85 } }, { pPercent: 10 }]) expect(hasPrimaryRule(rules)).toBe(true);
  });

  it('protection margin: protectionPercent of the value, at least 1', () => {
    expect(protectionMargin(200, { protectionPercent: 10 })).toBe(20);
    expect(protectionMargin(3, { protectionPercent: 10 })).toBe(1);
    expect(protectionMargin(3, {})).toBe(1);
  });
});

describe('consent (law of 7 June 1951: a service agrees to the publication of its own figures)', () => {
  /** A cell whose contributions are [value, consented] pairs: the open facts are the others'. */
  const consenting = (...contributions: [number, boolean][]): CellFacts => ({
    ...cell(...contributions.map(([v]) => v)),
    open: cell(...contributions.filter(([, ok]) => !ok).map(([v]) => v)),
  });
  const business = { minFrequency: 3, dominance: { n: 1, k: 85 } };

  it('lifts a business rule when every contributor consented', () => {
    expect(primaryEvidence([consenting([10, true], [12, true])], business)).toEqual([{ fired: ['minFrequency'], lifted: ['minFrequency'], contributors: 2, topShare: 12 / 22 }]);
    expect(primaryFlags([consenting([10, true], [12, true])], business)).toEqual([false]);
  });

  it('does not lift a department cell of two services when one consents (the other is exposed by subtraction)', () => {
    expect(primaryFlags([consenting([10, true], [12, false])], business)).toEqual([true]);
    expect(primaryEvidence([consenting([10, true], [12, false])], business)[0].lifted).toEqual([]);
  });

  it('lifts dominance when the dominant service consents and the others pass on their own', () => {
    const cells = [consenting([90, true], [5, false], [5, false], [4, false]), consenting([90, false], [5, true], [5, true], [4, true])];
    expect(primaryEvidence(cells, business)).toEqual([
      { fired: ['dominance'], lifted: ['dominance'], contributors: 4, topShare: 90 / 104 },
      { fired: ['dominance'], lifted: [], contributors: 4, topShare: 90 / 104 },
    ]);
  });

  it('never lifts minValue (the persons counted did not consent)', () => {
    const allConsented = consenting([1, true], [1, true]);
    expect(primaryEvidence([allConsented], { minValue: 5 })).toEqual([{ fired: ['minValue'], lifted: [], contributors: 2, topShare: 0.5 }]);
    expect(primaryFlags([allConsented], { minValue: 5, minFrequency: 3 })).toEqual([true]);
  });
});
