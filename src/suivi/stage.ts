/**
 * The follow-up stage of `mfer annual` (issue 23), when follow-up files are present: cohorts and
 * outcomes (DuckDB), their protected tables, the linkage-quality report and the reconciliation with
 * the survey returns, all as files of the latest published year.
 *
 * @example
 *   const { files, failures } = await followUpStage(followUp, 2025, geography, validated, engine, config);
 */
import type { Engine } from '../runtime/engine.ts';
import type { Geography } from '../model/geography.ts';
import type { OutputFile } from '../model/output.ts';
import type { MediationRow, RencontreRow } from '../model/rows.ts';
import { cohortOutcomes } from './cohorts.ts';
import type { SuiviFile } from '../format/suivi.ts';
import { publishFollowUp, type FollowUpPublicationConfig, type FollowUpView } from './publish.ts';
import { linkageQuality, reconcile } from './quality.ts';
import { followUpFiles } from '../format/suivi-tables.ts';

export interface SurveyYear {
  year: number;
  mediation: readonly MediationRow[];
  rencontre: readonly RencontreRow[];
}

export async function followUpStage(
  followUp: readonly { year: number; files: readonly SuiviFile[] }[],
  latest: number,
  geography: Geography,
  surveys: readonly SurveyYear[],
  engine: Engine,
  config: FollowUpPublicationConfig | undefined,
): Promise<{ files: OutputFile[]; failures: string[]; view?: FollowUpView }> {
  if (followUp.length === 0 || config === undefined || !Number.isFinite(latest)) return { files: [], failures: [] };
  // only what the run's latest year can see: a follow-up folder beyond it waits for its survey year
  const files = followUp.filter((y) => y.year <= latest).flatMap((y) => y.files);
  const counts = await cohortOutcomes(files, latest);
  const publication = await publishFollowUp(counts, geography, engine, config);
  // its page, reports/<latest>/suivi-cohortes.html, is rendered with the reports (src/render/index.ts)
  return { files: followUpFiles(latest, publication, linkageQuality(files), reconcile(files, surveys), geography), failures: publication.failures, view: { long: publication.long, minDenominator: publication.minDenominator, champ: publication.champ } };
}
