/**
 * The national report's annex: every department for the main indicators (the key figures), each row
 * linking to its court's page and its workbook, then the downloadable files of the year (each table
 * as CSV and long CSV, the court pages). Every link is relative to `reports/<year>/`, so the folder
 * can be copied to a web server as it is; the tables are copied beside it (`donnees/`).
 *
 * @example
 *   annexSection(publication); // '<table>…<a href="departements/01.xlsx">…'
 */
import type { Publication } from '../model/publication.ts';
import { escapeHtml, formatShown } from './format.ts';
import { keyFigures } from './display.ts';
import { renderMessages as m } from './messages.ts';
import { NOT_APPLICABLE, tableView, type TableView } from './view.ts';

/** Folder of `reports/<year>/` holding a copy of the year's tables (CSV and long CSV). */
export const DATA_FOLDER = 'donnees';

export function annexSection(publication: Publication): string {
  const geography = publication.geography;
  const columns = keyFigures(publication.tables).flatMap((k) => {
    const view = tableView(k.table);
    return view.codes.includes(k.code) ? [{ code: k.code, label: k.label, view, unit: k.table.units?.[k.code] ?? k.table.meta.unit }] : [];
  });
  const courts = new Set(geography.departments.map((d) => d.court));
  const head = columns.map((c) => `<th scope="col">${escapeHtml(capitalised(c.label))}</th>`).join('');
  const rows = geography.departments
    .map((d) => {
      const cells = columns.map((c) => cell(c.view, d.code, c.code)).join('');
      const links = `<td><a href="departements/${escapeHtml(d.code)}.xlsx">${escapeHtml(m.annex.workbook())}</a> · <a href="cours-appel/${escapeHtml(d.court)}.html">${escapeHtml(m.annex.court())}</a></td>`;
      return `<tr><th scope="row">${escapeHtml(`${d.name} (${d.code})`)}</th>${cells}${links}</tr>`;
    })
    .join('\n');
  const table = [
    '<figure class="table" id="annexe-departements">',
    '<div class="scroll"><table>',
    `<caption><span class="title">${escapeHtml(m.annex.tableTitle(publication.year))}</span><span class="unit">${escapeHtml(m.annex.units(columns.map((c) => `${c.label} : ${c.unit.toLowerCase()}`)))}</span></caption>`,
    `<thead><tr><th scope="col">${escapeHtml(m.annex.department)}</th>${head}<th scope="col">${escapeHtml(m.annex.files)}</th></tr></thead>`,
    `<tbody>\n${rows}\n</tbody>`,
    '</table></div>',
    `<figcaption class="notes"><p><b>${escapeHtml(m.source)} :</b> ${escapeHtml([...new Set(columns.map((c) => c.view.table.meta.source))].join(' ; '))}</p></figcaption>`,
    '</figure>',
  ].join('\n');
  const tables = [...publication.tables].sort((a, b) => a.meta.number - b.meta.number);
  // the follow-up and impact sections' tables too, when the run had follow-up files (copied beside the others)
  const extra = [
    ...(publication.followUp ? (['mediation', 'rencontre'] as const).map((s) => ({ id: `suivi-${s}`, title: m.annex.followUpTable(s) })) : []),
    ...(publication.impact ? [{ id: 'impact-mediation', title: m.annex.impactTable() }] : []),
  ];
  const downloads = [...tables.map((t) => ({ id: t.meta.id, title: t.meta.title })), ...extra]
    .map((t) => `<li>${escapeHtml(t.title)} : <a href="${DATA_FOLDER}/${escapeHtml(t.id)}.csv">${escapeHtml(m.annex.csv())}</a> · <a href="${DATA_FOLDER}/${escapeHtml(t.id)}.long.csv">${escapeHtml(m.annex.longCsv())}</a></li>`)
    .join('\n');
  const courtLinks = geography.courts
    .filter((c) => courts.has(c.code))
    .map((c) => `<li><a href="cours-appel/${escapeHtml(c.code)}.html">${escapeHtml(c.name)}</a></li>`)
    .join('\n');
  return [
    table,
    `<h3>${escapeHtml(m.annex.downloads())}</h3>`,
    `<p>${escapeHtml(m.annex.downloadsIntro())}</p>`,
    `<ul class="downloads">\n${downloads}\n</ul>`,
    `<h3>${escapeHtml(m.annex.courts())}</h3>`,
    `<ul class="downloads courts">\n${courtLinks}\n</ul>`,
  ].join('\n');
}

function cell(view: TableView, geo: string, code: string): string {
  const shown = view.codes.includes(code) ? view.shown(geo, code) : NOT_APPLICABLE;
  return `<td class="${shown.kind === 'value' ? 'num' : 'num sign'}">${escapeHtml(formatShown(shown, view.decimals(code)))}</td>`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
