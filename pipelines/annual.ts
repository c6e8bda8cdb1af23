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
 * Each stage runs over every year of the run, oldest first (with `--year 2024`, 2023 is read too, for
 * the evolutions); annual-stages.ts says how, src/ does the work. With protection workers
 * (`workers`, src/runtime/annual.ts), reading, protecting, following up and rendering overlap; the
 * outputs are the same bytes. Nothing is written before the last stage: every stage returns `OutputFile`s
 * and `write` swaps them in at once.
 *
 * @example
 *   const result = await annual({ input: 'data-raw', out: 'data-out', reports: 'reports' });
 *   result.exitCode; // 0
 */
import type { AnnualOptions, AnnualResult } from './annual-options.ts';
import { followUp, harmonizeYears, loadInputs, publish, readYears, render, validateYears, write } from './annual-stages.ts';
import { openRuntime } from '../src/runtime/annual.ts';

export type { AnnualOptions, AnnualResult } from './annual-options.ts';

export async function annual(options: AnnualOptions): Promise<AnnualResult> {
  const runtime = openRuntime(options.workers ?? 0); // src/runtime: the protection engine (on worker threads when asked), a workbook thread
  try {
    const inputs = loadInputs(options); // src/ingest: reference, register, dictionaries, catalogue, follow-up files
    const returns = readYears(inputs); // src/ingest: each year asked, and the year before it (one at a time)
    const validated = validateYears(returns, inputs); // src/validate: typed rows, rejects, values to check
    const surveys = await harmonizeYears(validated, inputs, runtime); // src/harmonize: clean data, rejects, manifest (each year's protection begins)
    const followUps = followUp(surveys, inputs, runtime.engine); // src/suivi, src/impact: cohorts, effects, survival, all protected (when present)
    const published = publish(surveys, followUps, inputs, runtime.engine); // src/indicators: protected tables, audit trail
    void published.done.then(() => runtime.closeProtection(), () => {}); // the rendering needs no protection thread
    const reports = render(published, followUps, surveys, inputs, runtime.workbooks); // src/render: national report, court pages, workbooks
    return await write(surveys, followUps, published, reports, inputs); // src/io: every file at once, or none
  } finally {
    await runtime.close();
  }
}
