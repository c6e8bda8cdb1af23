/**
 * One publication table as an accessible HTML table in the French convention: numbered title as the
 * `<caption>`, the unit, header cells with `scope`, `s` in place of every suppressed value, then the
 * Lecture / Champ / Source / Note lines.
 *
 * @example
 *   htmlTable(tableView(t), ['FR', 'R84']); // '<figure class="table" id="t-med-terminees-cadre">…'
 */
import { DROM, FRANCE, METROPOLE } from '../model/geography.ts';
import { escapeHtml, formatShown } from './format.ts';
import { renderMessages as m } from './messages.ts';
import type { TableView } from './view.ts';

/** France and its two parts, France métropolitaine and the DROM, stand out in bold. */
export const TOTALS: ReadonlySet<string> = new Set([FRANCE, METROPOLE, DROM]);

/** `bold`: the rows that stand out (France and its two parts; a court page adds its court). */
export function htmlTable(view: TableView, geos: readonly string[], idPrefix = 't', bold: ReadonlySet<string> = TOTALS): string {
  const { meta } = view.table;
  const head = view.codes.map((c) => `<th scope="col">${escapeHtml(view.label(c))}</th>`).join('');
  const rows = geos
    .map((geo) => {
      const cells = view.codes
        .map((c) => {
          const shown = view.shown(geo, c);
          const cls = shown.kind === 'value' ? 'num' : 'num sign';
          return `<td class="${cls}">${escapeHtml(formatShown(shown, view.decimals(c)))}</td>`;
        })
        .join('');
      return `<tr${bold.has(geo) ? ' class="total"' : ''}><th scope="row">${escapeHtml(view.geoLabel(geo))}</th>${cells}</tr>`;
    })
    .join('\n');
  return [
    `<figure class="table" id="${idPrefix}-${escapeHtml(meta.id)}">`,
    '<div class="scroll"><table>',
    `<caption><span class="title">${escapeHtml(meta.title)}</span><span class="unit">${escapeHtml(meta.unit)}</span></caption>`,
    `<thead><tr><th scope="col">${escapeHtml(m.territory)}</th>${head}</tr></thead>`,
    `<tbody>\n${rows}\n</tbody>`,
    '</table></div>',
    tableNotes(view),
    '</figure>',
  ].join('\n');
}

export function tableNotes(view: TableView): string {
  const { meta } = view.table;
  const line = (label: string, text: string) => (text ? `<p><b>${escapeHtml(label)} :</b> ${escapeHtml(text)}</p>` : '');
  return `<figcaption class="notes">${line(m.lecture, meta.lecture)}${line(m.champ, meta.champ)}${line(m.source, meta.source)}${line(m.note, meta.note)}</figcaption>`;
}
