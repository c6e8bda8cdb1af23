/**
 * `reports/<year>/cours-appel/<code>.html`: one page per court of appeal, its departments beside the
 * court's total, the DROM as a whole for an overseas court, and France. Waiting lists and waiting days come first (what a judge needs to place a
 * measure), then the other espaces de rencontre tables, family mediation, and the territories.
 *
 * @example
 *   const html = await courtPage(publication, 'CA-LYON', { generatedAt: null });
 */
import type { Publication, PublicationTable } from '../model/publication.ts';
import { DROM, FRANCE } from '../model/geography.ts';
import { barChart } from './charts.ts';
import { displayDate, escapeHtml } from './format.ts';
import { htmlTable, TOTALS } from './html-table.ts';
import { localLecture } from './lecture.ts';
import { renderMessages as m } from './messages.ts';
import { publisherBlock } from './publisher.ts';
import { methodologySection } from './methodology.ts';
import { htmlPage } from './page.ts';
import { followUpSection } from './suivi.ts';
import { tableView, type TableView } from './view.ts';

/** The waiting-list table (`display.court.role`): first on a court page, its codes charted. */
const isWaiting = (t: PublicationTable) => t.display?.court?.role === 'waiting';

/** Display rank of a table on a court page: waiting first, then rencontre, mediation, crossed. */
function rank(t: PublicationTable): number {
  if (isWaiting(t)) return 0;
  return { rencontre: 1, mediation: 2, croise: 3 }[t.meta.survey] ?? 4;
}

/** A table as a court page shows it: its own number, and a Lecture line read in the court's cell. */
function localTable(table: PublicationTable, number: number, court: string, courtLabel: string, year: number): PublicationTable {
  const lecture = localLecture(table, court, m.courtPlace(courtLabel), year);
  return { ...table, meta: { ...table.meta, number, title: m.renumbered(table.meta.title, 'Tableau', number), lecture } };
}

export async function courtPage(publication: Publication, court: string, options: { generatedAt: string | null }): Promise<string> {
  const geography = publication.geography;
  const name = geography.labels[court] ?? court;
  const departments = geography.departments.filter((d) => d.court === court);
  // a one-department court: the department is the whole ressort, its row stands for both
  const single = departments.length === 1;
  // an overseas court is compared with the DROM as a whole too (a metropolitan one with France only,
  // France métropolitaine being nearly France)
  const drom = departments.some((d) => d.zone === DROM) ? [DROM] : [];
  const geo = single ? [departments[0].code, ...drom, FRANCE] : [...departments.map((d) => d.code), court, ...drom, FRANCE];
  const rowLabels: Record<string, string> = single ? { [departments[0].code]: m.courtSingleRow(departments[0].name, name) } : {};
  const tables = [...publication.tables].sort((a, b) => rank(a) - rank(b) || a.meta.number - b.meta.number);
  const blocks: string[] = [];
  // a survey without any table: it had no accepted response this year (said, not left out silently)
  for (const [survey, title] of [['rencontre', m.sections.rencontre], ['mediation', m.sections.mediation]] as const) {
    if (!tables.some((t) => t.meta.survey === survey)) blocks.push(`<section><h2>${escapeHtml(title)}</h2><p class="absent">${escapeHtml(m.surveyAbsent(publication.year))}</p></section>`);
  }
  let heading = -1;
  let charts = 0;
  const headings = [m.sections.waiting, m.sections.rencontre, m.sections.mediation, m.sections.croise, m.sections.other];
  // the page's own numbering, which its methodology's table of withheld cells follows too
  // the territory the page reads and sets in bold: the court, or a one-department court's department
  const own = single ? departments[0].code : court;
  const local = tables.map((national, k) => localTable(national, k + 1, own, name, publication.year));
  for (const table of local) {
    const r = rank(table);
    if (r !== heading) {
      if (heading >= 0) blocks.push('</section>');
      blocks.push(`<section id="section-${r}"><h2${r === 0 ? ' class="first"' : ''}>${escapeHtml(headings[r])}</h2>`);
      heading = r;
    }
    const view = labelled(tableView(table), rowLabels);
    if (isWaiting(table)) {
      // indicators that are not sums (a median) are charted beside the court and France
      const comparedWithFrance = new Set(table.display?.court?.comparedWithFrance ?? []);
      for (const code of view.codes) {
        // a count is drawn by department (it would be dwarfed beside France's), so not for a
        // one-department court, whose table gives it; a median beside the court (the DROM) and France.
        // No chart where none of the court's own territories has a figure: it would show France alone
        const drawn = comparedWithFrance.has(code) ? geo : single ? [] : departments.map((d) => d.code);
        if (!drawn.some((g) => g !== FRANCE && g !== DROM && view.shown(g, code).kind === 'value')) continue;
        blocks.push(
          await barChart({
            id: `graphique-${table.meta.id}-${code}`,
            title: m.renumbered(`${view.label(code)} – ${name}, en ${publication.year}`, 'Graphique', ++charts),
            unit: table.units?.[code] ?? table.meta.unit,
            decimals: view.decimals(code),
            bars: drawn.map((g) => ({ label: view.geoLabel(g), shown: view.shown(g, code) })),
            notes: { champ: table.meta.champ, source: table.meta.source },
          }),
        );
      }
    }
    // the court's own total stands out like France's
    blocks.push(htmlTable(view, geo, 't', new Set([...TOTALS, own])));
  }
  if (heading >= 0) blocks.push('</section>');
  // the year before has data (it is the history of the evolutions): its pages are published too
  const previous = publication.history.some((h) => h.year === publication.year - 1) ? publication.year - 1 : undefined;
  const body = [
    '<header>',
    `<h1>${escapeHtml(m.courtTitle(name, publication.year))}</h1>`,
    `<p class="subtitle">${escapeHtml(single ? m.courtIntroSingle(`${departments[0].name} (${departments[0].code})`, name, drom.length > 0) : m.courtIntro(departments.map((d) => `${d.name} (${d.code})`), drom.length > 0))}</p>`,
    // the national report of the year (its methodology, the other courts' figures), then the year before
    `<p class="previous"><a href="../index.html">${escapeHtml(m.nationalLink(publication.year))}</a></p>`,
    previous !== undefined ? `<p class="previous"><a href="../../${previous}/cours-appel/${escapeHtml(court)}.html">${escapeHtml(m.previousYear(previous))}</a></p>` : '',
    options.generatedAt ? `<p class="generated">${escapeHtml(m.generatedAt(displayDate(options.generatedAt)))}</p>` : '',
    publisherBlock(publication.publisher),
    '</header>',
    '<main>',
    ...blocks,
    publication.followUp ? followUpSection(publication.followUp, court) : '', // issue 23: cohort outcomes (src/render/suivi.ts)
    methodologySection({ ...publication, tables: local }, m.sections.methodology),
    '</main>',
  ].join('\n');
  return htmlPage({ title: m.courtTitle(name, publication.year), body });
}

/** The view with some territories renamed (a one-department court's row). */
function labelled(view: TableView, labels: Readonly<Record<string, string>>): TableView {
  return Object.keys(labels).length === 0 ? view : { ...view, geoLabel: (geo: string) => labels[geo] ?? view.geoLabel(geo) };
}
