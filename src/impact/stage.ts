/**
 * The impact stage of `mfer annual` (issue 24), when follow-up files are present: the follow-up files
 * up to the run's latest year go into an in-memory DuckDB, the method runs (`impactTables`: cohorts
 * whose 24-month outcomes are observed, N − 2 and earlier), the espaces de rencontre paths are
 * described (`rencontrePaths`), every count behind them goes through the protection engine
 * (`protectImpact`), and the result is written as `tables/impact-mediation.long.csv` (the
 * contract) and `tables/impact-mediation.csv` (for people), with the protection audit in the audit
 * trail. The national report's "Impact" section is drawn from `publication` (src/render/impact.ts).
 *
 * @example
 *   const out = await impactStage(followUp, 2025, geography, engine, rules, protection);
 *   out.files.map((f) => f.path); // ["2025/tables/impact-mediation.long.csv", …]
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { Engine } from '../runtime/engine.ts';
import type { Geography } from '../model/geography.ts';
import type { OutputFile } from '../model/output.ts';
import type { RuleSet } from '../protect/types.ts';
import type { SuiviFile } from '../format/suivi.ts';
import { formatImpactCsv, formatImpactLongCsv } from '../format/impact-csv.ts';
import { impactTables, type ImpactResult } from './impact.ts';
import { loadFollowUpTables } from './load.ts';
import { impactCounts, protectImpact } from './protect.ts';
import { rencontrePaths, type RencontreCurve } from './rencontre.ts';
import type { ImpactRules } from './rules.ts';

/** what the national report shows: the protected estimates and curves */
export interface ImpactPublication {
  result: ImpactResult;
  rencontre: RencontreCurve[];
  /** the run's rule on the curves' steps (`impact.json`), which the charts' note quotes */
  survivalRule: Pick<ImpactRules, 'minAtRisk' | 'minEvents'>;
}

export async function impactStage(
  followUp: readonly { year: number; files: readonly SuiviFile[] }[],
  latest: number,
  geography: Geography,
  engine: Engine,
  rules: ImpactRules | undefined,
  protection: RuleSet | undefined,
): Promise<{ files: OutputFile[]; failures: string[]; publication?: ImpactPublication }> {
  if (followUp.length === 0 || rules === undefined || protection === undefined || !Number.isFinite(latest)) return { files: [], failures: [] };
  const files = followUp.filter((y) => y.year <= latest).flatMap((y) => y.files);
  const departments = geography.departments.map((d) => ({ code: d.code, region: d.region }));
  // in memory; DuckDB spills to its own temporary files only beyond its memory limit
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    await loadFollowUpTables(connection, files);
    const result = await impactTables(connection, latest, departments, { rules });
    const rencontre = await rencontrePaths(connection, latest, { rencontre: 'suivi_rencontre', justice: 'suivi_justice' }, rules);
    const counts = await impactCounts(connection, latest - 2);
    const safe = await protectImpact(result, counts, rencontre, departments, engine, protection);
    const published: ImpactResult = { ...result, effects: safe.effects, survival: safe.survival };
    const labels = geography.labels;
    const out: OutputFile[] = [
      { root: 'data-out', path: `${latest}/tables/impact-mediation.long.csv`, content: formatImpactLongCsv(published.effects) },
      { root: 'data-out', path: `${latest}/tables/impact-mediation.csv`, content: formatImpactCsv(published.effects, latest, labels) },
      { root: 'data-out', path: `${latest}/audit/impact/protection.json`, content: `${JSON.stringify({ ok: safe.failures.length === 0, failures: safe.failures }, null, 2)}\n` },
    ];
    return { files: out, failures: safe.failures, publication: { result: published, rencontre: safe.rencontre, survivalRule: { minAtRisk: rules.minAtRisk, minEvents: rules.minEvents } } };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
