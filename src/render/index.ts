/**
 * Render stage: a `Publication` (protected tables only) → the reader's files under `reports/`.
 *
 *   <year>/index.html                    national report (every year)
 *   <year>/cours-appel/<CA-…>.html       one page per court of appeal (latest year only)
 *   <year>/departements/<code>.xlsx      one workbook per department (latest year only)
 *
 * Pure: no file system, no clock. `generatedAt` is the only date ever printed; null prints none, so
 * two runs over the same inputs give the same bytes.
 *
 * @example
 *   const files = await render(publication, { latest: true, generatedAt: null });
 *   files.map((f) => f.path); // ["2024/index.html", "2024/cours-appel/CA-AGEN.html", …, "2024/departements/976.xlsx"]
 */
import { startedEarly } from '../common/early.ts';
import type { OutputFile } from '../model/output.ts';
import type { Publication } from '../model/publication.ts';
import { courtPage } from './court.ts';
import { nationalReport } from './national.ts';
import { departmentWorkbook } from './workbook.ts';

/**
 * Every publication of a run, oldest first: the national report for each, the court pages and the
 * workbooks for the latest only.
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
export function startRender(publication: Publication, latest: number, generatedAt: string | null): Promise<OutputFile[]> {
  return startedEarly(render(publication, { latest: publication.year === latest, generatedAt }));
}

/** The date printed in the reports: the day of `SOURCE_DATE_EPOCH` (seconds) as "2026-11-27", or none. */
export function generatedAt(sourceDateEpoch: number | undefined): string | null {
  return sourceDateEpoch === undefined ? null : new Date(sourceDateEpoch * 1000).toISOString().slice(0, 10);
}

export interface RenderOptions {
  latest: boolean;
  generatedAt: string | null;
}

export async function render(publication: Publication, options: RenderOptions): Promise<OutputFile[]> {
  const year = publication.year;
  const files: OutputFile[] = [{ root: 'reports', path: `${year}/index.html`, content: await nationalReport(publication, options) }];
  if (!options.latest) return files;
  // courts that have at least one department (Nouméa and Papeete cover none of the surveys' scope)
  const courts = publication.geography.courts.filter((c) => publication.geography.departments.some((d) => d.court === c.code));
  for (const court of courts) {
    files.push({ root: 'reports', path: `${year}/cours-appel/${court.code}.html`, content: await courtPage(publication, court.code, options) });
  }
  for (const department of publication.geography.departments) {
    files.push({ root: 'reports', path: `${year}/departements/${department.code}.xlsx`, content: await departmentWorkbook(publication, department.code, options) });
  }
  return files;
}
