/**
 * Where impact estimates are published: France, France métropolitaine and DROM, and the regions with
 * at least `minTreated` treated and `minCompared` matched comparison children; never departments.
 * Counts that a reader could derive by difference are kept out of the 1…(minCount − 1) range:
 * - France métropolitaine and DROM are published together or not at all (one is France minus the other);
 * - France minus the published regions (the other regions together) must hold 0 or at least
 *   `minCount` children in each count, else the smallest published region is withheld too, until it does.
 *
 * @example
 *   publishedTerritories(counts, { minTreated: 200, minCompared: 200, minCount: 11 }); // Set { 'FR', … }
 */
import { DROM, FRANCE, METROPOLE as METRO } from '../model/geography.ts';

// France and the zones: the codes of the common geography
export { DROM, FRANCE, METRO };

/** the zone of a department: DROM for the overseas ones (codes 97x), France métropolitaine otherwise */
export const zoneOf = (departement: string): string => (departement.startsWith('97') ? DROM : METRO);

/** the territories of a department: France, its zone and its region */
export function territoriesOf(departement: string, region: string): string[] {
  return [FRANCE, zoneOf(departement), region];
}

export interface TerritoryCounts {
  geo: string;
  /** all treated children */
  treated: number;
  /** matched treated children */
  matchedTreated: number;
  /** all comparison children */
  compared: number;
  /** matched comparison children */
  matchedCompared: number;
}

export interface SizeRule {
  minTreated: number;
  minCompared: number;
  minCount: number;
}

const KEYS = ['treated', 'matchedTreated', 'compared', 'matchedCompared'] as const;

export function publishedTerritories(counts: readonly TerritoryCounts[], rule: SizeRule): Set<string> {
  const big = (c: TerritoryCounts | undefined): boolean =>
    c !== undefined && c.matchedTreated >= rule.minTreated && c.matchedCompared >= rule.minCompared;
  const byGeo = new Map(counts.map((c) => [c.geo, c]));
  const out = new Set<string>();
  const france = byGeo.get(FRANCE);
  if (!big(france) || !france) return out;
  out.add(FRANCE);
  if (big(byGeo.get(METRO)) && big(byGeo.get(DROM))) {
    out.add(METRO);
    out.add(DROM);
  }
  const regions = counts.filter((c) => c.geo !== FRANCE && c.geo !== METRO && c.geo !== DROM && big(c));
  regions.sort((a, b) => b.matchedTreated - a.matchedTreated || (a.geo < b.geo ? -1 : 1));
  const small = (n: number): boolean => n > 0 && n < rule.minCount;
  while (regions.length > 0) {
    const rest = KEYS.map((k) => france[k] - regions.reduce((s, r) => s + r[k], 0));
    if (!rest.some(small)) break;
    regions.pop();
  }
  for (const r of regions) out.add(r.geo);
  return out;
}
