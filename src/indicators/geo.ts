/**
 * The `geo` dimension of every published table: departments rolling up to regions and, separately,
 * to courts of appeal — one dimension with two hierarchies that do not nest (STYLE §5).
 *
 * @example
 *   const dim = geoDimension(geography);
 *   dim.hierarchies.region['01']; // "R84"
 *   dim.hierarchies.ca['01'];     // "CA-LYON"
 */
import { FRANCE, type Geography } from '../model/geography.ts';
import type { DimensionSpec, Hierarchy } from '../protect/types.ts';

export const GEO = 'geo';

export type GeoLevel = 'france' | 'region' | 'cour_appel' | 'departement';

function toHierarchy(edges: Geography['regionHierarchy']): Hierarchy {
  return Object.fromEntries(edges.map((e) => [e.child, e.parent]));
}

export function geoDimension(geography: Geography): DimensionSpec {
  return {
    name: GEO,
    total: FRANCE,
    hierarchies: { region: toHierarchy(geography.regionHierarchy), ca: toHierarchy(geography.courtHierarchy) },
  };
}

/** Display order: France, regions, courts of appeal, departments (each in the reference's order). */
export function geoOrder(geography: Geography): string[] {
  return [FRANCE, ...geography.regions.map((a) => a.code), ...geography.courts.map((a) => a.code), ...geography.departments.map((d) => d.code)];
}

export function geoLevel(geography: Geography, code: string): GeoLevel {
  if (code === FRANCE) return 'france';
  if (geography.regions.some((a) => a.code === code)) return 'region';
  if (geography.courts.some((a) => a.code === code)) return 'cour_appel';
  return 'departement';
}

export const geoLevelLabels: Readonly<Record<GeoLevel, string>> = {
  france: 'France',
  region: 'Région',
  cour_appel: "Cour d'appel",
  departement: 'Département',
};

/** Every geo code → the departments it covers (a department covers itself). */
export function geoMembers(geography: Geography): Map<string, string[]> {
  const members = new Map<string, string[]>();
  members.set(FRANCE, geography.departments.map((d) => d.code));
  for (const d of geography.departments) {
    members.set(d.code, [d.code]);
    for (const area of [d.region, d.court]) {
      const list = members.get(area) ?? [];
      list.push(d.code);
      members.set(area, list);
    }
  }
  return members;
}
