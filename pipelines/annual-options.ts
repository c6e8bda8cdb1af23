/** Options, result and progress lines of the annual pipeline (kept apart so `annual.ts` stays a table of contents). */
import type { YearReturns } from '../src/ingest/types.ts';
import type { RunLog } from '../src/io/run-log.ts';
import type { HarmonizedYear } from '../src/model/harmonized.ts';
import type { OutputFile } from '../src/model/output.ts';
import { rowCounts } from '../src/validate/counts.ts';
import { progress } from '../src/validate/messages.ts';
import type { ValidatedYear } from '../src/validate/types.ts';

export interface AnnualOptions {
  /** raw data folder (`returns/<year>/…`, and `reference/` unless `reference` is given) */
  input: string;
  out: string;
  reports: string;
  /** only these years (default: every year under `<input>/returns/`) */
  years?: readonly number[];
  strict?: boolean;
  /**
   * false: the register's consents (column `consentement`) are ignored, every service's figures
   * protected as if none had agreed (`--sans-consentement`: to measure what the consents give)
   */
  consent?: boolean;
  /** reference geography folder (default `<input>/reference`) */
  reference?: string;
  /** survey dictionaries folder (default `pipelines/config/surveys`) */
  dictionaries?: string;
  /** follow-up dictionaries folder (default `pipelines/config/suivi`), read only when `<input>/suivi/` exists */
  suivi?: string;
  /** folder of `tables.json` and `protect.json` (default `pipelines/config`) */
  publication?: string;
  /** SOURCE_DATE_EPOCH, the only date an output may carry */
  sourceDateEpoch?: number;
  /**
   * worker threads for the protection engine (`openPool`); 0, the default, protects in-process.
   * Outputs are the same bytes either way.
   */
  workers?: number;
  /** receives one progress line per stage and year (the CLI writes them on stderr unless --quiet) */
  log?: (line: string) => void;
}

export interface AnnualResult {
  /** the published years */
  years: readonly number[];
  /** years asked for (or found) that had no accepted row: nothing of them is published or replaced */
  unpublished: readonly number[];
  /** one per year read, oldest first: the published years and the year before each (for evolutions) */
  history: readonly HarmonizedYear[];
  validated: readonly ValidatedYear[];
  /** the years without one accepted row (`unpublished`), validated: their rejects count in the last line */
  unusable?: readonly ValidatedYear[];
  files: readonly OutputFile[];
  /** 0; 1 when nothing could be processed; 3 with `strict` when a row was rejected */
  exitCode: number;
}

/** Progress lines of the ingest stages of one year, with their counts and the notices. */
export function runSummary(returns: YearReturns, validated: ValidatedYear, harmonized: HarmonizedYear): string[] {
  const unreadable = validated.inputs.filter((input) => input.problem !== null).length;
  const rows = rowCounts(validated);
  return [
    progress.read(returns.year, returns.returns.length, unreadable),
    ...validated.notices.map(progress.notice),
    ...validated.inputs.filter((input) => input.problem !== null).map((input) => progress.notice(input.problem as string)),
    progress.validated(returns.year, rows.read, rows.accepted, rows.rejected),
    progress.harmonized(returns.year, harmonized.mediation.length, harmonized.rencontre.length),
  ];
}

/** One progress line per year for the render stage: how many pages and workbooks it wrote. */
export function renderSummary(reports: readonly OutputFile[]): string[] {
  const years = [...new Set(reports.map((file) => Number(file.path.split('/')[0])))].sort((a, b) => a - b);
  const count = (year: number, folder: string) => reports.filter((file) => file.path.startsWith(`${year}/${folder}`)).length;
  return years.map((year) => progress.rendered(year, count(year, 'index.html'), count(year, 'cours-appel/'), count(year, 'departements/')));
}

/** Counts recorded in `run.log` for each ingest stage. */
export const readCounts = (returns: YearReturns) => ({ fichiers: returns.returns.length });
export const validateCounts = (validated: ValidatedYear) => {
  const rows = rowCounts(validated);
  return { lignes_lues: rows.read, acceptees: rows.accepted, rejetees: rows.rejected, lignes_de_rejet: validated.rejects.length };
};
export const harmonizeCounts = (harmonized: HarmonizedYear) => ({ mediation: harmonized.mediation.length, rencontre: harmonized.rencontre.length });

/** What is said of a year without any accepted row: why nothing is published, and its first rejects. */
export function unusableYear(validated: ValidatedYear, shown = 20): string[] {
  const lines = [progress.yearUnusable(validated.year, validated.rejects.length)];
  for (const reject of validated.rejects.slice(0, shown)) lines.push(progress.notice(progress.reject(reject)));
  if (validated.rejects.length > shown) lines.push(progress.notice(progress.moreRejects(validated.rejects.length - shown)));
  return lines;
}

/** Warnings of a year for `run.log`: folder notices and files that could not be read. */
export function warningsOf(validated: ValidatedYear): string[] {
  const checks = validated.checks?.length ?? 0;
  return [
    ...validated.notices,
    ...validated.inputs.flatMap((input) => (input.problem !== null ? [input.problem] : [])),
    ...(checks > 0 ? [progress.checks(validated.year, checks)] : []),
  ];
}

/** `<year>/run.log` for each published year (timings only when asked: they are not byte-stable). */
export function runLogFiles(
  runLogs: ReadonlyMap<number, RunLog>,
  context: { tool: { version: string }; parameters: { input: string; years: readonly number[]; strict: boolean } },
  timings: boolean,
): OutputFile[] {
  const parameters = { input: context.parameters.input, years: context.parameters.years.join(', '), strict: context.parameters.strict };
  return [...runLogs].map(([year, runLog]) => ({
    root: 'data-out' as const,
    path: `${year}/run.log`,
    content: runLog.render({ year, version: context.tool.version, parameters, timings }),
  }));
}
