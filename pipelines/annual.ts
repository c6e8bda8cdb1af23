/**
 * The annual pipeline — the table of contents of mfer (STYLE §1). One line per stage:
 *
 *   reference, register ─┐
 *   returns ── read ── validate ── harmonize ──┬── (publish: indicators + protection) ── (render)
 *   dictionaries ┘                              └── clean data, rejects, manifest
 *                                                          └──────────── publishRun (atomic) ──▶ data-out/, reports/
 *   suivi/<year>/ (follow-up, when present) ── screen ─┬─ cohorts (DuckDB) ── protection ──┘
 *                                                     └─ impact: matching, bootstrap, survival (DuckDB) ── protection ──┘
 *
 * Years are processed oldest first and every `HarmonizedYear` is kept (`history`), because the
 * indicators of a year need the year before (evolutions): with `--year 2024`, 2023 is read too (when
 * present) for `history`, but only 2024 is published. With protection workers (`workers`), a year's
 * protection starts as soon as it is harmonized and a year is rendered as soon as it is published, so
 * reading, protecting and rendering overlap; the outputs are the same bytes. Nothing is written before the end: every
 * stage returns `OutputFile`s and `publishRun` swaps them in at once.
 *
 * @example
 *   const result = await annual({ input: 'data-raw', out: 'data-out', reports: 'reports' });
 *   result.exitCode; // 0
 */
import { join } from 'node:path';
import { harmonize } from '../src/harmonize/harmonize.ts';
import { ingestFiles } from '../src/harmonize/ingest-files.ts';
import { loadDictionaries } from '../src/ingest/dictionaries.ts';
import { loadGeography } from '../src/ingest/geography.ts';
import { loadRegister } from '../src/ingest/register.ts';
import { serviceDepartments } from '../src/ingest/services-register.ts';
import { listYears, readReturns } from '../src/ingest/read-returns.ts';
import { loadFollowUpPublication, readFollowUp } from '../src/ingest/suivi.ts';
import { followUpStage } from '../src/suivi/stage.ts';
import { impactStage } from '../src/impact/stage.ts';
import { loadImpactRules } from '../src/ingest/impact-config.ts';
import { pooledEngine, protectionEngine, type Engine } from '../src/runtime/engine.ts';
import { publishYears, startProtection } from '../src/indicators/publish-years.ts';
import { absentSurveys, type ProtectedYear } from '../src/indicators/publish.ts';
import { progressMessages } from '../src/indicators/messages.ts';
import { secrecyCounts } from '../src/indicators/summary.ts';
import { openPool } from '../src/runtime/protect-pool.ts';
import { loadPublicationConfig } from '../src/ingest/publication-config.ts';
import { publishRun } from '../src/io/publish-run.ts';
import { createRunLog, timingsRequested, type RunLog } from '../src/io/run-log.ts';
import { toolVersion } from '../src/io/tool-version.ts';
import type { HarmonizedYear } from '../src/model/harmonized.ts';
import type { OutputFile } from '../src/model/output.ts';
import type { Publication } from '../src/model/publication.ts';
import type { WorkbookRenderer } from '../src/render/index.ts';
import { DATA_FOLDER } from '../src/render/annex.ts';
import { startedEarly } from '../src/runtime/early.ts';
import { openWorkbookPool } from '../src/runtime/workbook-pool.ts';
import { validate } from '../src/validate/validate.ts';
import type { ValidatedYear } from '../src/validate/types.ts';
import { harmonizeCounts, readCounts, renderSummary, runLogFiles, runSummary, unusableYear, validateCounts, warningsOf, type AnnualOptions, type AnnualResult } from './annual-options.ts';

export type { AnnualOptions, AnnualResult } from './annual-options.ts';

export async function annual(options: AnnualOptions): Promise<AnnualResult> {
  // started first, the workers load while the returns are read
  const pool = (options.workers ?? 0) > 0 ? openPool(options.workers ?? 0) : undefined;
  // with them, the years' workbooks are rendered on one more worker thread (started when
  // the first workbook is asked), while this thread renders the pages
  const books = pool ? openWorkbookPool(1) : undefined;
  try {
    return await run(options, pool ? pooledEngine(pool) : protectionEngine, pool !== undefined, books?.render);
  } finally {
    await Promise.all([pool?.close(), books?.close()]);
  }
}

