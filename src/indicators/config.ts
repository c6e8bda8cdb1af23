/**
 * The publication's catalogue (`pipelines/config/tables.json`) and rule sets
 * (`pipelines/config/protect.json`), as the indicators stage sees them once
 * `src/ingest/publication-config.ts` has read and checked them.
 */
import type { Publisher, TableDisplay, TableSurvey } from '../model/publication.ts';
import type { RuleSet } from '../protect/types.ts';

/** How a measure of a `measures` table is computed over the rows of one area. */
export type Aggregate = 'sum' | 'count' | 'median';

/** A protected cell of another table of the publication: table id and its non-geo code (the total included). */
export interface CellSource {
  table: string;
  code: string;
}

/**
 * How a code of a `derived` table is computed (each derived cell inherits the secrecy of its inputs):
 * - `per100k`: the source cell per 100 000 inhabitants of the territory;
 * - `share`: the sum of the numerators in % of the denominator;
 * - `change`: the change of the source cell on the previous year, in % (a level) or in points (a share);
 * - `ratio`: one code of the same table in % of another (a response rate);
 * - `departments`: the departments with no known service of any of the listed surveys (none: every department);
 * - `services`: the services of a survey known from the register, or those that answered.
 */
export type CodeRecipe =
  | { kind: 'per100k'; of: CellSource }
  | { kind: 'share'; numerators: readonly CellSource[]; denominator: CellSource }
  | { kind: 'change'; change: 'percent' | 'points'; of: CellSource }
  | { kind: 'ratio'; numerator: string; denominator: string }
  | { kind: 'departments'; without: readonly ('mediation' | 'rencontre')[] }
  | { kind: 'services'; survey: 'mediation' | 'rencontre'; which: 'known' | 'respondents' };

/**
 * How a `derived` table is built, and which recipes its codes may have:
 * - `rates`: `per100k` and `share` over protected cells of this year;
 * - `evolution`: `change` on the previous year's publication (absent in the first year);
 * - `coverage`: `departments`, public counts through the engine with no rule;
 * - `response`: `services` (public counts) and `ratio` between them.
 */
export type TableRecipe = 'rates' | 'evolution' | 'coverage' | 'response';

export const RECIPE_KINDS: Readonly<Record<TableRecipe, readonly CodeRecipe['kind'][]>> = {
  rates: ['per100k', 'share'],
  evolution: ['change'],
  coverage: ['departments'],
  response: ['services', 'ratio'],
};

export interface CodeConfig {
  code: string;
  label: string;
  /** this code's unit when the table mixes units ("En jours" beside "En nombre de familles") */
  unit?: string;
  /** row field (column of `data-out/<year>/clean/*.csv`) holding this code's value */
  field?: string;
  /** `measures` tables only: how the measure is built (count = number of structures) */
  aggregate?: Aggregate;
  /** `measures` tables only: the rule set protecting this measure */
  ruleSet?: string;
  /** decimals to show for this code when they differ from the table's */
  decimals?: number;
  /** crossed tables: the survey this code's figure comes from (its `-` / `nd` marks follow that survey) */
  survey?: 'mediation' | 'rencontre';
  /** `derived` tables: how this code is computed */
  recipe?: CodeRecipe;
}

/**
 * - `cube`: geo × one dimension with a total, one value per row and code, protected by the engine
 *   (jointly with the tables of the same `link`);
 * - `measures`: geo × separate indicators with no total between them, one cube per indicator;
 * - `derived`: rates, shares, evolutions, coverage, built from protected cells by `derive`.
 */
export type TableKind = 'cube' | 'measures' | 'derived';

export interface TableConfig {
  id: string;
  number: number;
  survey: TableSurvey;
  kind: TableKind;
  /** tables sharing cells carry the same link and are protected together */
  link?: string;
  /** `cube` tables: the rule set of every cell */
  ruleSet?: string;
  /** `cube` tables: name of the value column in the audit files */
  measure?: string;
  /** `derived` tables: how the table is built (its codes carry their recipes) */
  recipe?: TableRecipe;
  /** how the renderers show the table: charts, maps, key figures, its place on court pages */
  display?: TableDisplay;
  /** the table needs the previous year's publication (absent in the first year) */
  needsPrevious?: boolean;
  /** evolutions: when one is not significant (`ns`) */
  evolution?: { minBase: number; maxRespondentChange: number };
  /** templates: {numero}, {annee}, {annee_precedente}, {valeur} */
  title: string;
  unit: string;
  decimals: number;
  dimension: {
    name: string;
    label: string;
    total?: string;
    totalLabel?: string;
    codes: readonly CodeConfig[];
  };
  lecture: string;
  /** code of the second dimension the Lecture sentence reads at France level (default: the first) */
  lectureCode?: string;
  champ: string;
  source: string;
  note: string;
}

/** `protect.json` as read: rule sets, what each applies to, the median threshold. */
export type ProtectConfig = import('../model/publication.ts').SecrecyRules;

export interface PublicationConfig {
  tables: readonly TableConfig[];
  protect: ProtectConfig;
  /** `publication.json`: producers, contact, date (absent in unit tests' catalogues) */
  publisher?: Publisher;
}
