/**
 * `mfer annual [--year YYYY] [--input data-raw] [--out data-out] [--reports reports] [--strict] [--sans-consentement] [--quiet]`
 * Parses the arguments, runs `pipelines/annual.ts`, prints one progress line per stage on stderr,
 * and turns every user-data or configuration problem into a French message (never a stack trace).
 * Exit codes: 0 done; 1 nothing could be processed (or the reference/dictionaries are unreadable);
 * 2 bad arguments; 3 `--strict` and at least one row rejected; 4 another run holds the lock of --out.
 *
 * @example
 *   await runAnnual(['--year', '2024', '--quiet']); // 0
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annual, type AnnualOptions } from '../../pipelines/annual.ts';
import { LockBusyError, withLock } from '../io/lock.ts';
import { systemErrorText } from './system-error.ts';
import { recoverRoots } from '../io/publish-run.ts';
import { listYears } from '../ingest/read-returns.ts';
import { annualMessages as m } from './messages.ts';
import { usage } from './usage.ts';
import type { ValidatedYear } from '../validate/types.ts';

/** A shipped folder: relative to the working directory when run from the repository, else beside this module. */
function shipped(path: string): string {
  return existsSync(path) ? path : fileURLToPath(new URL(`../../${path}`, import.meta.url));
}

const VALUE_OPTIONS = ['--year', '--input', '--out', '--reports'] as const;

type Parsed = { options: AnnualOptions; quiet: boolean } | { error: string };

export function parseAnnualArgs(argv: readonly string[]): Parsed {
  const values: Record<string, string> = Object.create(null);
  let strict = false;
  let quiet = false;
  let consent = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--strict') strict = true;
    else if (arg === '--sans-consentement') consent = false;
    else if (arg === '--quiet') quiet = true;
    else if ((VALUE_OPTIONS as readonly string[]).includes(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { error: m.missingValue(arg) };
      values[arg] = value;
      i++;
    } else return { error: m.unknownOption(arg) };
  }
  const year = values['--year'];
  if (year !== undefined && !/^\d{4}$/.test(year)) return { error: m.badYear(year) };
  const input = values['--input'] ?? 'data-raw';
  const out = values['--out'] ?? 'data-out';
  const reports = values['--reports'] ?? 'reports';
  // both write one folder per year: in one place, the reports' would replace the tables'
  if (resolve(out) === resolve(reports)) return { error: m.sameOutputs(out) };
  // …and in the returns' folder, they would replace the year's returns themselves
  for (const root of [out, reports]) if (resolve(root) === resolve(input, 'returns')) return { error: m.outputOverReturns(root) };
  const epoch = process.env.SOURCE_DATE_EPOCH || undefined;
  // it dates the reports: a value no date can hold would end the run later in English (« Invalid time value »)
  if (epoch !== undefined && !isEpoch(epoch)) return { error: m.badSourceDateEpoch(epoch) };
  return {
    quiet,
    options: {
      input,
      out,
      reports,
      years: year !== undefined ? [Number(year)] : undefined,
      strict,
      ...(consent ? {} : { consent: false }),
      // returns kept elsewhere than data-raw still use the shipped reference and dictionaries
      reference: existsSync(join(input, 'reference')) ? join(input, 'reference') : shipped('data-raw/reference'),
      dictionaries: shipped('pipelines/config/surveys'),
      publication: shipped('pipelines/config'),
      suivi: shipped('pipelines/config/suivi'),
      workers: workerCount(),
      sourceDateEpoch: epoch !== undefined ? Number(epoch) : undefined,
    },
  };
}

/** Whole seconds since 1970 that a JavaScript date can hold. */
function isEpoch(value: string): boolean {
  return /^\d+$/.test(value) && !Number.isNaN(new Date(Number(value) * 1000).getTime());
}

/**
 * Protection workers: MFER_WORKERS when set (0 protects in-process), otherwise one per core up to
 * four — none on a single core, where a worker would only add its start-up.
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const wanted = env.MFER_WORKERS;
  if (wanted !== undefined && /^\d+$/.test(wanted)) return Number(wanted);
  return cores >= 2 ? Math.min(cores, 4) : 0;
}

/** Rejected rows: the rejects that name a row (a whole-file problem names none). */
export function rowRejects(validated: readonly ValidatedYear[]): number {
  return validated.reduce((sum, v) => sum + v.rejects.filter((r) => r.row !== null).length, 0);
}

/** Files set aside whole (unreadable, wrong header, not a return…), each counted once per year. */
export function droppedFiles(validated: readonly ValidatedYear[]): number {
  return validated.reduce((sum, v) => sum + new Set(v.rejects.filter((r) => r.row === null).map((r) => r.file)).size, 0);
}

export async function runAnnual(argv: string[]): Promise<number> {
  const parsed = parseAnnualArgs(argv);
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n\n${usage('annual')}`);
    return 2;
  }
  const { options, quiet } = parsed;
  const say = (line: string) => {
    if (!quiet) process.stderr.write(`${line}\n`);
  };
  if (!existsSync(options.input)) {
    process.stderr.write(`${m.missingInput(options.input)}\n`);
    return 1;
  }
  const available = listYears(options.input);
  if (available.length === 0) {
    process.stderr.write(`${m.noYear(options.input)}\n`);
    return 1;
  }
  for (const year of options.years ?? []) {
    if (!available.includes(year)) {
      process.stderr.write(`${m.yearAbsent(year, options.input)}\n`);
      return 1;
    }
  }
  try {
    // one run at a time per output folder (issue 6): a second run stops at once, naming the first's pid
    const result = await withLock(
      options.out,
      async () => {
        recoverRoots({ 'data-out': options.out, reports: options.reports }, say); // undo a swap a killed run left half-done
        return annual({ ...options, log: say });
      },
      say,
    );
    const rejects = result.validated.reduce((sum, v) => sum + v.rejects.length, 0);
    const checks = result.validated.reduce((sum, v) => sum + (v.checks?.length ?? 0), 0);
    if (result.exitCode === 1) process.stderr.write(`${m.nothingAccepted()}\n`);
    else if (result.exitCode === 3) process.stderr.write(`${rejects > 0 ? m.strictRejects(rejects) : m.strictChecks(checks)}\n`);
    else say(m.done({ years: result.years, out: options.out, reports: options.reports, rejected: rowRejects([...result.validated, ...(result.unusable ?? [])]), dropped: droppedFiles([...result.validated, ...(result.unusable ?? [])]), unpublished: result.unpublished, checks }));
    return result.exitCode;
  } catch (error) {
    if (error instanceof LockBusyError) {
      process.stderr.write(`${error.message}\n`);
      return 4;
    }
    process.stderr.write(`${m.failed(systemErrorText(error))}\n`);
    return 1;
  }
}
