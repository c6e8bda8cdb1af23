/**
 * The publication's catalogue (`pipelines/config/tables.json`) and rule sets
 * (`pipelines/config/protect.json`), as the indicators stage sees them once
 * `src/ingest/publication-config.ts` has read and checked them.
 */
import type { Publisher, TableSurvey } from '../model/publication.ts';
import type { RuleSet } from '../protect/types.ts';

/** How a measure of a `measures` table is computed over the rows of one area. */
export type Aggregate = 'sum' | 'count' | 'median';

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
