/**
 * Reference geography: the 101 departments and their two hierarchies that do not nest
 * (department → region → zone → France, department → court of appeal → zone → France). The zones
 * (France métropolitaine, DROM) nest with both: every region and every court lies in one zone.
 *
 * Codes in the `geo` dimension of every published table:
 * - department: its COG code, a string ("01", "2A", "976");
 * - region: "R" + COG region code ("R84", "R01");
 * - court of appeal: "CA-" + upper-case ASCII slug of the city ("CA-LYON", "CA-AIX-EN-PROVENCE");
 * - zone: "FRM" (France métropolitaine) or "DROM" (départements et régions d'outre-mer);
 * - France: "FR".
 */
export const FRANCE = 'FR';
export const METROPOLE = 'FRM';
export const DROM = 'DROM';

export interface Department {
  code: string;
  name: string;
  region: string; // "R84"
  court: string; // "CA-LYON"
  /** "FRM" or "DROM"; absent only when the geography has no zone level (small test geographies) */
  zone?: string;
  population: number;
}

export interface Area {
  code: string;
  name: string;
}

/** Parent/child rows of one hierarchy, with France at its root. */
export interface HierarchyEdge {
  child: string;
  parent: string;
}

export interface Geography {
  departments: readonly Department[];
  regions: readonly Area[];
  courts: readonly Area[];
  /** France métropolitaine then DROM; empty when the geography has no zone level */
  zones: readonly Area[];
  /** department → region, region → zone, zone → FR (region → FR without zones) */
  regionHierarchy: readonly HierarchyEdge[];
  /** department → court of appeal, court → zone, zone → FR (court → FR without zones) */
  courtHierarchy: readonly HierarchyEdge[];
  /** every code of the geo dimension → its French label ("Ain", "Auvergne-Rhône-Alpes", "Cour d'appel de Lyon", "France") */
  labels: Readonly<Record<string, string>>;
  /** every code → population (departments from the reference, areas summed) */
  population: Readonly<Record<string, number>>;
}