/**
 * `early`: each year's protection starts once it is harmonized (workers protect while the next year
 * is read); `workbooks`: where the workbooks are rendered, when not here.
 */
async function run(options: AnnualOptions, engine: Engine, early: boolean, workbooks?: WorkbookRenderer): Promise<AnnualResult> {
  const log = options.log ?? (() => {});
  const sources = { reference: options.reference ?? join(options.input, 'reference'), dictionaries: options.dictionaries ?? 'pipelines/config/surveys', publication: options.publication ?? 'pipelines/config' };
  const followUp = readFollowUp(options.input, options.suivi ?? 'pipelines/config/suivi'); // follow-up when present (issue 23); a file holding a direct identifier stops the run here, nothing written
  const followUpConfig = followUp.length > 0 ? loadFollowUpPublication(options.suivi ?? 'pipelines/config/suivi') : undefined;
  const impactRules = followUp.length > 0 ? loadImpactRules(sources.publication) : undefined; // the impact method's parameters (issue 24)
  const geography = loadGeography(sources.reference);
  const listed = loadRegister(sources.reference, new Set(geography.departments.map((d) => d.code))); // known services (optional)
  const register = options.consent === false ? listed.map(({ consent: _, ...service }) => service) : listed; // --sans-consentement
  const owners = serviceDepartments(register); // each known service's department, for validation
  const dictionaries = loadDictionaries(sources.dictionaries);
  const available = listYears(options.input);
  const years = options.years ?? available;
  const context = { tool: toolVersion(), parameters: { input: options.input, years, strict: options.strict ?? false, ...(options.consent === false ? { consent: false } : {}) }, sources, sourceDateEpoch: options.sourceDateEpoch };

  const history: HarmonizedYear[] = [];
  const validatedYears: ValidatedYear[] = [];
  const files: OutputFile[] = [];
  const runLogs = new Map<number, RunLog>();
  const publication = loadPublicationConfig(sources.publication);
  const started = new Map<number, Promise<ProtectedYear>>();
  const unpublished: number[] = [];
  const unusable: ValidatedYear[] = [];
  const validatedByYear = new Map<number, ValidatedYear>();
  for (const year of withPreviousYears(years, available)) {
    const runLog = createRunLog();
    const returns = await runLog.stage('lecture', () => readReturns(options.input, year), readCounts);
    const validated = await runLog.stage('validation', () => validate(returns, dictionaries, geography, { register: owners, previous: validatedByYear.get(year - 1) }), validateCounts);
    validatedByYear.set(year, validated);
    const harmonized = await runLog.stage('harmonisation', () => harmonize(validated, geography, register), harmonizeCounts);
    const ingested = ingestFiles(validated, harmonized, context);
    runSummary(returns, validated, harmonized).forEach((line) => log(line));
    history.push(harmonized);
    if (early) started.set(year, startProtection(engine, harmonized, publication));
    if (!years.includes(year)) continue; // read only for the evolutions of the year after
    warningsOf(validated).forEach((warning) => runLog.warn(warning));
    // a year without one accepted row (a stray future folder) publishes no table and replaces nothing:
    // its rejects, manifest and run log are written only where that year has no outputs yet
    if (!isUsable(validated)) {
      unusableYear(validated).forEach((line) => log(line));
      unpublished.push(year);
      unusable.push(validated);
      runLogs.set(year, runLog);
      files.push(...ingested);
      continue;
    }
    absentSurveys(harmonized).forEach((survey) => runLog.warn(progressMessages.surveyAbsent(year, survey)));
    runLogs.set(year, runLog);
    validatedYears.push(validated);
    files.push(...ingested);
  }
  // the render stage (vega, vega-lite: about 0.6 s of loading through tsx) is loaded only now,
  // while the workers protect, instead of before the returns are read
  const renderer = startedEarly(import('../src/render/index.ts'));
  // each year is rendered as soon as it is published, while the workers protect the later ones
  const rendering: Promise<OutputFile[]>[] = [];
  const publishing = years.filter((year) => !unpublished.includes(year));
  const latest = Math.max(...publishing);
  const [followUpOut, impactOut] = await Promise.all([
    followUpStage(followUp, latest, geography, validatedYears.map((v) => ({ year: v.year, mediation: v.mediation.rows, rencontre: v.rencontre.rows })), engine, followUpConfig), // src/suivi: cohorts (DuckDB), protected outcome tables, linkage audit
    impactStage(followUp, latest, geography, engine, impactRules, followUpConfig?.rules), // src/impact: effects of mediation (matching, bootstrap), survival curves, every count protected
  ]);
  files.push(...followUpOut.files, ...impactOut.files);
  const followUpFailures = [...followUpOut.failures, ...impactOut.failures];
  const latestExtras = { ...(followUpOut.long ? { followUp: followUpOut.long } : {}), ...(impactOut.publication ? { impact: impactOut.publication } : {}) };
  const onPublished = (p: Publication) =>
    rendering.push(startedEarly(renderer.then((r) => r.startRender(p.year === latest ? { ...p, ...latestExtras } : p, latest, r.generatedAt(options.sourceDateEpoch), workbooks))));
  const published = await publishYears(history, publication, { only: publishing, engine, started, onPublished }); // src/indicators: protected tables, audit trail
  published.lines.forEach((line) => log(line));
  published.publications.forEach((p) => runLogs.get(p.year)?.record({ name: 'secret statistique', counts: secrecyCounts(p) })); // producer-only
  files.push(...published.files);
  files.push(...published.files.filter((f) => /^\d{4}\/tables\/[^/]+\.csv$/.test(f.path)).map(reportCopy)); // the report's downloadable tables, beside it
  const reports = (await Promise.all(rendering)).flat(); // src/render: national report, court pages, workbooks
  renderSummary(reports).forEach((line) => log(line));
  files.push(...reports);
  files.push(...runLogFiles(runLogs, context, timingsRequested()));
  const written = [...publishing, ...unpublished].sort((a, b) => a - b);
  if (written.length > 0 && published.failures.length === 0 && followUpFailures.length === 0) await publishRun({ roots: { 'data-out': options.out, reports: options.reports }, years: written, files, provisional: unpublished });

  return { years: publishing, unpublished, history, validated: validatedYears, unusable, files, exitCode: published.failures.length + followUpFailures.length > 0 ? 5 : exitCode(validatedYears, options.strict ?? false) };
}

