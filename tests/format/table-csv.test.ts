/**
 * Published CSV files: `s` where suppressed (the true value never leaks into a file), French
 * presentation for people, one row per cell for machines.
 */
import { parse } from 'csv-parse/sync';
import { geoOrder } from '../../src/indicators/geo.ts';
import { longStatus, publishMessages, signs } from '../../src/indicators/messages.ts';
import { markKey } from '../../src/indicators/marks.ts';
import { formatLongCsv, formatTableCsv } from '../../src/format/table-csv.ts';
import type { PublicationTable } from '../../src/model/publication.ts';
import { sealProtected } from '../../src/protect/protected-table.ts';
import type { Cell, CellStatus } from '../../src/protect/types.ts';
import { twoHierarchies } from '../indicators/fixtures.ts';

const cell = (geo: string, code: string, value: number, status: CellStatus = 's'): Cell => ({ codes: [geo, code], value, contributors: 3, status });

const secretValue = 3;
const published: PublicationTable = {
  meta: {
    id: 'med-terminees-cadre', number: 1, title: 'Tableau 1 – Médiations; terminées', unit: 'En nombre', survey: 'mediation',
    lecture: 'En 2024, …', champ: 'Services', source: 'Cnaf', note: 's : secret statistique',
  },
  year: 2024,
  table: sealProtected(['geo', 'cadre'], [cell('FR', 'judiciaire', 1234.5), cell('FR', 'ENS', 2000), cell('D1', 'judiciaire', secretValue, 'u'), cell('D1', 'ENS', 17, 'x')]),
  labels: { geo: twoHierarchies.labels, cadre: { judiciaire: 'Judiciaire', ENS: 'Ensemble' } },
  order: { cadre: ['judiciaire', 'ENS'] },
  decimals: 1,
  // RB has no service of that kind; D2 has services, none answered; the secret D1 keeps its `s`
  marks: new Map([[markKey('RB', 'judiciaire'), '-'], [markKey('D2', 'judiciaire'), 'nd'], [markKey('D1', 'judiciaire'), 'nd']]),
  protection: { cells: 4, suppressed: 2, shareSuppressed: 0.5, audit: 'ok' },
};
const geoCodes = geoOrder(twoHierarchies);

describe('formatTableCsv (for people)', () => {
  const text = formatTableCsv(published, twoHierarchies, geoCodes);
  const lines = text.replace(/^\ufeff/, '').split('\r\n');

  it('starts with a BOM, the title (quoted when it holds a ;) and the unit', () => {
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(lines[0]).toBe('"Tableau 1 – Médiations; terminées"');
    expect(lines[1]).toBe('En nombre');
  });

  it('writes one row per territory, France first, with decimal commas and s for suppressed cells', () => {
    const header = lines.indexOf('Niveau;Code;Territoire;Judiciaire;Ensemble');
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toBe('France;FR;France;1234,5;2000');
    const d1 = lines.find((l) => l.includes(';D1;'));
    expect(d1).toBe(`Département;D1;Un;${signs.secret};${signs.secret}`);
    expect(lines.filter((l) => l.startsWith('Département;')).length).toBe(4);
  });

  it('ends with Lecture, Champ, Source, Note and the count of suppressed cells', () => {
    const tail = lines.filter((l) => l !== '').slice(-5);
    expect(tail.slice(0, 4).map((l) => l.split(' : ')[0])).toEqual(['Lecture', 'Champ', 'Source', 'Note']);
    expect(tail[4]).toBe(publishMessages.suppressedShare(2, 4, '50,0\u00a0%'));
  });

  it('never writes a suppressed true value', () => {
    expect(lines.some((l) => l.split(';').includes(String(secretValue)))).toBe(false);
  });

  it('shows a mark instead of a zero where there is no service (-) or no usable return (nd), never over a secret', () => {
    expect(lines.find((l) => l.includes(';RB;'))!.split(';')[3]).toBe('-');
    const d2 = lines.find((l) => l.includes(';D2;'))!.split(';');
    expect(d2[3]).toBe('nd');
    const d1 = lines.find((l) => l.includes(';D1;'))!.split(';');
    expect(d1[3]).toBe(signs.secret);
  });
});

describe('formatLongCsv (for machines)', () => {
  const rows = parse(formatLongCsv(published, geoCodes), { columns: true }) as Record<string, string>[];

  it('has the dimension columns named as in the spec, value and status', () => {
    expect(Object.keys(rows[0])).toEqual(['geo', 'cadre', 'value', 'status']);
  });

  it('gives one row per territory and code; s instead of the value when suppressed', () => {
    expect(rows).toHaveLength(geoCodes.length * 2);
    expect(rows.find((r) => r.geo === 'FR' && r.cadre === 'judiciaire')).toEqual({ geo: 'FR', cadre: 'judiciaire', value: '1234.5', status: longStatus.published });
    expect(rows.find((r) => r.geo === 'D2' && r.cadre === 'ENS')).toEqual({ geo: 'D2', cadre: 'ENS', value: '0', status: longStatus.published });
  });

  it('writes a mark in the value column, with the public status published, and keeps a secret cell secret', () => {
    expect(rows.find((r) => r.geo === 'D2' && r.cadre === 'judiciaire')).toEqual({ geo: 'D2', cadre: 'judiciaire', value: 'nd', status: longStatus.published });
    expect(rows.find((r) => r.geo === 'D1' && r.cadre === 'judiciaire')).toEqual({ geo: 'D1', cadre: 'judiciaire', value: signs.secret, status: longStatus.secret });
  });

  it('gives a primary and a secondary cell the same public status: nothing tells which rule withheld a cell', () => {
    const primary = rows.find((r) => r.geo === 'D1' && r.cadre === 'judiciaire');
    const secondary = rows.find((r) => r.geo === 'D1' && r.cadre === 'ENS');
    expect(primary).toEqual({ geo: 'D1', cadre: 'judiciaire', value: signs.secret, status: longStatus.secret });
    expect(secondary).toEqual({ geo: 'D1', cadre: 'ENS', value: signs.secret, status: longStatus.secret });
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set([longStatus.published, longStatus.secret]));
  });
});
