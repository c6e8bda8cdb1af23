/**
 * Reference geography: `data-raw/reference/{departements,region,cour-appel}.csv` → `Geography`.
 * `buildGeography` is pure (texts in) and checks the invariants: 101 departments, each in exactly one
 * region and one court of appeal, every parent known, no cycle, a single root `FR`, departments three
 * levels below the root (department → region or court → zone → FR), and the zones nest with both
 * hierarchies: the same zones, under the same names, and a department's region and court in the
 * same zone. It throws an `Error` with a French message naming the file and the code.
 * Overseas collectivities (`perimetre = collectivite_outre_mer`) are outside the scope and skipped.
 *
 * @example
 *   const geography = loadGeography('data-raw/reference');
 *   geography.labels['CA-LYON']; // "Cour d'appel de Lyon"
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { FRANCE, type Area, type Department, type Geography, type HierarchyEdge } from '../model/geography.ts';
import { geographyMessages as m } from './messages.ts';

export const DEPARTMENT_COUNT = 101;
export const REFERENCE_FILES = { departements: 'departements.csv', region: 'region.csv', courAppel: 'cour-appel.csv' } as const;

export interface ReferenceTexts {
  departements: string;
  region: string;
  courAppel: string;
}

type Record_ = Record<string, string>;

function records(text: string, file: string, columns: readonly string[]): Record_[] {
  const rows = parse(text.replace(/^\ufeff/, ''), { columns: true, skip_empty_lines: true, trim: true }) as Record_[];
  for (const column of columns) if (rows.length > 0 && !Object.hasOwn(rows[0], column)) throw new Error(m.missingColumn(file, column));
  return rows;
}

interface Hierarchy {
  areas: Area[];
  zones: Area[];
  edges: HierarchyEdge[];
  parentOf: Map<string, string>;
  names: Map<string, string>;
}

/** Parses and checks one parent/child table; departments must sit three levels below FR. */
function hierarchy(text: string, file: string, departmentCodes: readonly string[]): Hierarchy {
  const rows = records(text, file, ['code', 'nom', 'parent']);
  const parentOf = new Map<string, string>();
  const names = new Map<string, string>();
  const roots: string[] = [];
  for (const row of rows) {
    if (names.has(row.code)) throw new Error(m.duplicateChild(file, row.code));
    names.set(row.code, row.nom);
    if (row.parent === '') roots.push(row.code);
    else parentOf.set(row.code, row.parent);
  }
  if (roots.length !== 1 || roots[0] !== FRANCE) throw new Error(m.roots(file, roots));
  for (const [code, parent] of parentOf) if (!names.has(parent)) throw new Error(m.unknownParent(file, code, parent));
  for (const start of names.keys()) {
    const seen = new Set<string>();
    for (let code: string | undefined = start; code !== undefined; code = parentOf.get(code)) {
      if (seen.has(code)) throw new Error(m.cycle(file, start));
      seen.add(code);
    }
  }
  const departments = new Set(departmentCodes);
  for (const code of departmentCodes) {
    const parent = parentOf.get(code);
    if (parent === undefined) throw new Error(m.departmentMissing(file, code));
    const zone = parentOf.get(parent);
    if (departments.has(parent) || zone === undefined || zone === FRANCE || parentOf.get(zone) !== FRANCE) throw new Error(m.wrongDepth(file, code));
  }
  // zones in the file's order (France métropolitaine first), areas metropolitan first, then by code
  const zoneCodes = [...names.keys()].filter((code) => parentOf.get(code) === FRANCE);
  const usedZones = new Set(departmentCodes.map((code) => parentOf.get(parentOf.get(code) as string) as string));
  const zoneRank = new Map(zoneCodes.filter((z) => usedZones.has(z)).map((z, i) => [z, i]));
  const rank = (area: string) => zoneRank.get(parentOf.get(area) as string) as number;
  const areaCodes = [...new Set(departmentCodes.map((code) => parentOf.get(code) as string))].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const areas = areaCodes.map((code) => ({ code, name: names.get(code) as string }));
  const zones = [...zoneRank.keys()].map((code) => ({ code, name: names.get(code) as string }));
  const edges = [
    ...departmentCodes.map((code) => ({ child: code, parent: parentOf.get(code) as string })),
    ...areaCodes.map((code) => ({ child: code, parent: parentOf.get(code) as string })),
    ...zones.map((z) => ({ child: z.code, parent: FRANCE })),
  ];
  return { areas, zones, edges, parentOf, names };
}

