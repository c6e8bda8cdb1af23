/**
 * What the indicators stage hands to the renderers: numbered, titled, protected tables for one year.
 * Renderers accept nothing else; every figure they show comes from a `ProtectedTable` cell and is
 * shown only when its status is `s` (published).
 */
import type { ProtectedTable } from '../protect/protected-table.ts';
import type { YearCoverage } from './coverage.ts';
import type { Geography } from './geography.ts';

export type TableSurvey = 'mediation' | 'rencontre' | 'croise';

export interface TableMeta {
  /** file-safe id, e.g. "med-terminees-cadre" */
  id: string;
  /** table number in the publication ("Tableau 3 – …") */
  number: number;
  /** full French title, "Tableau 3 – Médiations familiales terminées selon le cadre, par territoire, en 2024" */
  title: string;
  /** "En nombre", "En %", "En euros", "Pour 100 000 habitants", "En jours" */
  unit: string;
  survey: TableSurvey;
  /** tables sharing cells (the same total broken down differently) carry the same link */
  link?: string;
  /** "Lecture : …" sentence (without the "Lecture :" prefix), reading one published cell */
  lecture: string;
  /**
   * the Lecture sentence before its France value is read: the template (year filled, `{valeur}` left,
   * "en France" naming the place) and the code it reads, so a court page reads its own cell
   */
  reading?: { template: string; code: string };
  champ: string;
  source: string;
  note: string;
}

/**
 * What a reader sees instead of a figure: `-` nothing by nature (no service of that kind), `nd` not
 * available (known services, no usable return), `///` not applicable, `ns` not significant (an
 * evolution on a small base or on changed respondents). `s` (secret) is a status, not a mark.
 */
export type Mark = '-' | 'nd' | '///' | 'ns';

/**
 * How the renderers show a table, read from the catalogue (`display` in `pipelines/config/tables.json`):
 * no renderer keeps a map keyed by table id, so a table added to the catalogue is shown by what it
 * declares here, and by the defaults when it declares nothing.
 */
export interface TableDisplay {
  /**
   * the codes drawn as bar charts of France in the national report, in this order; `none`: no bar
   * chart (a table drawn as maps); absent: every code but the total
   */
  chart?: readonly string[] | 'none';
  /** codes drawn as maps of departments in the national report */
  maps?: readonly string[];
  /** 0/1 flags of departments, whose departments at 1 are listed by name under the table (white zones) */
  flags?: readonly string[];
  /** `evolution`: the table is shown in the national report's evolution section, not its survey's */
  section?: 'evolution';
  /** headline figures of the national report (and columns of its annex), in catalogue order */
  keyFigures?: readonly { code: string; label: string }[];
  /** France's value year by year, charted in the evolution section */
  evolutionSeries?: readonly { code: string; label: string }[];
  /**
   * court pages: `waiting` puts the table first, under the waiting-lists heading, each of its codes
   * charted by department — those of `comparedWithFrance` (not sums: a median) beside the court and France
   */
  court?: { role: 'waiting'; comparedWithFrance?: readonly string[] };
}

export interface PublicationTable {
  meta: TableMeta;
  /** how the renderers show it (absent: the defaults of `TableDisplay`) */
  display?: TableDisplay;
  year: number;
  /** cells; the first dimension is always `geo` (department, region, court of appeal, France) */
  table: ProtectedTable;
  /** dimension name → code → French label (geo labels included) */
  labels: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** display order of the codes of each non-geo dimension (total last) */
  order: Readonly<Record<string, readonly string[]>>;
  /** the total code of the second dimension, when the table has one (the catalogue's `dimension.total`) */
  total?: string;
  /** the unit of a code whose unit differs from the table's (`meta.unit`), by code */
  units?: Readonly<Record<string, string>>;
  /**
   * a table of changes on the previous year (croise-evolution): for each of its codes, the table and
   * code whose change it gives, in % (a level) or in points (a share or a rate in %)
   */
  changes?: Readonly<Record<string, { table: string; code: string; change: 'percent' | 'points' }>>;
  /** decimals to show (0 for counts, 1 for rates, 2 for FTE) */
  decimals: number;
  /** the decimals of a code that differ from the table's (`decimals`), by code */
  codeDecimals?: Readonly<Record<string, number>>;
  /** `geo \u0001 code` → the mark shown instead of the figure (see `Mark`); never on a secret cell */
  marks: ReadonlyMap<string, Mark>;
  /**
   * what the protection did on this table, as a reader may know it: how many cells are secret, never
   * how many by which kind of secrecy (primary / secondary: `audit/summary.json` only)
   */
  protection: { cells: number; suppressed: number; shareSuppressed: number; audit: 'ok' | 'echec' };
}

/** Who publishes (`pipelines/config/publication.json`): printed in every report, never the tool's name. */
export interface Publisher {
  producers: readonly string[];
  contact: string;
  /** publication date, AAAA-MM-JJ */
  date?: string;
  collection?: string;
  issn?: string;
  /** the sample's values: every report says its figures are fictitious */
  fictitious: boolean;
}

import type { FollowUpView } from '../suivi/publish.ts';
import type { ImpactPublication } from '../impact/stage.ts';
import type { RuleSet } from '../protect/types.ts';

export interface Publication {
  year: number;
  /** absent when the catalogue was loaded without its publication block (unit tests) */
  publisher?: Publisher;
  /** known services against respondents (response rates, evolutions on changed respondents) */
  coverage?: YearCoverage;
  geography: Geography;
  tables: readonly PublicationTable[];
  /** the same publication for earlier years present in the input, oldest first (for evolutions) */
  history: readonly { year: number; tables: readonly PublicationTable[] }[];
  /** the protected follow-up cohort tables (issue 23), on the latest year when follow-up files exist */
  followUp?: FollowUpView;
  /** the protected impact estimates and survival curves (issue 24), on the latest year when follow-up files exist */
  impact?: ImpactPublication;
  /** the secrecy rules applied (`protect.json`): the methodology is written from them */
  secrecy: SecrecyRules;
}

/**
 * The secrecy rules of a publication as `pipelines/config/protect.json` states them. The methodology
 * (report pages, workbooks, the rules table of `docs/methodology.md`) is written from these, never
 * from thresholds copied into its text.
 */
export interface SecrecyRules {
  /** rule sets by name, in file order, each with what it applies to in words (« Effectifs de personnes, de familles, … ») */
  ruleSets: Readonly<Record<string, RuleSet & { label: string }>>;
  /** a median (or mean) over fewer structures is suppressed */
  medianMinStructures: number;
}

/**
 * A Lecture sentence read at `value` (shown as `valeur`): `{valeur}` filled, then each `[singular|plural]`
 * of the template agreed with the value — singular below 2, as French counts (« 1 espace de
 * rencontre était connu », « 0,8 médiation », « 3 espaces … étaient connus »).
 *
 * @example
 *   readLecture('En 2025, {valeur} [famille attendait|familles attendaient].', 1, '1'); // "En 2025, 1 famille attendait."
 */
export function readLecture(template: string, value: number, valeur: string): string {
  return template.replaceAll('{valeur}', valeur).replace(/\[([^|\]]*)\|([^\]]*)\]/g, (_, singular: string, plural: string) => (Math.abs(value) < 2 ? singular : plural));
}
