/**
 * A table's Lecture line read in one territory's cell instead of France's: a court page reads its
 * court, a department's workbook its department. The catalogue's sentence (« En {annee}, en France,
 * {valeur} … ») is kept with « en France » replaced by the place; a withheld cell gets a sentence that
 * names the figure and its sign instead of a value. Lines that do not read France are kept as written.
 *
 * @example
 *   localLecture(table, 'CA-LYON', m.courtPlace("Cour d'appel de Lyon"), 2025);
 *   // "En 2025, dans le ressort de la cour d'appel de Lyon, 1 234 médiations familiales …"
 */
import { readLecture, type PublicationTable } from '../model/publication.ts';
import { formatNumber } from './format.ts';
import { renderMessages as m, signs } from './messages.ts';
import { tableView } from './view.ts';

export function localLecture(table: PublicationTable, geo: string, place: string, year: number): string {
  const reading = table.meta.reading;
  if (!reading || !reading.template.includes('en France')) return table.meta.lecture;
  const view = tableView(table);
  const shown = view.shown(geo, reading.code);
  return shown.kind === 'value'
    ? readLecture(reading.template.replace('en France', place), shown.value, formatNumber(shown.value, view.decimals(reading.code)))
    : m.lectureWithheld(year, place, view.label(reading.code), shown.kind === 'secret' ? signs.secret : shown.mark, table.changes !== undefined);
}
