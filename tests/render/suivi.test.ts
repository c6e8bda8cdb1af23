import type ExcelJS from 'exceljs';
import { followUpPage, followUpSection } from '../../src/render/suivi.ts';
import type { LongRow } from '../../src/suivi/publish.ts';

const row = (geo: string, outcome: string, value: LongRow['value'], cohort = 2023, horizon = 24): LongRow => ({ geo, cohort, horizon, group: 'ensemble', outcome, value, status: value === 's' ? 'secret' : 'published' });

// a threshold other than the shipped configuration's 30: the notes must quote the one given
const twoCohorts = {
  long: {
    mediation: [row('FR', 'enfants', 1427), row('FR', 'taux_retour_juge', 17.1), row('FR', 'taux_asf_avant', 's'), row('13', 'enfants', 's'), row('FR', 'enfants', 1571, 2024, 12), row('FR', 'taux_retour_juge', 'ns', 2024, 12)],
    rencontre: [],
  },
  minDenominator: 40,
  champ: 'Champ : enfants des 2 départements couverts (essai).',
};

describe('the cohort-outcome section', () => {
  it('shows the published figures of the territory, s and ns as published, one row per cohort and horizon', () => {
    const html = followUpSection(twoCohorts, 'FR').replace(/[\u202f\u00a0]/g, ' '); // French thousands separator
    expect(html).toContain('<th scope="row">2023</th><td>24</td><td>1 427</td><td>17,1</td><td>s</td>');
    expect(html).toContain('<th scope="row">2024</th><td>12</td><td>1 571</td><td>ns</td>');
    // an outcome without a row is not available (nd, a conventional sign), not an undefined dash
    expect(html).toContain('<td>ns</td><td>nd</td>');
    expect(html).not.toContain('Espaces de rencontre'); // nothing published for that scheme
    expect(html).toMatch(/non effets/);
    expect(html).toContain('ns : moins de 40 enfants'); // the configured threshold, not a copy of it
    expect(html).toContain('<p class="champ">Champ : enfants des 2 départements couverts (essai).</p>');
  });

  it('is empty for a territory with nothing published, and a page wraps the France section', () => {
    expect(followUpSection(twoCohorts, '2B')).toBe('');
    expect(followUpPage(twoCohorts, 2025)).toContain(followUpSection(twoCohorts, 'FR'));
  });

  it('is a page with the report\'s producer block (« données fictives » on the sample) and a link to the report', async () => {
    const { fixturePublication, smallGeography } = await import('./fixtures.ts');
    const { publisherBlock } = await import('../../src/render/publisher.ts');
    const publisher = fixturePublication(smallGeography).publisher;
    expect(publisher).toBeDefined();
    const page = followUpPage(twoCohorts, 2025, publisher);
    expect(page).toContain(publisherBlock(publisher));
    expect(page).toContain('<a href="index.html">');
  });
});

describe('the national report and the court pages', () => {
  it('show the cohort outcomes of their territory when the publication has them, and nothing otherwise', async () => {
    const { fixturePublication, smallGeography } = await import('./fixtures.ts');
    const { nationalReport } = await import('../../src/render/national.ts');
    const { courtPage } = await import('../../src/render/court.ts');
    const court = smallGeography.courts[0].code;
    const withCourt = { ...twoCohorts, long: { mediation: [...twoCohorts.long.mediation, row(court, 'enfants', 321)], rencontre: [] } };
    const publication = fixturePublication(smallGeography);
    const plain = await nationalReport(publication, { generatedAt: null });
    const national = await nationalReport({ ...publication, followUp: withCourt }, { generatedAt: null });
    expect(plain).not.toContain('<section class="suivi">');
    // its tables are downloadable with the others (the pipeline copies them to donnees/)
    for (const scheme of ['mediation', 'rencontre']) {
      expect(national).toContain(`href="donnees/suivi-${scheme}.csv"`);
      expect(plain).not.toContain(`donnees/suivi-${scheme}`);
    }
    expect(national).toContain(followUpSection(withCourt, 'FR'));
    const page = await courtPage({ ...publication, followUp: withCourt }, court, { generatedAt: null });
    expect(page).toContain(followUpSection(withCourt, court));
    expect(page).toContain('<td>321</td>');
  });
});

describe('the departmental workbook', () => {
  it('has a cohort sheet with the figures of its territories when the publication has them, none otherwise', async () => {
    const { fixturePublication, smallGeography } = await import('./fixtures.ts');
    const { departmentWorkbook } = await import('../../src/render/workbook.ts');
    const { unzipText } = await import('./unzip.ts');
    const department = smallGeography.departments[0];
    const followUp = { long: { mediation: [row('FR', 'enfants', 1427), row(department.code, 'enfants', 654), row(department.code, 'taux_retour_juge', 's')], rencontre: [] }, minDenominator: 40, champ: 'Champ : essai du classeur.' };
    const publication = fixturePublication(smallGeography);
    const parts = (book: Uint8Array) => [...unzipText(book)].map(([part, text]) => `${part}\n${text}`).join('\n');
    const plain = parts(await departmentWorkbook(publication, department.code, { generatedAt: null }));
    const withCohorts = parts(await departmentWorkbook({ ...publication, followUp }, department.code, { generatedAt: null }));
    expect(plain).not.toContain('Suivi de cohortes');
    expect(withCohorts).toContain('Suivi de cohortes');
    expect(withCohorts).toContain('<v>654</v>');
    expect(withCohorts).toContain('<v>1427</v>');
    expect(withCohorts).toContain('ns : moins de 40 enfants');
    expect(withCohorts).toContain('Champ : essai du classeur.');
  });

  it('lays the cohort sheet out as the other sheets: widths, frozen headers, A4 print, French formats, notes wrapped across the label columns', async () => {
    const { fixturePublication, smallGeography } = await import('./fixtures.ts');
    const { departmentWorkbook } = await import('../../src/render/workbook.ts');
    const { Workbook } = (await import('exceljs')).default;
    const department = smallGeography.departments[0];
    const followUp = { long: { mediation: [row('FR', 'enfants', 1427), row(department.code, 'enfants', 654), row(department.code, 'taux_retour_juge', 12.5)], rencontre: [] }, minDenominator: 40, champ: 'Champ : essai du classeur.' };
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await departmentWorkbook({ ...fixturePublication(smallGeography), followUp }, department.code, { generatedAt: null })) as unknown as ExcelJS.Buffer);
    const ws = workbook.getWorksheet('Suivi de cohortes')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(30); // the indicator's label is not cut
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((r) => r.eachCell((c) => cells.push(c)));
    expect(cells.find((c) => c.value === 654)?.numFmt).toBe('#,##0');
    expect(cells.find((c) => c.value === 12.5)?.numFmt).toBe('#,##0.0');
    const caution = cells.find((c) => typeof c.value === 'string' && c.value.includes('ns : moins de 40 enfants'))!;
    expect(caution.isMerged).toBe(true);
    expect(caution.alignment?.wrapText).toBe(true);
    expect(ws.getRow(Number(caution.row)).height).toBeGreaterThan(12);
    // the territories without any result are named above the rows; the department, which has some, is not
    const lead = cells.find((c) => typeof c.value === 'string' && c.value.startsWith('Aucun résultat pour'));
    expect(Number(lead?.row)).toBeLessThan(Number(cells.find((c) => c.value === 654)!.row));
    expect(String(lead?.value)).not.toContain(department.name);
    expect(String(lead?.value)).not.toContain('France');
  });
});