/** The years to publish and, for their evolutions, the year before each when present; oldest first. */
function withPreviousYears(years: readonly number[], available: readonly number[]): number[] {
  const read = new Set(years);
  for (const year of years) if (available.includes(year - 1)) read.add(year - 1);
  return [...read].sort((a, b) => a - b);
}

/** Whether a year has at least one accepted row, in either survey. */
function isUsable(validated: ValidatedYear): boolean {
  return validated.mediation.rows.length + validated.rencontre.rows.length > 0;
}

/** Non-zero only when nothing could be processed, or with `--strict` when anything was rejected or is to be checked. */
function exitCode(validated: readonly ValidatedYear[], strict: boolean): number {
  const accepted = validated.reduce((sum, v) => sum + v.mediation.rows.length + v.rencontre.rows.length, 0);
  if (accepted === 0) return 1;
  if (strict && validated.some((v) => v.rejects.length > 0 || (v.checks?.length ?? 0) > 0)) return 3; // a value to check fails a strict run too
  return 0;
}

/** A table of `data-out/<year>/tables/` copied to `reports/<year>/donnees/`, where the national report links to it. */
function reportCopy(file: OutputFile): OutputFile {
  return { ...file, root: 'reports', path: file.path.replace('/tables/', `/${DATA_FOLDER}/`) };
}
