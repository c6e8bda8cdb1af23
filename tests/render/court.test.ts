import { courtPage } from '../../src/render/court.ts';
import { escapeHtml } from '../../src/render/format.ts';
import { renderMessages as m } from '../../src/render/messages.ts';
import { fixturePublication, smallGeography } from './fixtures.ts';

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
    const rows = [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th>/g)].map((x) => x[1]);
    expect(rows).toEqual(['Ain', 'Rhône', escapeHtml("Cour d'appel de Lyon"), 'France']);
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

  it('names the departments of its area in the introduction', () => {
    expect(html).toContain(escapeHtml(m.courtIntro(['Ain (01)', 'Rhône (69)'])));
  });
});
