/**
 * Render stage: a `Publication` (protected tables only) → the reader's files under `reports/`.
 *
 *   <year>/index.html                    national report (every year; its tables are copied to
 *                                        <year>/donnees/ by the pipeline, for its download links)
 *   <year>/cours-appel/<CA-…>.html       one page per court of appeal (every year)
 *   <year>/departements/<code>.xlsx      one workbook per department (every year)
 *   <year>/suivi-cohortes.html           the cohort outcomes of France (the latest year, with follow-up files)
 *
 * Pure: no file system, no clock. `generatedAt` is the only date ever printed; null prints none, so
 * two runs over the same inputs give the same bytes.
 *
 * @example
 *   const files = await render(publication, { latest: true, generatedAt: null });
 *   files.map((f) => f.path); // ["2024/index.html", "2024/cours-appel/CA-AGEN.html", …, "2024/departements/976.xlsx"]
 */
import { startedEarly } from '../runtime/early.ts';
import type { OutputFile } from '../model/output.ts';
import type { Publication } from '../model/publication.ts';
import { courtPage } from './court.ts';
import { nationalReport } from './national.ts';
import { departmentWorkbook } from './workbook.ts';
import { followUpPage } from './suivi.ts';

/**
 * Every publication of a run, oldest first: for each, the national report, the court pages and the
 * workbooks.
 *
 * @example
 *   const files = await renderYears(published.publications, generatedAt(undefined)); // no date printed
 */
export async function renderYears(publications: readonly Publication[], generatedAt: string | null): Promise<OutputFile[]> {
  const latest = Math.max(...publications.map((p) => p.year));
  const files: OutputFile[] = [];
  for (const publication of publications) files.push(...(await render(publication, { latest: publication.year === latest, generatedAt })));
  return files;
}

/**
 * `render` started at once for a year of the run, whose last year is `latest`: the caller collects
 * the promises in year order. A failure surfaces when the promise is awaited.
 */
export function startRender(publication: Publication, latest: number, generatedAt: string | null, workbooks?: WorkbookRenderer): Promise<OutputFile[]> {
  return startedEarly(render(publication, { latest: publication.year === latest, generatedAt, ...(workbooks ? { workbooks } : {}) }));
}

/** The date printed in the reports: the day of `SOURCE_DATE_EPOCH` (seconds) as "2026-11-27", or none. */
export function generatedAt(sourceDateEpoch: number | undefined): string | null {
  return sourceDateEpoch === undefined ? null : new Date(sourceDateEpoch * 1000).toISOString().slice(0, 10);
}

/** Share of the latest year's workbooks asked of `RenderOptions.workbooks`. */
const ELSEWHERE_SHARE = 0.75;

/** Renders departments' workbooks elsewhere (`WorkbookPool.render`: on worker threads). */
export type WorkbookRenderer = (publication: Publication, codes: readonly string[], generatedAt: string | null) => Promise<Uint8Array[]>;

export interface RenderOptions {
  /** the run's last year (kept for callers; every year now gets its court pages and workbooks) */
  latest: boolean;
  generatedAt: string | null;
  /** most departments' workbooks are asked of it first, the others rendered here after the pages */
  workbooks?: WorkbookRenderer;
}

export async function render(publication: Publication, options: RenderOptions): Promise<OutputFile[]> {
  const year = publication.year;
  // every year that has data gets its court pages and workbooks, for the departments' yearly reviews
  const codes = publication.geography.departments.map((d) => d.code);
  // the first three quarters elsewhere: this thread has the pages to render first (measured on
  // the shipped sample: the pages take about as long as a quarter of the workbooks)
  const away = options.workbooks ? codes.slice(0, Math.ceil(codes.length * ELSEWHERE_SHARE)) : [];
  const elsewhere = options.workbooks && away.length > 0 ? startedEarly(options.workbooks(publication, away, options.generatedAt)) : undefined;
  const files: OutputFile[] = [{ root: 'reports', path: `${year}/index.html`, content: await nationalReport(publication, options) }];
  // the cohort outcomes of France as a page of their own (issue 23), with the report's producer block
  if (publication.followUp) files.push({ root: 'reports', path: `${year}/suivi-cohortes.html`, content: followUpPage(publication.followUp, year, publication.publisher) });
  // courts that have at least one department (Nouméa and Papeete cover none of the surveys' scope)
  const courts = publication.geography.courts.filter((c) => publication.geography.departments.some((d) => d.court === c.code));
  for (const court of courts) {
    files.push({ root: 'reports', path: `${year}/cours-appel/${court.code}.html`, content: await courtPage(publication, court.code, options) });
  }
  const here: Uint8Array[] = [];
  for (const code of codes.slice(away.length)) here.push(await departmentWorkbook(publication, code, options));
  const books = [...(elsewhere ? await elsewhere : []), ...here];
  codes.forEach((code, k) => files.push({ root: 'reports', path: `${year}/departements/${code}.xlsx`, content: books[k] }));
  return files;
}
