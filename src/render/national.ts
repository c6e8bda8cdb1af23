/**
 * `reports/<year>/index.html`, the national report: key figures, family mediation, espaces de
 * rencontre, the territories (rates and white zones, with maps of departments), the evolution over
 * the years present, and the methodology and secrecy section. Every table of the publication
 * appears, in its survey's section, by its number; tables show France, France métropolitaine, the
 * DROM and the regions (departments are in the annex).
 *
 * @example
 *   const html = await nationalReport(publication, { generatedAt: null });
 */
import type { Publication, PublicationTable, TableSurvey } from '../model/publication.ts';
import { barChart, chartCodes } from './charts.ts';
import { displayDate, escapeHtml, formatShown } from './format.ts';
import { htmlTable } from './html-table.ts';
import { choropleth } from './map.ts';
import { evolutionSeries, keyFigures as keyFiguresOf } from './display.ts';
import { renderMessages as m } from './messages.ts';
import { publisherBlock } from './publisher.ts';
import { annexSection } from './annex.ts';
import { methodologySection } from './methodology.ts';
import { htmlPage } from './page.ts';
import { followUpSection, followUpTitle } from './suivi.ts';
import { impactSection, impactTitle } from './impact.ts';
import { NOT_APPLICABLE, tableView, type Shown, type TableView } from './view.ts';
import { FRANCE } from '../model/geography.ts';

/** Tables shown in the evolution section rather than in their survey's section (`display.section`). */
const inEvolution = (t: PublicationTable) => t.display?.section === 'evolution';

