/**
 * Reference geography: the 101 departments and their two hierarchies that do not nest
 * (department → region → France, department → court of appeal → France).
 *
 * Codes in the `geo` dimension of every published table:
 * - department: its COG code, a string ("01", "2A", "976");
 * - region: "R" + COG region code ("R84", "R01");
 * - court of appeal: "CA-" + upper-case ASCII slug of the city ("CA-LYON", "CA-AIX-EN-PROVENCE");
 * - France: "FR".
 */
export const FRANCE = 'FR';

export interface Department {
  code: string;
  name: string;
  region: string; // "R84"
  court: string; // "CA-LYON"
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
  /** department → region, region → FR */
  regionHierarchy: readonly HierarchyEdge[];
  /** department → court of appeal, court → FR */
  courtHierarchy: readonly HierarchyEdge[];
  /** every code of the geo dimension → its French label ("Ain", "Auvergne-Rhône-Alpes", "Cour d'appel de Lyon", "France") */
  labels: Readonly<Record<string, string>>;
  /** every code → population (departments from the reference, areas summed) */
  population: Readonly<Record<string, number>>;
}
