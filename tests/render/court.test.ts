import { courtPage } from '../../src/render/court.ts';
import { escapeHtml } from '../../src/render/format.ts';
import { renderMessages as m } from '../../src/render/messages.ts';
import { fixturePublication, fullGeography, smallGeography } from './fixtures.ts';

const publication = fixturePublication(smallGeography);
let html: string;

beforeAll(async () => {
  html = await courtPage(publication, 'CA-LYON', { generatedAt: null });
});

describe('court of appeal page', () => {
  it('puts waiting lists and waiting days first, then the other tables', () => {
    const waiting = html.indexOf('id="t-er-attente"');
    expect(waiting).toBeGreaterThan(0);
    for (const t of publication.tables.filter((x) => x.meta.id !== 'er-attente')) expect(html.indexOf(`id="t-${t.meta.id}"`)).toBeGreaterThan(waiting);
    expect(html.indexOf(`>${escapeHtml(m.sections.waiting)}</h2>`)).toBeLessThan(waiting);
  });

  it("shows the court's departments, the court and France, and no other territory", () => {
    const table = html.match(/<figure class="table" id="t-med-terminees-cadre">[\s\S]*?<\/figure>/)![0];
    const rows = [...table.matchAll(/<tr[^>]*><th scope="row">([^<]*)<\/th>/g)].map((x) => x[1]);
    expect(rows).toEqual(['Ain', 'Rhône', escapeHtml("Cour d'appel de Lyon"), 'France']);
  });

  it('numbers its own tables and charts from 1, in page order', () => {
    const tables = [...html.matchAll(/<span class="title">Tableau (\d+) – /g)].map((x) => Number(x[1]));
    expect(tables).toEqual(publication.tables.map((_, k) => k + 1));
    const charts = [...html.matchAll(/<span class="chart-title">Graphique (\d+) – /g)].map((x) => Number(x[1]));
    expect(charts.length).toBeGreaterThan(0);
    expect(charts).toEqual(charts.map((_, k) => k + 1));
  });

  it("reads each Lecture line in the court's own cell, never France's", () => {
    for (const table of publication.tables) {
      const figure = html.match(new RegExp(`<figure class="table" id="t-${table.meta.id}">[\\s\\S]*?</figure>`))![0];
      const line = figure.match(/<b>Lecture :<\/b> ([^<]*)<\/p>/)![1];
      const reading = table.meta.reading!;
      const cell = table.table.cells.find((c) => c.codes[0] === 'CA-LYON' && c.codes[1] === reading.code)!;
      if (cell.status === 's') {
        const value = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: table.decimals, maximumFractionDigits: table.decimals }).format(cell.value);
        expect(line).toBe(escapeHtml(`En ${publication.year}, dans le ressort de la cour d'appel de Lyon, ${value} lectures du tableau ${table.meta.id}.`));
      } else {
        // which figure, and why: « s », not « secret or not available »
        const label = table.labels[table.table.dimensions[1]][reading.code];
        expect(line).toBe(escapeHtml(m.lectureWithheld(publication.year, m.courtPlace("Cour d'appel de Lyon"), label, 's')));
        expect(line).toContain('est couvert par le secret statistique (s).');
      }
      expect(line).not.toContain('en France');
    }
  });

  it("numbers the tables of its methodology's count of withheld cells as the page does", () => {
    const pageTitles = [...html.matchAll(/<figure class="table" id="t-[^"]*">[\s\S]*?<span class="title">([^<]*)<\/span>/g)].map((x) => x[1]);
    const counted = [...html.matchAll(/<tr><th scope="row">(Tableau \d+ – [^<]*)<\/th><td class="num">/g)].map((x) => x[1]);
    expect(counted.length).toBe(pageTitles.length);
    expect(counted).toEqual(pageTitles);
  });

  it("sets the court's own row in bold, as France's", () => {
    const rows = [...html.matchAll(/<tr( class="total")?><th scope="row">([^<]*)<\/th>/g)];
    const court = rows.filter((r) => r[2] === escapeHtml("Cour d'appel de Lyon"));
    expect(court.length).toBeGreaterThan(0);
    expect(court.every((r) => r[1] !== undefined)).toBe(true);
    // a department of the court is not
    expect(rows.some((r) => r[1] === undefined)).toBe(true);
  });

  it('links to the previous year when it has data, and not otherwise', async () => {
    expect(html).toContain(`href="../../${publication.year - 1}/cours-appel/CA-LYON.html"`);
    const first = await courtPage(fixturePublication(smallGeography, { history: false }), 'CA-LYON', { generatedAt: null });
    expect(first).not.toContain('/cours-appel/CA-LYON.html"');
    // and always back to the national report of its year (reports/<year>/index.html)
    expect(first).toContain(`<a href="../index.html">${escapeHtml(m.nationalLink(publication.year))}</a>`);
  });

  it('shows a one-department court once: the department (which is the court) and France', async () => {
    const bastia = await courtPage(publication, 'CA-BASTIA', { generatedAt: null });
    const table = bastia.match(/<figure class="table" id="t-med-terminees-cadre">[\s\S]*?<\/figure>/)![0];
    const rows = [...table.matchAll(/<tr[^>]*><th scope="row">([^<]*)<\/th>/g)].map((x) => x[1]);
    expect(rows).toEqual([escapeHtml(m.courtSingleRow('Corse-du-Sud', "Cour d'appel de Bastia")), 'France']);
    expect(bastia).toContain(escapeHtml(m.courtIntroSingle('Corse-du-Sud (2A)', "Cour d'appel de Bastia")));
  });

  it('charts the waiting families by department and the median waiting days beside the court and France', () => {
    const families = html.match(/<figure class="chart" id="graphique-er-attente-familles_attente">[\s\S]*?<\/figure>/)![0];
    const days = html.match(/<figure class="chart" id="graphique-er-attente-delai_median_jours">[\s\S]*?<\/figure>/)![0];
    expect(families).not.toContain('>France<');
    const table = publication.tables.find((t) => t.meta.id === 'er-attente')!;
    const france = table.table.cells.find((c) => c.codes[0] === 'FR' && c.codes[1] === 'delai_median_jours')!;
    if (france.status === 's') expect(days).toContain('>France<');
    else expect(days).toMatch(/Barres absentes[^<]*France/);
    for (const d of ['Ain', 'Rhône']) expect(families).toMatch(new RegExp(`>${d}<|Barres absentes[^<]*${d}`));
  });

  it('draws no count chart for a one-department court, and no chart where the court has no figure of its own', async () => {
    const bastia = await courtPage(publication, 'CA-BASTIA', { generatedAt: null });
    expect(bastia).not.toContain('id="graphique-er-attente-familles_attente"');
    const table = publication.tables.find((t) => t.meta.id === 'er-attente')!;
    const own = table.table.cells.find((c) => c.codes[0] === '2A' && c.codes[1] === 'delai_median_jours')!;
    expect(bastia.includes('id="graphique-er-attente-delai_median_jours"')).toBe(own.status === 's');
    const secret = { ...publication, tables: publication.tables.map((t) => (t.meta.id !== 'er-attente' ? t : { ...t, table: { ...t.table, cells: t.table.cells.map((c) => (c.codes[0] === '2A' ? { ...c, status: 'u' as const } : c)) } })) };
    expect(await courtPage(secret, 'CA-BASTIA', { generatedAt: null })).not.toContain('<figure class="chart"');
  });

  it('compares an overseas court with the DROM as a whole too, and a metropolitan one with France only', async () => {
    const full = fixturePublication(fullGeography());
    const rowsOf = (page: string) => [...page.match(/<figure class="table" id="t-med-terminees-cadre">[\s\S]*?<\/figure>/)![0].matchAll(/<tr[^>]*><th scope="row">([^<]*)<\/th>/g)].map((x) => x[1]);
    const drom = escapeHtml(full.geography.labels.DROM);
    const saintDenis = await courtPage(full, 'CA-SAINT-DENIS', { generatedAt: null });
    expect(rowsOf(saintDenis)).toEqual(['La Réunion', 'Mayotte', escapeHtml("Cour d'appel de Saint-Denis"), drom, 'France']);
    expect(saintDenis).toContain(escapeHtml(m.courtIntro(['La Réunion (974)', 'Mayotte (976)'], true)));
    const cayenne = await courtPage(full, 'CA-CAYENNE', { generatedAt: null });
    expect(rowsOf(cayenne)).toEqual([escapeHtml(m.courtSingleRow('Guyane', "Cour d'appel de Cayenne")), drom, 'France']);
    expect(rowsOf(await courtPage(full, 'CA-LYON', { generatedAt: null }))).not.toContain(drom);
  });

  it('names the departments of its area in the introduction', () => {
    expect(html).toContain(escapeHtml(m.courtIntro(['Ain (01)', 'Rhône (69)'])));
  });
});
