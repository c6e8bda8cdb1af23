/**
 * A survey without any accepted response this year has no table in the publication (see
 * absentSurveys in src/indicators/publish.ts): every rendering says so where its tables would be,
 * instead of an empty heading or sheet.
 */
import ExcelJS from 'exceljs';
import type { Publication } from '../../src/model/publication.ts';
import { courtPage } from '../../src/render/court.ts';
import { escapeHtml } from '../../src/render/format.ts';
import { renderMessages as m } from '../../src/render/messages.ts';
import { nationalReport } from '../../src/render/national.ts';
import { departmentWorkbook } from '../../src/render/workbook.ts';
import { fixturePublication, smallGeography } from './fixtures.ts';

const full = fixturePublication(smallGeography);
const withoutEr: Publication = { ...full, tables: full.tables.filter((t) => t.meta.survey === 'mediation') };

async function texts(bytes: Uint8Array): Promise<Map<string, string[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return new Map(workbook.worksheets.map((ws) => [ws.name, ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.filter((v) => typeof v === 'string') : []))]));
}

describe('a survey without any accepted response', () => {
  it('the national report says so in the sections of the survey and of the crossed tables', async () => {
    const html = await nationalReport(withoutEr, { generatedAt: null });
    expect(html).toContain(escapeHtml(m.surveyAbsent(full.year)));
    expect(html).toContain(escapeHtml(m.crossedAbsent(full.year)));
    const complete = await nationalReport(full, { generatedAt: null });
    expect(complete).not.toContain(escapeHtml(m.surveyAbsent(full.year)));
    expect(complete).not.toContain(escapeHtml(m.crossedAbsent(full.year)));
  });

  it('a court page says so under the survey\'s heading', async () => {
    const html = await courtPage(withoutEr, 'CA-LYON', { generatedAt: null });
    const at = html.indexOf(`>${escapeHtml(m.sections.rencontre)}</h2>`);
    expect(at).toBeGreaterThan(0);
    expect(html.indexOf(escapeHtml(m.surveyAbsent(full.year)))).toBeGreaterThan(at);
    expect(await courtPage(full, 'CA-LYON', { generatedAt: null })).not.toContain(escapeHtml(m.surveyAbsent(full.year)));
  });

  it('a department workbook says so in its summary and in the survey\'s sheet', async () => {
    const code = full.geography.departments[0].code;
    const sheets = await texts(await departmentWorkbook(withoutEr, code, { generatedAt: null }));
    expect(sheets.get(m.workbook.sheets.summary)).toEqual(expect.arrayContaining([m.surveyAbsent(full.year), m.crossedAbsent(full.year)]));
    expect(sheets.get(m.workbook.sheets.rencontre)).toContain(m.surveyAbsent(full.year));
    const complete = await texts(await departmentWorkbook(full, code, { generatedAt: null }));
    expect([...complete.values()].flat()).not.toContain(m.surveyAbsent(full.year));
  });
});
