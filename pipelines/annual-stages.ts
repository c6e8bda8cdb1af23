/**
 * The stages of `mfer annual` as `annual.ts` lists them, each over every year of the run: what they
 * call in src/, the run log of each year, the progress lines. Kept apart so that `annual.ts` stays
 * a table of contents (STYLE §1).
 *
 * Years are processed oldest first and every `HarmonizedYear` is kept (`history`), because the
 * indicators of a year need the year before (evolutions): with `--year 2024`, 2023 is read too (when
 * present), but only 2024 is published. Read, validate and harmonize pass the years on one at a time
 * (async generators), so when the runtime protects beside this thread (workers), a year's protection
 * begins as soon as it is harmonized, while the next year is read; the render stage starts loading
 * while the follow-up is computed, and a year is rendered as soon as it is published: reading,
 * protecting, following up and rendering overlap; the outputs are the same bytes.
 */
import { join } from 'node:path';
import { harmonize } from '../src/harmonize/harmonize.ts';
import { ingestFiles } from '../src/format/ingest-files.ts';
import { loadDictionaries } from '../src/ingest/dictionaries.ts';
import { loadGeography } from '../src/ingest/geography.ts';
import { loadImpactRules } from '../src/ingest/impact-config.ts';
import { loadPublicationConfig } from '../src/ingest/publication-config.ts';
import { listYears, readReturns } from '../src/ingest/read-returns.ts';
import { loadRegister } from '../src/ingest/register.ts';
import { serviceDepartments } from '../src/ingest/services-register.ts';
import { loadFollowUpPublication, readFollowUp } from '../src/ingest/suivi.ts';
import type { YearReturns } from '../src/ingest/types.ts';
import { impactStage } from '../src/impact/stage.ts';
import { progressMessages } from '../src/indicators/messages.ts';
import { publishYears as publishAll, startProtection, type PublishedYears } from '../src/indicators/publish-years.ts';
import { absentSurveys, type ProtectedYear } from '../src/indicators/publish.ts';
import { secrecyCounts } from '../src/indicators/summary.ts';
import { publishRun } from '../src/io/publish-run.ts';
import { createRunLog, timingsRequested, type RunLog } from '../src/io/run-log.ts';
import { toolVersion } from '../src/io/tool-version.ts';
import type { HarmonizedYear } from '../src/model/harmonized.ts';
import type { OutputFile } from '../src/model/output.ts';
import type { Publication } from '../src/model/publication.ts';
import { DATA_FOLDER } from '../src/render/annex.ts';
import type { WorkbookRenderer } from '../src/render/index.ts';
import type { Runtime } from '../src/runtime/annual.ts';
import { startedEarly } from '../src/runtime/early.ts';
import type { Engine } from '../src/runtime/engine.ts';
import { followUpStage } from '../src/suivi/stage.ts';
import { rowCounts } from '../src/validate/counts.ts';
import type { ValidatedYear } from '../src/validate/types.ts';
import { validate } from '../src/validate/validate.ts';
import { harmonizeCounts, readCounts, renderSummary, runLogFiles, runSummary, unusableYear, validateCounts, warningsOf, type AnnualOptions, type AnnualResult } from './annual-options.ts';

/** Everything the run reads before the returns: reference, register, dictionaries, catalogue, follow-up files. */
export type Inputs = ReturnType<typeof loadInputs>;

export function loadInputs(options: AnnualOptions) {
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
  const catalogue = loadPublicationConfig(sources.publication);
  return { options, log, followUp, followUpConfig, impactRules, geography, register, owners, dictionaries, available, years, context, catalogue };
}

/** A year's returns with its run log; `validated` once validated. */
export interface ReadYear {
  year: number;
  runLog: RunLog;
  returns: YearReturns;
}

/**
 * Read: the returns of each year asked and of the year before each (for its evolutions), oldest
 * first. The years come one at a time, as the next stage asks for them: each year is validated,
 * harmonized (and its protection begun) before the next one is read.
 */
export async function* readYears(inputs: Inputs): AsyncGenerator<ReadYear> {
  for (const year of withPreviousYears(inputs.years, inputs.available)) {
    const runLog = createRunLog();
    yield { year, runLog, returns: await runLog.stage('lecture', () => readReturns(inputs.options.input, year), readCounts) };
  }
}

export interface ValidYear extends ReadYear {
  validated: ValidatedYear;
}

