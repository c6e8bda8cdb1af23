/**
 * The methodology and secrecy section of the HTML pages: the rules in words (written from the
 * publication's `protect.json`, `secrecy-rules.ts`), what `s` means, how many
 * cells each table withholds (from `PublicationTable.protection`), who can re-audit a table.
 *
 * @example
 *   methodologySection(publication); // '<section id="methodologie">…'
 */
import type { Publication } from '../model/publication.ts';
import { escapeHtml, formatNumber } from './format.ts';
import { renderMessages as m } from './messages.ts';
import { ruleLines } from './secrecy-rules.ts';

export function methodologySection(publication: Publication, heading: string): string {
  const t = m.methodology;
  const rows = publication.tables
    .map((p) => {
      const pr = p.protection;
      return `<tr><th scope="row">${escapeHtml(p.meta.title)}</th><td class="num">${formatNumber(pr.cells, 0)}</td><td class="num">${formatNumber(pr.suppressed, 0)}</td><td class="num">${formatNumber(pr.shareSuppressed * 100, 1)}\u00a0%</td><td>${escapeHtml(t.audit[pr.audit])}</td></tr>`;
    })
    .join('\n');
  return [
    `<section id="methodologie"><h2>${escapeHtml(heading)}</h2>`,
    `<p>${escapeHtml(t.intro())}</p>`,
    `<ul>${ruleLines(publication.secrecy).map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`,
    `<p>${escapeHtml(t.sMeaning())}</p>`,
    `<p>${escapeHtml(t.law())}</p>`,
    '<div class="scroll"><table>',
    `<caption><span class="title">${escapeHtml(t.countsCaption(publication.year))}</span></caption>`,
    `<thead><tr>${t.countsHeaders.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows}\n</tbody></table></div>`,
    `<p>${escapeHtml(t.reaudit())}</p>`,
    '</section>',
  ].join('\n');
}