/** Pure: the three reference texts → checked `Geography` (throws with a French message). */
export function buildGeography(texts: ReferenceTexts): Geography {
  const rows = records(texts.departements, REFERENCE_FILES.departements, ['code_departement', 'nom', 'population_municipale', 'perimetre']).filter(
    (row) => row.perimetre === 'departement',
  );
  const codes = rows.map((row) => row.code_departement);
  if (new Set(codes).size !== DEPARTMENT_COUNT || codes.length !== DEPARTMENT_COUNT) {
    throw new Error(m.departmentCount(new Set(codes).size, DEPARTMENT_COUNT));
  }
  // every rate per 100 000 inhabitants divides by these: an empty, zero or non-numeric population
  // would give a wrong rate for the department's region, court and France, silently
  for (const row of rows) {
    if (!/^\d+$/.test(row.population_municipale.trim()) || Number(row.population_municipale) === 0) {
      throw new Error(m.badPopulation(REFERENCE_FILES.departements, row.code_departement, row.population_municipale));
    }
  }
  const regions = hierarchy(texts.region, REFERENCE_FILES.region, codes);
  const courts = hierarchy(texts.courAppel, REFERENCE_FILES.courAppel, codes);
  // the zones nest with both hierarchies: same codes and names in both files, and each department
  // reaches the same zone through its region and through its court
  const zoneKey = (zones: readonly Area[]) => zones.map((z) => `${z.code}\u0001${z.name}`).join('\u0002');
  if (zoneKey(regions.zones) !== zoneKey(courts.zones)) {
    throw new Error(m.zonesDiffer(regions.zones.map((z) => `${z.code} (${z.name})`), courts.zones.map((z) => `${z.code} (${z.name})`)));
  }
  const zoneOf = (h: Hierarchy, code: string) => h.parentOf.get(h.parentOf.get(code) as string) as string;
  const departments: Department[] = rows.map((row) => {
    const code = row.code_departement;
    const zone = zoneOf(regions, code);
    if (zoneOf(courts, code) !== zone) throw new Error(m.zoneMismatch(code, zone, zoneOf(courts, code)));
    return {
      code,
      name: row.nom,
      region: regions.parentOf.get(code) as string,
      court: courts.parentOf.get(code) as string,
      zone,
      population: Number(row.population_municipale),
    };
  });
  const labels: Record<string, string> = Object.create(null);
  const population: Record<string, number> = Object.create(null);
  labels[FRANCE] = 'France';
  population[FRANCE] = 0;
  for (const area of [...regions.zones, ...regions.areas, ...courts.areas]) {
    labels[area.code] = area.name;
    population[area.code] = 0;
  }
  for (const d of departments) {
    labels[d.code] = d.name;
    population[d.code] = d.population;
    population[d.region] += d.population;
    population[d.court] += d.population;
    population[d.zone as string] += d.population;
    population[FRANCE] += d.population;
  }
  return {
    departments,
    regions: regions.areas,
    courts: courts.areas,
    zones: regions.zones,
    regionHierarchy: regions.edges,
    courtHierarchy: courts.edges,
    labels,
    population,
  };
}

function readText(dir: string, file: string): string {
  const path = join(dir, file);
  if (!existsSync(path)) throw new Error(m.missingFile(path));
  return readFileSync(path, 'utf8');
}

/** Reads `<dir>/{departements,region,cour-appel}.csv` and builds the checked geography. */
export function loadGeography(dir: string): Geography {
  return buildGeography({
    departements: readText(dir, REFERENCE_FILES.departements),
    region: readText(dir, REFERENCE_FILES.region),
    courAppel: readText(dir, REFERENCE_FILES.courAppel),
  });
}