/** Validate: typed rows, rejects and values to check, each year against the year before it (one year at a time). */
export async function* validateYears(read: AsyncIterable<ReadYear>, inputs: Inputs): AsyncGenerator<ValidYear> {
  const byYear = new Map<number, ValidatedYear>();
  for await (const year of read) {
    const validated = await year.runLog.stage('validation', () => validate(year.returns, inputs.dictionaries, inputs.geography, { register: inputs.owners, previous: byYear.get(year.year - 1) }), validateCounts);
    byYear.set(year.year, validated);
    yield { ...year, validated };
  }
}

/** The survey years after harmonizing, as the later stages need them. */
export interface Surveys {
  /** every year read, harmonized, oldest first */
  history: HarmonizedYear[];
  /** the years to publish (asked, with at least one accepted row) */
  publishing: number[];
  /** the years asked without one accepted row: they publish nothing and replace nothing */
  unpublished: number[];
  validated: ValidatedYear[];
  unusable: ValidatedYear[];
  /** clean data, rejects and manifest of each year asked */
  files: OutputFile[];
  runLogs: Map<number, RunLog>;
  /** protections begun as each year was harmonized (when the runtime protects beside this thread) */
  started: Map<number, Promise<ProtectedYear>>;
}

/**
 * Harmonize: each year's rows in the publication's terms. This stage drives the two before it, one
 * year at a time: when the runtime protects beside this thread, a year's protection begins here,
 * before the next year is read, so that the workers protect while this thread reads.
 */
export async function harmonizeYears(read: AsyncIterable<ValidYear>, inputs: Inputs, runtime: Runtime): Promise<Surveys> {
  const out: Surveys = { history: [], publishing: [], unpublished: [], validated: [], unusable: [], files: [], runLogs: new Map(), started: new Map() };
  for await (const { year, runLog, returns, validated } of read) {
    const harmonized = await runLog.stage('harmonisation', () => harmonize(validated, inputs.geography, inputs.register), harmonizeCounts);
    const ingested = ingestFiles(validated, harmonized, inputs.context);
    runSummary(returns, validated, harmonized).forEach((line) => inputs.log(line));
    out.history.push(harmonized);
    if (runtime.parallel) out.started.set(year, startProtection(runtime.engine, harmonized, inputs.catalogue));
    if (!inputs.years.includes(year)) continue; // read only for the evolutions of the year after
    warningsOf(validated).forEach((warning) => runLog.warn(warning));
    out.runLogs.set(year, runLog);
    out.files.push(...ingested);
    // a year without one accepted row (a stray future folder) publishes no table and replaces nothing:
    // its rejects, manifest and run log are written only where that year has no outputs yet
    if (rowCounts(validated).accepted === 0) {
      unusableYear(validated).forEach((line) => inputs.log(line));
      out.unpublished.push(year);
      out.unusable.push(validated);
      continue;
    }
    absentSurveys(harmonized).forEach((survey) => runLog.warn(progressMessages.surveyAbsent(year, survey)));
    out.validated.push(validated);
    out.publishing.push(year);
  }
  return out;
}

export interface FollowUp {
  files: OutputFile[];
  failures: string[];
  /** what the latest year's report adds: the follow-up's long table and the impact's publication */
  latestExtras: Partial<Pick<Publication, 'followUp' | 'impact'>>;
}

/** Follow-up when present: cohorts (DuckDB), effects of mediation and survival curves, every count protected. */
export function followUp(surveys: Surveys, inputs: Inputs, engine: Engine): Promise<FollowUp> {
  return startedEarly(
    (async () => {
      const latest = Math.max(...surveys.publishing);
      const surveyRows = surveys.validated.map((v) => ({ year: v.year, mediation: v.mediation.rows, rencontre: v.rencontre.rows }));
      const [cohorts, impact] = await Promise.all([
        followUpStage(inputs.followUp, latest, inputs.geography, surveyRows, engine, inputs.followUpConfig), // src/suivi: cohorts (DuckDB), protected outcome tables, linkage audit
        impactStage(inputs.followUp, latest, inputs.geography, engine, inputs.impactRules, inputs.followUpConfig?.rules), // src/impact: matching, bootstrap, survival, every count protected
      ]);
      return {
        files: [...cohorts.files, ...impact.files],
        failures: [...cohorts.failures, ...impact.failures],
        latestExtras: { ...(cohorts.view ? { followUp: cohorts.view } : {}), ...(impact.publication ? { impact: impact.publication } : {}) },
      };
    })(),
  );
}

/** The publish stage under way: each year's publication as soon as it is complete, then the whole. */
export interface Publishing {
  /** one per year of `Surveys.publishing`, in that order */
  years: Promise<Publication>[];
  done: Promise<PublishedYears>;
}

