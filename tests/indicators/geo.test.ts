/**
 * The `geo` dimension over the shipped reference: France métropolitaine and the DROM are a level of
 * both hierarchies (between regions or courts and France), listed and labelled like the others, and
 * protected like any other margin — a zone is the sum of its regions and of its courts.
 */
import { join } from 'node:path';
import { geoDimension, geoLevel, geoLevelLabels, geoMembers, geoOrder } from '../../src/indicators/geo.ts';
import { loadGeography } from '../../src/ingest/geography.ts';
import { DROM, FRANCE, METROPOLE } from '../../src/model/geography.ts';
import { parseSpec } from '../../src/format/spec.ts';
import { audit, protect } from '../../src/protect/index.ts';
import type { Contribution, ProtectSpec } from '../../src/protect/types.ts';

const geography = loadGeography(join(import.meta.dirname, '..', '..', 'data-raw', 'reference'));

describe('the zone level of the geography', () => {
  it('lists France, the two zones, then regions and courts metropolitan first, then departments', () => {
    const order = geoOrder(geography);
    expect(order.slice(0, 3)).toEqual([FRANCE, METROPOLE, DROM]);
    expect(order).toHaveLength(1 + 2 + 18 + 34 + 101);
    expect(geoLevel(geography, METROPOLE)).toBe('zone');
    expect(geoLevel(geography, DROM)).toBe('zone');
    expect(geoLevelLabels.zone).toContain('France métropolitaine');
    expect(geography.labels[METROPOLE]).toBe('France métropolitaine');
  });

  it('puts the five overseas departments in the DROM and the 96 others in France métropolitaine', () => {
    const members = geoMembers(geography);
    expect(members.get(DROM)).toEqual(['971', '972', '973', '974', '976']);
    expect(members.get(METROPOLE)).toHaveLength(96);
  });

  it('nests the zones in both hierarchies: each zone covers the same departments through regions and through courts', () => {
    const dim = geoDimension(geography);
    // the protection contract refuses a code covering different leaves in two hierarchies
    const spec = parseSpec(JSON.stringify({ dimensions: [dim], contributor: 'service', rules: { minValue: 3 } }));
    expect(spec.dimensions[0].hierarchies.region.R01).toBe(DROM);
    expect(spec.dimensions[0].hierarchies.ca['CA-CAYENNE']).toBe(DROM);
    expect(spec.dimensions[0].hierarchies.ca[DROM]).toBe(FRANCE);
  });

  it('is protected like any other margin: a DROM total that would give away a small cell is withheld or covered', async () => {
    // every department has 10 people, except Mayotte with 1 (primary): without protection,
    // Mayotte = DROM − (971 + 972 + 973 + 974), and likewise through its region, its court and France
    const contributions: Contribution[] = geography.departments.map((d) => ({ codes: [d.code], contributor: `S-${d.code}`, value: d.code === '976' ? 1 : 10 }));
    const spec: ProtectSpec = { dimensions: [geoDimension(geography)], contributor: 'service', value: 'personnes', rules: { minValue: 3, protectionPercent: 10 } };
    const table = await protect(spec, contributions);
    const status = new Map(table.cells.map((c) => [c.codes[0], c.status]));
    expect(status.get('976')).toBe('u');
    expect(status.has(DROM)).toBe(true);
    expect(status.has(METROPOLE)).toBe(true);
    // the zone equations leave Mayotte hidden: at least one more cell of DROM = Σ its departments is withheld
    const dromParts = [DROM, '971', '972', '973', '974'];
    expect(dromParts.some((c) => status.get(c) !== 's')).toBe(true);
    const verdict = await audit(spec, contributions, table.cells);
    expect(verdict.ok).toBe(true);
  });
});
