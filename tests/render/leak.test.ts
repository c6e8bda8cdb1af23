/**
 * No rendered output shows a suppressed value where its cell belongs.
 *
 * 1. Sentinel: every suppressed cell (this year and the previous one) holds the true value SENTINEL;
 *    the number must appear nowhere — HTML text, inline SVG, map titles, any XML part of any workbook —
 *    in any spelling (plain, French thousands separators, decimal forms).
 * 2. Positions: with realistic values, every suppressed cell shows exactly "s" at its place in the
 *    HTML tables, and a chart never names a suppressed bar nor carries its formatted value.
 */
import type { OutputFile } from '../../src/model/output.ts';
import type { PublicationTable } from '../../src/model/publication.ts';
import { FRANCE } from '../../src/model/geography.ts';
import { codeDecimals } from '../../src/render/display.ts';
import { formatNumber } from '../../src/render/format.ts';
import { render } from '../../src/render/index.ts';
import { signs } from '../../src/render/messages.ts';
import { nationalReport } from '../../src/render/national.ts';
import { courtPage } from '../../src/render/court.ts';
import { fixturePublication, fullGeography, SENTINEL } from './fixtures.ts';
import { unzipText } from './unzip.ts';

const geography = fullGeography();

function texts(files: readonly OutputFile[]): { where: string; text: string }[] {
  return files.flatMap((f) =>
    typeof f.content === 'string' ? [{ where: f.path, text: f.content }] : [...unzipText(f.content)].map(([part, text]) => ({ where: `${f.path}:${part}`, text })),
  );
}

describe('sentinel', () => {
  it('appears in no output, in any spelling', async () => {
    const publication = fixturePublication(geography, { sentinel: true });
    const suppressed = publication.tables.flatMap((t) => t.table.cells.filter((c) => c.status !== 's'));
    expect(suppressed.length).toBeGreaterThan(100);
    expect(suppressed.every((c) => c.value === SENTINEL)).toBe(true);
    const files = [...(await render(publication, { latest: true, generatedAt: null }))];
    // the real geography: 34 courts of appeal have departments (not Nouméa, not Papeete), 101 departments
    const paths = files.map((f) => f.path);
    expect(paths.filter((p) => p.startsWith('2024/cours-appel/')).length).toBe(34);
    expect(paths.filter((p) => p.startsWith('2024/departements/')).length).toBe(101);
    expect(paths).toEqual(expect.arrayContaining(['2024/index.html', '2024/cours-appel/CA-LYON.html', '2024/departements/2A.xlsx', '2024/departements/976.xlsx']));
    const digits = String(SENTINEL);
    // 987654, 987 654 (any space), 987.654, 987,654 — and as a sum's part is not the concern here
    const pattern = new RegExp(`${digits.slice(0, 3)}[\\s\\u00a0\\u202f.,]?${digits.slice(3)}`);
    const hits = texts(files).filter((t) => pattern.test(t.text)).map((t) => t.where);
    expect(hits).toEqual([]);
  });
});

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