export async function nationalReport(publication: Publication, options: { generatedAt: string | null }): Promise<string> {
  const geo = territoriesInOrder(publication);
  const tables = [...publication.tables].sort((a, b) => a.meta.number - b.meta.number);
  const counter = numbering();
  const survey = async (s: TableSurvey) => {
    const parts: string[] = [];
    for (const t of tables.filter((x) => x.meta.survey === s && !inEvolution(x))) parts.push(await tableBlock(t, geo, publication, counter));
    // no table: the survey had no accepted response this year (see absentSurveys in src/indicators/publish.ts)
    if (parts.length === 0) parts.push(`<p class="absent">${escapeHtml(s === 'croise' ? m.crossedAbsent(publication.year) : m.surveyAbsent(publication.year))}</p>`);
    return parts.join('\n');
  };
  const sections = [
    { id: 'chiffres-cles', title: m.sections.keyFigures, body: keyFigures(publication) },
    { id: 'mediation', title: m.sections.mediation, body: await survey('mediation') },
    { id: 'rencontre', title: m.sections.rencontre, body: await survey('rencontre') },
    { id: 'territoires', title: m.sections.croise, body: await survey('croise') },
    { id: 'evolution', title: m.sections.evolution, body: await evolution(publication, tables, geo, counter) },
  ];
  // the follow-up (issue 23: cohort outcomes, src/render/suivi.ts) and impact (issue 24: effects of
  // mediation, src/render/impact.ts) sections are whole sections of their own, with their own h2
  const followUp = publication.followUp ? followUpSection(publication.followUp, FRANCE) : '';
  const impact = publication.impact
    ? await impactSection(publication.impact.result, publication.geography.labels, {
        rencontre: publication.impact.rencontre,
        nextChart: counter.next,
        survivalRule: publication.impact.survivalRule,
        champ: publication.followUp?.champ, // the same follow-up files: the same departments
      })
    : '';
  const annex = { id: 'annexe', title: m.annex.title, body: annexSection(publication) };
  const contents = [
    ...sections,
    ...(followUp ? [{ id: 'suivi', title: followUpTitle() }] : []),
    ...(impact ? [{ id: 'impact', title: impactTitle() }] : []),
    annex,
    { id: 'methodologie', title: m.sections.methodology },
  ];
  const section = (s: { id: string; title: string; body: string }, first: boolean) => `<section id="${s.id}"><h2${first ? ' class="first"' : ''}>${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`;
  const nav = `<nav aria-label="Sommaire"><ol>${contents
    .map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`)
    .join('')}</ol></nav>`;
  const body = [
    '<header>',
    `<h1>${escapeHtml(m.nationalTitle(publication.year))}</h1>`,
    `<p class="subtitle">${escapeHtml(m.nationalSubtitle())}</p>`,
    options.generatedAt ? `<p class="generated">${escapeHtml(m.generatedAt(displayDate(options.generatedAt)))}</p>` : '',
    publisherBlock(publication.publisher),
    '</header>',
    nav,
    '<main>',
    ...sections.map((s, i) => section(s, i === 0)),
    ...[followUp, impact].filter((html) => html !== ''),
    section(annex, false),
    methodologySection(publication, m.sections.methodology),
    '</main>',
  ].join('\n');
  return htmlPage({ title: m.nationalTitle(publication.year), body });
}

function keyFigures(publication: Publication): string {
  const items = keyFiguresOf(publication.tables).flatMap((k) => {
    const view = tableView(k.table);
    if (!view.codes.includes(k.code)) return [];
    const shown = view.shown(FRANCE, k.code);
    return [`<li><span class="value">${escapeHtml(formatShown(shown, view.decimals(k.code)))}</span>${escapeHtml(k.label)}</li>`];
  });
  return `<ul class="key">${items.join('')}</ul>`;
}

/**
 * The charts of a table's codes: one per unit, never two kinds of figure on one axis (a table whose
 * codes have units of their own: services and FTE, % and points), in the codes' order; a unit with a
 * single code gets none — one France bar compares nothing, and its axis, scaled to that bar alone,
 * made a change of 0,03 point look full-length (the table beside it has the figure).
 */
export function chartGroups(codes: readonly string[], unitOf: (code: string) => string): { unit: string; codes: string[] }[] {
  const byUnit = new Map<string, string[]>();
  for (const c of codes) byUnit.set(unitOf(c), [...(byUnit.get(unitOf(c)) ?? []), c]);
  return [...byUnit].filter(([, group]) => group.length > 1).map(([unit, group]) => ({ unit, codes: group }));
}

/** One table: its chart(s) (France, by part; maps for rates), then the table by region. */
async function tableBlock(table: PublicationTable, geo: readonly string[], publication: Publication, counter: Counter): Promise<string> {
  const view = tableView(table);
  const parts: string[] = [];
  for (const code of table.display?.maps ?? []) {
    if (!view.codes.includes(code)) continue;
    parts.push(
      choropleth({
        id: `carte-${table.meta.id}-${code}`,
        title: m.map.numbered(counter.nextMap(), view.label(code), publication.year),
        decimals: view.decimals(code),
        departments: publication.geography.departments.map((d) => ({ code: d.code, name: d.name, shown: view.shown(d.code, code) })),
      }),
    );
  }
  const groups = chartGroups(chartCodes(view), (c) => table.units?.[c] ?? table.meta.unit);
  for (const { unit, codes: group } of groups) {
    const several = groups.length > 1;
    const scale = euroScale(unit, group.map((c) => view.shown(FRANCE, c)));
    const title = m.chartTitle(table.meta.title, view.geoLabel(FRANCE));
    parts.push(
      await barChart({
        id: several ? `graphique-${table.meta.id}-${group[0]}` : `graphique-${table.meta.id}`,
        title: m.renumbered(several ? `${title} (${unit.charAt(0).toLowerCase()}${unit.slice(1)})` : title, 'Graphique', counter.next()),
        decimals: scale.factor > 1 ? 1 : table.decimals,
        unit: scale.unit,
        bars: group.map((c) => ({ label: view.label(c), shown: scaled(view.shown(FRANCE, c), scale.factor), decimals: scale.factor > 1 ? 1 : view.decimals(c) })),
        notes: { champ: table.meta.champ, source: table.meta.source },
      }),
    );
  }
  parts.push(htmlTable(view, geo));
  const flags = (table.display?.flags ?? []).filter((c) => view.codes.includes(c));
  for (const code of flags) {
    const names = publication.geography.departments.filter((d) => isOne(view.shown(d.code, code))).map((d) => d.name);
    parts.push(`<p class="white-zones">${escapeHtml(m.whiteZones(view.label(code), names))}</p>`);
  }
  return parts.join('\n');
}

/**
 * France, France métropolitaine and the DROM (protected margins like the others), then the regions of
 * metropolitan France, then those of the DROM (the geography lists areas metropolitan first).
 */
function territoriesInOrder(publication: Publication): string[] {
  const geography = publication.geography;
  return [FRANCE, ...geography.zones.map((z) => z.code), ...geography.regions.map((r) => r.code)];
}

/** Charts and maps are numbered in reading order, each series on its own. */
interface Counter {
  next: () => number;
  nextMap: () => number;
}

function numbering(): Counter {
  let charts = 0;
  let maps = 0;
  return { next: () => ++charts, nextMap: () => ++maps };
}

/** Euro amounts drawn in thousands or millions of euros, so the axis reads « 12 M€ », not « 12 000 000 ». */
export function euroScale(unit: string, shown: readonly Shown[]): { factor: number; unit: string } {
  if (unit !== 'En euros') return { factor: 1, unit };
  const max = Math.max(0, ...shown.map((s) => (s.kind === 'value' ? Math.abs(s.value) : 0)));
  if (max >= 1e6) return { factor: 1e6, unit: m.euros.millions() };
  if (max >= 1e4) return { factor: 1e3, unit: m.euros.thousands() };
  return { factor: 1, unit };
}

function scaled(shown: Shown, factor: number): Shown {
  return shown.kind === 'value' && factor !== 1 ? { kind: 'value', value: shown.value / factor } : shown;
}

function evolutionUnit(tables: readonly PublicationTable[], id: string, code: string): string | undefined {
  const table = tables.find((t) => t.meta.id === id);
  return table ? (table.units?.[code] ?? table.meta.unit) : undefined;
}

function notesOf(tables: readonly PublicationTable[], id: string): { notes?: { champ: string; source: string } } {
  const table = tables.find((t) => t.meta.id === id);
  return table ? { notes: { champ: table.meta.champ, source: table.meta.source } } : {};
}

function isOne(shown: Shown): boolean {
  return shown.kind === 'value' && shown.value === 1;
}

async function evolution(publication: Publication, tables: readonly PublicationTable[], geo: readonly string[], counter: Counter): Promise<string> {
  const years = [...publication.history.map((h) => ({ year: h.year, tables: h.tables })), { year: publication.year, tables: publication.tables }];
  const parts: string[] = [];
  if (years.length < 2) parts.push(`<p>${escapeHtml(m.evolutionNone())}</p>`);
  else {
    for (const series of evolutionSeries(years.map((y) => y.tables))) {
      const bars = years.map((y) => ({ label: String(y.year), shown: shownIn(y.tables, series.table, series.code) }));
      if (bars.every((b) => b.shown.kind === 'missing')) continue;
      parts.push(
        await barChart({
          id: `evolution-${series.table}-${series.code}`,
          title: m.renumbered(m.evolutionChart(series.label, years[0].year, publication.year), 'Graphique', counter.next()),
          unit: evolutionUnit(tables, series.table, series.code),
          ...notesOf(tables, series.table),
          decimals: decimalsIn(tables, series.table, series.code),
          bars: bars.filter((b) => b.shown.kind !== 'missing'),
        }),
      );
    }
  }
  for (const t of tables.filter(inEvolution)) parts.push(await tableBlock(t, geo, publication, counter));
  return parts.join('\n');
}

function shownIn(tables: readonly PublicationTable[], id: string, code: string): Shown {
  const table = tables.find((t) => t.meta.id === id);
  if (!table) return NOT_APPLICABLE;
  const view: TableView = tableView(table);
  return view.shown(FRANCE, code);
}

function decimalsIn(tables: readonly PublicationTable[], id: string, code: string): number {
  const table = tables.find((t) => t.meta.id === id);
  return table ? tableView(table).decimals(code) : 0;
}
