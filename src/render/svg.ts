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
const FRENCH = {
  number: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0€'] },
} as unknown as vega.LocaleFormatters;

export async function vegaLiteToSvg(spec: vl.TopLevelSpec, idPrefix: string): Promise<string> {
  const compiled = compile(spec);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', locale: FRENCH });
  try {
    return cleanSvg(await view.toSVG(), idPrefix);
  } finally {
    view.finalize();
  }
}

// Charts of a run share a few shapes and differ only by their inline data, which vega-lite copies
// into the compiled spec untouched: each shape is compiled once and its data swapped in.
const shapes = new Map<string, { spec: vega.Spec; at: number }>();

function compile(spec: vl.TopLevelSpec): vega.Spec {
  const data = (spec as { data?: unknown }).data;
  const values = data !== null && typeof data === 'object' && Object.keys(data).length === 1 && Array.isArray((data as { values?: unknown }).values) ? (data as { values: unknown[] }).values : undefined;
  if (values === undefined) return vl.compile(spec).spec;
  const key = JSON.stringify({ ...spec, data: null });
  let shape = shapes.get(key);
  if (!shape) {
    const compiled = vl.compile({ ...spec, data: { values: [] } } as vl.TopLevelSpec).spec;
    const at = (compiled.data ?? []).findIndex((d) => 'values' in d && Array.isArray(d.values) && d.values.length === 0);
    if (at < 0 || (compiled.data ?? []).filter((d) => 'values' in d).length !== 1) return vl.compile(spec).spec;
    shapes.set(key, (shape = { spec: compiled, at }));
  }
  const out = structuredClone(shape.spec);
  (out.data![shape.at] as { values: unknown[] }).values = structuredClone(values);
  return out;
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
