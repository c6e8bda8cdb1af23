/**
 * No rendered output shows a suppressed value where its cell belongs: with realistic values, every
 * suppressed cell shows exactly "s" at its place in the HTML tables, and a chart never names a
 * suppressed bar nor carries its formatted value. (The sentinel, every suppressed cell's value
 * searched in every output of the render stage, is in tests/e2e/leak-sentinel.test.ts.)
 */
import type { PublicationTable } from '../../src/model/publication.ts';
import { FRANCE } from '../../src/model/geography.ts';
import { codeDecimals } from '../../src/render/display.ts';
import { formatNumber } from '../../src/render/format.ts';
import { signs } from '../../src/render/messages.ts';
import { nationalReport } from '../../src/render/national.ts';
import { courtPage } from '../../src/render/court.ts';
import { fixturePublication, fullGeography } from './fixtures.ts';

const geography = fullGeography();

describe('suppressed cells in place', () => {
  const publication = fixturePublication(geography);
  const secret = (t: PublicationTable, geo: string, code: string) => t.table.cells.find((c) => c.codes[0] === geo && c.codes[1] === code)!;

  /** `<figure id="t-…">` → rows of [header, ...cells] as text */
  function htmlRows(html: string, id: string): Map<string, string[]> {
    const figure = html.match(new RegExp(`<figure class="table" id="t-${id}">([\\s\\S]*?)</figure>`))![1];
    const body = figure.match(/<tbody>([\s\S]*?)<\/tbody>/)![1];
    const rows = new Map<string, string[]>();
    for (const tr of body.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? []) {
      const cells = [...tr.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((x) => unescape(x[1]));
      rows.set(cells[0], cells.slice(1));
    }
    return rows;
  }

  function checkPage(html: string, geos: readonly string[]): number {
    let count = 0;
    for (const table of publication.tables) {
      const rows = htmlRows(html, table.meta.id);
      const dim = table.table.dimensions[1];
      for (const geo of geos) {
        const row = rows.get(table.labels.geo[geo])!;
        expect(row).toBeDefined();
        table.order[dim].forEach((code, k) => {
          const cell = secret(table, geo, code);
          if (cell.status === 's') expect(row[k]).toBe(formatNumber(cell.value, codeDecimals(table, code)));
          else {
            expect(row[k]).toBe(signs.secret);
            count++;
          }
        });
      }
    }
    return count;
  }

  it('national report: "s" in every suppressed position, charts without suppressed bars', async () => {
    const html = await nationalReport(publication, { generatedAt: null });
    const count = checkPage(html, [...geography.regions.map((r) => r.code), FRANCE]);
    expect(count).toBeGreaterThan(0);
    let hiddenBars = 0;
    for (const table of publication.tables) {
      const chart = html.match(new RegExp(`<figure class="chart" id="graphique-${table.meta.id}">([\\s\\S]*?)</figure>`));
      if (!chart) continue;
      const svg = chart[1].match(/<svg[\s\S]*<\/svg>/)?.[0] ?? '';
      const label = chart[1].match(/aria-label="([^"]*)"/)?.[1] ?? '';
      const dim = table.table.dimensions[1];
      for (const code of table.order[dim]) {
        const cell = secret(table, FRANCE, code);
        if (cell.status === 's') continue;
        const name = table.labels[dim][code];
        expect(svg).not.toContain(`>${name}<`);
        expect(svg).not.toContain(`>${formatNumber(cell.value, codeDecimals(table, code))}<`);
        expect(unescape(label)).not.toContain(`${name} :`);
        hiddenBars++;
      }
    }
    expect(hiddenBars).toBeGreaterThan(0);
  });

  it('map: a secret department is hatched and titled "s"', async () => {
    const html = await nationalReport(publication, { generatedAt: null });
    const table = publication.tables.find((t) => t.meta.id === 'croise-taux')!;
    const map = html.match(/<figure class="chart map" id="carte-croise-taux-mediations_100k">([\s\S]*?)<\/figure>/)![1];
    let secrets = 0;
    for (const d of geography.departments) {
      const cell = secret(table, d.code, 'mediations_100k');
      const title = `${d.name} (${d.code}) : ${cell.status === 's' ? formatNumber(cell.value, 1) : signs.secret}`;
      expect(unescape(map)).toContain(`<title>${title}</title>`);
      if (cell.status !== 's') {
        secrets++;
        expect(unescape(map)).not.toContain(`>${formatNumber(cell.value, 1)}<`);
      }
    }
    expect(secrets).toBeGreaterThan(0);
  });

  it('court page: "s" in every suppressed position', async () => {
    const court = 'CA-LYON';
    const html = await courtPage(publication, court, { generatedAt: null });
    const geos = [...geography.departments.filter((d) => d.court === court).map((d) => d.code), court, FRANCE];
    expect(checkPage(html, geos)).toBeGreaterThan(0);
  });
});

function unescape(text: string): string {
  return text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