/** Publish: protected tables and audit trail, year by year (each year handed on as soon as it is complete). */
export function publish(surveys: Surveys, followUpDone: Promise<FollowUp>, inputs: Inputs, engine: Engine): Publishing {
  const handed = surveys.publishing.map(() => deferred<Publication>());
  const done = startedEarly(
    (async () => {
      await followUpDone; // the follow-up's protections go first, as the latest report needs them
      let next = 0;
      const published = await publishAll(surveys.history, inputs.catalogue, { only: surveys.publishing, engine, started: surveys.started, onPublished: (p) => handed[next++].resolve(p) });
      published.lines.forEach((line) => inputs.log(line));
      published.publications.forEach((p) => surveys.runLogs.get(p.year)?.record({ name: 'secret statistique', counts: secrecyCounts(p) })); // producer-only
      return published;
    })(),
  );
  done.catch((error: unknown) => handed.forEach((h) => h.reject(error)));
  return { years: handed.map((h) => h.promise), done };
}

/** Render: national report, court pages and workbooks of each year, begun as soon as the year is published. */
export function render(publishing: Publishing, followUpDone: Promise<FollowUp>, surveys: Surveys, inputs: Inputs, workbooks?: WorkbookRenderer): Promise<OutputFile[]> {
  // the render stage's packages (vega, vega-lite, exceljs) load only now, while the workers protect
  const renderer = startedEarly(import('../src/render/index.ts'));
  const latest = Math.max(...surveys.publishing);
  const years = publishing.years.map((year) =>
    startedEarly(
      (async () => {
        const [r, p, extras] = await Promise.all([renderer, year, followUpDone.then((f) => f.latestExtras)]);
        return r.startRender(p.year === latest ? { ...p, ...extras } : p, latest, r.generatedAt(inputs.options.sourceDateEpoch), workbooks);
      })(),
    ),
  );
  return startedEarly(
    (async () => {
      const reports = (await Promise.all(years)).flat();
      await publishing.done;
      renderSummary(reports).forEach((line) => inputs.log(line));
      return reports;
    })(),
  );
}

/** Write: every file of the run swapped in at once (`publishRun`), when nothing failed; the run's result. */
export async function write(surveys: Surveys, followUpDone: Promise<FollowUp>, publishing: Publishing, rendering: Promise<OutputFile[]>, inputs: Inputs): Promise<AnnualResult> {
  const extra = await followUpDone;
  const published = await publishing.done;
  const reports = await rendering;
  const files = [
    ...surveys.files,
    ...extra.files,
    ...published.files,
    ...[...published.files, ...extra.files].filter((f) => /^\d{4}\/tables\/[^/]+\.csv$/.test(f.path)).map(reportCopy), // the report's downloadable tables (follow-up and impact included), beside it
    ...reports,
    ...runLogFiles(surveys.runLogs, inputs.context, timingsRequested()),
  ];
  const failed = published.failures.length + extra.failures.length > 0;
  const written = [...surveys.publishing, ...surveys.unpublished].sort((a, b) => a - b);
  if (written.length > 0 && !failed) await publishRun({ roots: { 'data-out': inputs.options.out, reports: inputs.options.reports }, years: written, files, provisional: surveys.unpublished });
  const { publishing: years, unpublished, history, validated, unusable } = surveys;
  return { years, unpublished, history, validated, unusable, files, exitCode: failed ? 5 : exitCode(validated, inputs.options.strict ?? false) };
}

/** The years to publish and, for their evolutions, the year before each when present; oldest first. */
function withPreviousYears(years: readonly number[], available: readonly number[]): number[] {
  const read = new Set(years);
  for (const year of years) if (available.includes(year - 1)) read.add(year - 1);
  return [...read].sort((a, b) => a - b);
}

/** Non-zero only when nothing could be processed, or with `--strict` when anything was rejected or is to be checked. */
function exitCode(validated: readonly ValidatedYear[], strict: boolean): number {
  const accepted = validated.reduce((sum, v) => sum + rowCounts(v).accepted, 0);
  if (accepted === 0) return 1;
  if (strict && validated.some((v) => v.rejects.length > 0 || (v.checks?.length ?? 0) > 0)) return 3; // a value to check fails a strict run too
  return 0;
}

/** A table of `data-out/<year>/tables/` copied to `reports/<year>/donnees/`, where the national report links to it. */
function reportCopy(file: OutputFile): OutputFile {
  return { ...file, root: 'reports', path: file.path.replace('/tables/', `/${DATA_FOLDER}/`) };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = startedEarly(new Promise<T>((res, rej) => ((resolve = res), (reject = rej))));
  return { promise, resolve, reject };
}
