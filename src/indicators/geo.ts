/**
 * The `geo` dimension of every published table: departments rolling up to regions and, separately,
 * to courts of appeal — one dimension with two hierarchies that do not nest (STYLE §5) — then both
 * to the zones (France métropolitaine, DROM), which nest with each, then to France.
 *
 * @example
 *   const dim = geoDimension(geography);
 *   dim.hierarchies.region['01']; // "R84"
 *   dim.hierarchies.ca['01'];     // "CA-LYON"
 */
import { FRANCE, type Geography } from '../model/geography.ts';
import type { DimensionSpec, Hierarchy } from '../protect/types.ts';

export const GEO = 'geo';

export type GeoLevel = 'france' | 'zone' | 'region' | 'cour_appel' | 'departement';

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

/**
 * Display order: France, the zones (France métropolitaine, DROM), regions, courts of appeal,
 * departments (areas metropolitan first, as the geography lists them).
 */
export function geoOrder(geography: Geography): string[] {
  return [
    FRANCE,
    ...geography.zones.map((a) => a.code),
    ...geography.regions.map((a) => a.code),
    ...geography.courts.map((a) => a.code),
    ...geography.departments.map((d) => d.code),
  ];
}

export function geoLevel(geography: Geography, code: string): GeoLevel {
  if (code === FRANCE) return 'france';
  if (geography.zones.some((a) => a.code === code)) return 'zone';
  if (geography.regions.some((a) => a.code === code)) return 'region';
  if (geography.courts.some((a) => a.code === code)) return 'cour_appel';
  return 'departement';
}

export const geoLevelLabels: Readonly<Record<GeoLevel, string>> = {
  france: 'France',
  zone: 'France métropolitaine / DROM',
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
    for (const area of d.zone === undefined ? [d.region, d.court] : [d.region, d.court, d.zone]) {
      const list = members.get(area) ?? [];
      list.push(d.code);
      members.set(area, list);
    }
  }
  return members;
}
