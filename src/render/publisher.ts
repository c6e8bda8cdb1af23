/**
 * The publication block of every report (`pipelines/config/publication.json`): producers, contact,
 * date, collection, ISSN, and a warning when the figures are fictitious (the shipped sample). Reports
 * name their producers, never the tool that computed them.
 *
 * @example
 *   publisherLines(publication.publisher); // ["Producteurs : Cnaf ; …", "Contact : …", …]
 */
import type { Publisher } from '../model/publication.ts';
import { escapeHtml } from './format.ts';
import { renderMessages as m } from './messages.ts';

/** The block as lines of text (workbooks), in reading order; none without a publisher. */
export function publisherLines(publisher: Publisher | undefined): string[] {
  if (!publisher) return [];
  const t = m.publisher;
  return [
    ...(publisher.fictitious ? [t.fictitious()] : []),
    t.producers(publisher.producers),
    ...(publisher.collection ? [t.collection(publisher.collection, publisher.issn)] : []),
    ...(publisher.date ? [t.date(publisher.date)] : []),
    t.contact(publisher.contact),
  ];
}

/** The block as HTML, for the header of the national report and the court pages. */
export function publisherBlock(publisher: Publisher | undefined): string {
  if (!publisher) return '';
  const [first, ...rest] = publisherLines(publisher);
  const warning = publisher.fictitious ? `<p class="fictitious" role="note"><strong>${escapeHtml(first)}</strong></p>` : '';
  const lines = publisher.fictitious ? rest : [first, ...rest];
  return `${warning}<div class="publisher">${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`;
}

/** The name a workbook gives as its author (the producers), never the tool. */
export function publisherName(publisher: Publisher | undefined): string {
  return publisher ? publisher.producers.join(' ; ') : '';
}
