/**
 * The files the ingest stages publish for one year (pure, in memory; `publishRun` writes them):
 * - `<year>/clean/mediation.csv`, `<year>/clean/rencontre.csv`: accepted rows, canonical columns;
 * - `<year>/rejects.csv`: `file;row;column;value;reason`;
 * - `<year>/a-verifier.csv`: `file;row;service;rule;values;previous;reason`, accepted rows failing a plausibility rule;
 * - `<year>/manifest.json`: every input with its hash, encoding and row counts, the tool version and
 *   the parameters. No wall-clock time: a date appears only when `sourceDateEpoch` is given.
 * All CSV are the French flavour (`;`, decimal comma, UTF-8 with BOM, CRLF), through `toCsv`.
 *
 * @example
 *   const files = ingestFiles(validated, harmonized, { tool: { name: 'mfer', version: '0.1.0' }, parameters: {} });
 *   files.map((f) => f.path); // ["2024/clean/mediation.csv", "2024/clean/rencontre.csv", "2024/rejects.csv", "2024/manifest.json"]
 */
import type { HarmonizedYear } from '../model/harmonized.ts';
import type { OutputFile } from '../model/output.ts';
import { toCsv, type CsvValue } from './csv.ts';
import { MEDIATION_FIELDS, RENCONTRE_FIELDS } from '../validate/fields.ts';
import { CHECK_COLUMNS } from '../validate/plausibility.ts';
import type { ValidatedYear } from '../validate/types.ts';

export interface ManifestContext {
  tool: { name: string; version: string };
  parameters: Readonly<Record<string, unknown>>;
  /** seconds since 1970 from SOURCE_DATE_EPOCH, if set */
  sourceDateEpoch?: number;
  /** which dictionary file was used for each survey, and the reference folder */
  sources?: Readonly<Record<string, string>>;
}

const FRENCH = { sep: ';', decimalComma: true, bom: true } as const;
export const REJECT_COLUMNS = ['file', 'row', 'column', 'value', 'reason'] as const;

const asCsvRows = (rows: readonly object[]) => rows as readonly Readonly<Record<string, CsvValue>>[];

export function ingestFiles(validated: ValidatedYear, harmonized: HarmonizedYear, context: ManifestContext): OutputFile[] {
  const year = harmonized.year;
  const totals = validated.inputs.reduce(
    (sum, input) => ({
      files: sum.files + 1,
      rows_read: sum.rows_read + input.rows_read,
      rows_accepted: sum.rows_accepted + input.rows_accepted,
      rows_rejected: sum.rows_rejected + input.rows_rejected,
    }),
    { files: 0, rows_read: 0, rows_accepted: 0, rows_rejected: 0 },
  );
  const manifest = {
    year,
    tool: context.tool,
    ...(context.sourceDateEpoch !== undefined ? { source_date: new Date(context.sourceDateEpoch * 1000).toISOString() } : {}),
    parameters: context.parameters,
    sources: context.sources ?? {},
    totals,
    clean: { mediation: harmonized.mediation.length, rencontre: harmonized.rencontre.length },
    notices: validated.notices,
    inputs: validated.inputs,
  };
  return [
    { root: 'data-out', path: `${year}/clean/mediation.csv`, content: toCsv(asCsvRows(harmonized.mediation), MEDIATION_FIELDS, FRENCH) },
    { root: 'data-out', path: `${year}/clean/rencontre.csv`, content: toCsv(asCsvRows(harmonized.rencontre), RENCONTRE_FIELDS, FRENCH) },
    { root: 'data-out', path: `${year}/rejects.csv`, content: toCsv(asCsvRows(validated.rejects), REJECT_COLUMNS, FRENCH) },
    { root: 'data-out', path: `${year}/manifest.json`, content: `${JSON.stringify(manifest, null, 2)}\n` },
    // accepted rows that fail a plausibility rule, for the statistician (header only when there is none)
    { root: 'data-out', path: `${year}/a-verifier.csv`, content: toCsv(asCsvRows(validated.checks ?? []), CHECK_COLUMNS, FRENCH) },
  ];
}
