import { FRANCE } from '../../src/model/geography.ts';
import { formatShown } from '../../src/render/format.ts';
import { escapeHtml } from '../../src/render/format.ts';
import { renderMessages as m } from '../../src/render/messages.ts';
import { chartGroups, euroScale, nationalReport } from '../../src/render/national.ts';
import { tableView } from '../../src/render/view.ts';
import { fixturePublication, fullGeography, smallGeography } from './fixtures.ts';

const publication = fixturePublication(smallGeography);
const byId = (id: string) => publication.tables.find((t) => t.meta.id === id)!;
/** The headline figures as the tables declare them (`display.keyFigures`), in table order. */
const keyFigureLabels = publication.tables.flatMap((t) => (t.display?.keyFigures ?? []).map((k) => ({ table: t.meta.id, ...k })));
let html: string;

beforeAll(async () => {
  html = await nationalReport(publication, { generatedAt: null });
});

describe('national report', () => {
  it('is French, self-contained and script-free', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\((?!#)/i);
    // links stay inside the year's folder: anchors, or files of the folder (relative, no parent, no scheme)
    expect(html).not.toMatch(/(?:src|href)="(?!#|(?:departements|cours-appel|donnees)\/[\w.-]+")/);
    expect(html).toContain("Content-Security-Policy");
  });

  it('has its sections in order, the methodology last', () => {
    const order = [m.sections.keyFigures, m.sections.mediation, m.sections.rencontre, m.sections.croise, m.sections.evolution, m.annex.title, m.sections.methodology].map((t) =>
      html.indexOf(`>${escapeHtml(t)}</h2>`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows every table of the publication, in number order within its section', () => {
    for (const t of publication.tables) expect(html).toContain(`id="t-${t.meta.id}"`);
    const mediation = publication.tables.filter((t) => t.meta.survey === 'mediation').map((t) => html.indexOf(`id="t-${t.meta.id}"`));
    expect([...mediation].sort((a, b) => a - b)).toEqual(mediation);
  });

  it('gives the key figures of France as published, "s" otherwise', () => {
    for (const k of keyFigureLabels) {
      const table = byId(k.table);
      const shown = formatShown(tableView(table).shown(FRANCE, k.code), tableView(table).decimals(k.code));
      expect(html).toContain(`<li><span class="value">${shown}</span>${escapeHtml(k.label)}</li>`);
    }
  });

  it('lists the white zones whose flag is published, never a secret one', () => {
    const table = byId('croise-couverture');
    const view = tableView(table);
    for (const code of ['sans_mediation', 'sans_er', 'sans_aucun']) {
      const listed = smallGeography.departments.filter((d) => {
        const cell = table.table.cells.find((c) => c.codes[0] === d.code && c.codes[1] === code)!;
        return cell.status === 's' && cell.value === 1;
      });
      expect(html).toContain(escapeHtml(m.whiteZones(view.label(code), listed.map((d) => d.name))));
    }
  });

  it('draws the rates as maps with the CC-BY credit', () => {
    expect(html).toContain('id="carte-croise-taux-mediations_100k"');
    expect(html).toContain(escapeHtml(m.map.credit));
  });

  it('says in words who can re-audit a table, without an internal command or path', () => {
    expect(html).toContain(escapeHtml(m.methodology.reaudit()));
    expect(html).not.toMatch(/npx|mfer|data-out|spec\.json|contrib\.csv/);
  });
});

describe('the annex', () => {
  const annex = () => html.match(/<figure class="table" id="annexe-departements">[\s\S]*?<\/figure>/)![0];

  it('gives every department its key figures as published, "s" where secret', () => {
    const rows = [...annex().matchAll(/<tr><th scope="row">([^<]*)<\/th>([\s\S]*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(publication.geography.departments.map((d) => escapeHtml(`${d.name} (${d.code})`)));
    const present = keyFigureLabels.filter((k) => publication.tables.some((t) => t.meta.id === k.table && t.order[Object.keys(t.order)[0]].includes(k.code)));
    expect(present.length).toBeGreaterThan(2);
    publication.geography.departments.forEach((d, i) => {
      const cells = [...rows[i][2].matchAll(/<td class="num[^"]*">([^<]*)<\/td>/g)].map((c) => c[1]);
      expect(cells).toHaveLength(present.length);
      present.forEach((k, j) => {
        const table = byId(k.table);
        const cell = table.table.cells.find((c) => c.codes[0] === d.code && c.codes[1] === k.code)!;
        if (cell.status !== 's') expect(cells[j]).toBe('s');
        else expect(cells[j]).toBe(escapeHtml(formatShown({ kind: 'value', value: cell.value }, tableView(table).decimals(k.code))));
      });
      expect(rows[i][2]).toContain(`href="departements/${d.code}.xlsx"`);
      expect(rows[i][2]).toContain(`href="cours-appel/${d.court}.html"`);
    });
  });

  it('links every table as CSV and long CSV, relative to the year\'s folder', () => {
    for (const t of publication.tables) {
      expect(html).toContain(`href="donnees/${t.meta.id}.csv"`);
      expect(html).toContain(`href="donnees/${t.meta.id}.long.csv"`);
    }
  });
});

describe('the order of the territories', () => {
  it('puts France, France métropolitaine and the DROM first, in bold, then the regions of metropolitan France, then those of the DROM', async () => {
    const full = fixturePublication(fullGeography());
    const page = await nationalReport(full, { generatedAt: null });
    const table = page.match(/<figure class="table" id="t-med-terminees-cadre">[\s\S]*?<\/figure>/)![0];
    const rows = [...table.matchAll(/<tr( class="total")?><th scope="row">([^<]*)<\/th>/g)].map((x) => ({ bold: x[1] !== undefined, label: x[2] }));
    expect(rows.slice(0, 3)).toEqual([
      { bold: true, label: 'France' },
      { bold: true, label: 'France métropolitaine' },
      { bold: true, label: escapeHtml("Départements et régions d'outre-mer") },
    ]);
    expect(rows.filter((r) => r.bold)).toHaveLength(3);
    const overseas = new Set(full.geography.departments.filter((d) => /^97/.test(d.code)).map((d) => escapeHtml(full.geography.labels[d.region])));
    expect(overseas.size).toBe(5);
    const kinds = rows.slice(3).map((r) => overseas.has(r.label));
    expect(kinds).toEqual([...kinds].sort((a, b) => Number(a) - Number(b)));
    expect(rows).toHaveLength(3 + 18);
  });
});

describe('charts', () => {
  it('draw one unit per chart, and no chart of a single bar: a table whose codes have their own units gets one chart per unit of two codes or more', () => {
    const moyens = byId('med-moyens');
    const unitOf = (code: string) => moyens.units?.[code] ?? moyens.meta.unit;
    // services, mediators and sites in number: one chart (the only one of the table: no suffix to its id)
    const figure = html.match(/<figure class="chart" id="graphique-med-moyens">[\s\S]*?<\/figure>/)![0];
    expect(figure).toContain(`<span class="chart-unit">${escapeHtml(unitOf('mediateurs'))}</span>`);
    expect([...html.matchAll(/<figure class="chart" id="graphique-med-moyens[-"]/g)]).toHaveLength(1);
    // FTE is the only code in its unit: the table shows it, no chart of one bar
    expect(unitOf('etp_mediateurs')).not.toBe(unitOf('mediateurs'));
    expect(html).not.toContain('id="graphique-med-moyens-etp_mediateurs"');
  });

  it('group the codes by unit in their order, leaving out a unit of one code', () => {
    const units: Record<string, string> = { a: 'En nombre', b: 'En ETP', c: 'En nombre', d: 'En %', e: 'En %' };
    expect(chartGroups(['a', 'b', 'c', 'd', 'e'], (c) => units[c])).toEqual([
      { unit: 'En nombre', codes: ['a', 'c'] },
      { unit: 'En %', codes: ['d', 'e'] },
    ]);
    expect(chartGroups(['b'], (c) => units[c])).toEqual([]);
  });

  it('are numbered in reading order, each with its unit, Champ and Source', () => {
    const charts = [...html.matchAll(/<figure class="chart" id="[^"]*"><figcaption><span class="chart-title">Graphique (\d+) – [\s\S]*?<\/figure>/g)];
    expect(charts.length).toBeGreaterThan(3);
    expect(charts.map((c) => Number(c[1]))).toEqual(charts.map((_, k) => k + 1));
    for (const c of charts) {
      expect(c[0]).toContain('class="chart-unit"');
      expect(c[0]).toContain(`<b>${m.champ} :</b>`);
      expect(c[0]).toContain(`<b>${m.source} :</b>`);
    }
    const maps = [...html.matchAll(/<span class="chart-title">Carte (\d+) – /g)].map((x) => Number(x[1]));
    expect(maps).toEqual(maps.map((_, k) => k + 1));
  });

  it('scale euro axes to thousands or millions of euros', () => {
    const value = (v: number) => ({ kind: 'value' as const, value: v });
    expect(euroScale('En euros', [value(2_500_000), value(10)])).toEqual({ factor: 1e6, unit: m.euros.millions() });
    expect(euroScale('En euros', [value(25_000), { kind: 'secret' as const }])).toEqual({ factor: 1e3, unit: m.euros.thousands() });
    expect(euroScale('En euros', [value(900)])).toEqual({ factor: 1, unit: 'En euros' });
    expect(euroScale('En nombre', [value(2_500_000)])).toEqual({ factor: 1, unit: 'En nombre' });
    // the fixture's amounts are in the thousands: the chart says so
    const chart = html.match(/<figure class="chart" id="graphique-med-financement">[\s\S]*?<\/figure>/)![0];
    expect(chart).toMatch(new RegExp(`chart-unit">${escapeHtml(m.euros.thousands())}<|chart-unit">En euros<`));
  });
});

