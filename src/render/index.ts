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
import type { OutputFile } from '../model/output.ts';
import type { Publication } from '../model/publication.ts';
import { courtPage } from './court.ts';
import { nationalReport } from './national.ts';
import { departmentWorkbook } from './workbook.ts';

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
