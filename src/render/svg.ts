/**
 * Server-side vega rendering to inline SVG, made safe and stable for a self-contained page:
 * ids are renumbered per chart (vega numbers clip paths with a process-wide counter), invisible
 * text (overlapping axis labels vega hides with opacity 0) is dropped, and anything that is not a
 * drawn mark — scripts, foreign objects, event handlers, external links, comments — is refused.
 *
 * @example
 *   const svg = await vegaLiteToSvg(spec, 'chart-3'); // '<svg …>…</svg>'
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';

// vega's View accepts a locale *specification* and builds the formatters itself; its typings only
// declare the built formatters, hence the cast.
export const FRENCH = {
  number: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0€'] },
} as unknown as vega.LocaleFormatters;

export async function vegaLiteToSvg(spec: vl.TopLevelSpec, idPrefix: string): Promise<string> {
  const shaped = shapeOf(spec);
  if (!shaped) return cleanSvg(await svgOf(new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none', locale: FRENCH }), true), idPrefix);
  const { shape, values } = shaped;
  // one chart at a time per view: renders of several years may be under way together
  const drawn = shape.turn.then(async () => {
    shape.view ??= new vega.View(vega.parse(shape.spec), { renderer: 'none', locale: FRENCH });
    // emptied first, so that no mark, tick or grid line of the previous chart is kept and reordered:
    // the SVG is then the one a new view would draw (tested on random charts)
    shape.view.data(shape.name, []);
    await shape.view.runAsync();
    shape.view.data(shape.name, structuredClone(values));
    return cleanSvg(await svgOf(shape.view, false), idPrefix);
  });
  shape.turn = drawn.catch(() => undefined);
  return drawn;
}

async function svgOf(view: vega.View, finalize: boolean): Promise<string> {
  try {
    return await view.toSVG();
  } finally {
    if (finalize) view.finalize();
  }
}

/**
 * Charts of a run share a few shapes and differ only by their inline data, which vega-lite copies
 * into the compiled spec untouched: each shape is compiled and parsed into a vega view once, and
 * each chart swaps its data in: several times faster than a view per chart, same SVG bytes
 * (figures in bench/README.md).
 */
interface Shape {
  spec: vega.Spec;
  /** name of the data set that holds the chart's values */
  name: string;
  view?: vega.View;
  /** the last chart drawn or being drawn with this view */
  turn: Promise<unknown>;
}
const shapes = new Map<string, Shape | null>();

function shapeOf(spec: vl.TopLevelSpec): { shape: Shape; values: unknown[] } | undefined {
  const data = (spec as { data?: unknown }).data;
  const values = data !== null && typeof data === 'object' && Object.keys(data).length === 1 && Array.isArray((data as { values?: unknown }).values) ? (data as { values: unknown[] }).values : undefined;
  if (values === undefined) return undefined;
  const key = JSON.stringify({ ...spec, data: null });
  if (!shapes.has(key)) {
    const compiled = vl.compile({ ...spec, data: { values: [] } } as vl.TopLevelSpec).spec;
    const sets = (compiled.data ?? []).filter((d) => 'values' in d);
    const set = sets.length === 1 && Array.isArray((sets[0] as { values?: unknown }).values) ? sets[0] : undefined;
    shapes.set(key, set ? { spec: compiled, name: set.name, turn: Promise.resolve() } : null);
  }
  const shape = shapes.get(key);
  return shape ? { shape, values } : undefined;
}

const FORBIDDEN = [/<script/i, /<foreignObject/i, /\son[a-z]+\s*=/i, /(?:href|src)\s*=\s*"(?!#)/i, /<!--/, /data:/i, /<image/i];

/** What a drawing of marks is made of; anything else is refused rather than passed on to the page. */
const ELEMENTS = new Set(['svg', 'g', 'path', 'rect', 'line', 'text', 'tspan', 'circle', 'defs', 'clipPath']);
const ATTRIBUTES = new Set([
  'xmlns', 'xmlns:xlink', 'version', 'class', 'width', 'height', 'viewBox', 'id', 'clip-path', 'transform', 'd',
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'dx', 'dy', 'cx', 'cy', 'r', 'rx', 'ry',
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'display', 'pointer-events', 'shape-rendering', 'paint-order',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'letter-spacing',
  'role', 'aria-hidden', 'aria-label', 'aria-roledescription',
]);

/** Renumbers ids, drops invisible text, and throws when the SVG holds anything but drawing. */
export function cleanSvg(svg: string, idPrefix: string): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(match[1])) ids.set(match[1], `${idPrefix}-${ids.size + 1}`);
  let out = svg.replace(/<text[^>]*\sopacity="0"[^>]*>[^<]*<\/text>/g, '');
  out = out.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (all, lead: string, id: string) => (ids.has(id) ? `${lead}${ids.get(id)}` : all));
  out = out.replace(/^<\?xml[^>]*>\s*/, '');
  for (const pattern of FORBIDDEN) if (pattern.test(out)) throw new Error(`SVG refusé (${pattern.source}) pour ${idPrefix}`);
  for (const [, name] of out.matchAll(/<([A-Za-z][\w:-]*)/g)) if (!ELEMENTS.has(name)) throw new Error(`SVG refusé (élément ${name}) pour ${idPrefix}`);
  for (const [, name] of out.matchAll(/\s([A-Za-z][\w:-]*)="/g)) if (!ATTRIBUTES.has(name)) throw new Error(`SVG refusé (attribut ${name}) pour ${idPrefix}`);
  return out;
}
