/**
 * Metamorphic tests of ingest → validate → harmonize: the same data arriving differently gives the
 * same clean output (shuffled rows, a return split in two files, CSV or XLSX, another encoding).
 */
import { harmonize } from '../../src/harmonize/harmonize.ts';
import { ingestFiles } from '../../src/format/ingest-files.ts';
import type { RawReturn } from '../../src/ingest/types.ts';
import { MANAGER_TYPES, type MediationRow } from '../../src/model/rows.ts';
import { validate } from '../../src/validate/validate.ts';
import { ainService, asTable, cp1252, dictionaries, frenchCsv, geography, rawReturn, utf8Bom, xlsxOf } from '../validate/fixtures.ts';

const DEPARTMENTS = ['01', '2A', '13', '59', '75', '971', '976', '69'];
const services: MediationRow[] = DEPARTMENTS.flatMap((departement, d) =>
  [1, 2].map((n) => ainService({ departement, service_id: `MF-${departement}-00${n}`, gestionnaire: MANAGER_TYPES[(d + n) % 4], etp_mediateurs: 0.75 + d / 4 + n / 100, seances: 100 + 7 * d + n })),
);

function cleanMediation(returns: RawReturn[]): string {
  const validated = validate({ year: 2024, returns, notices: [] }, dictionaries, geography);
  expect(validated.rejects).toEqual([]);
  const files = ingestFiles(validated, harmonize(validated, geography), { tool: { name: 'mfer', version: 't' }, parameters: {} });
  return String(files.find((f) => f.path === '2024/clean/mediation.csv')?.content);
}

const asCsv = (rows: MediationRow[], name = 'caf.csv') => rawReturn(`returns/2024/mediation/${name}`, cp1252(frenchCsv(asTable('mediation', rows))));
const reference = async () => cleanMediation([await asCsv(services)]);

/** A fixed permutation (no randomness in tests). */
const shuffled = <T>(items: readonly T[]) => items.map((item, i) => ({ item, k: (i * 7 + 3) % items.length })).sort((a, b) => a.k - b.k).map((x) => x.item);

describe('the clean output does not depend on how the returns arrive', () => {
  it('holds the data (sanity)', async () => {
    expect((await reference()).trim().split('\r\n')).toHaveLength(services.length + 1);
  });

  it('shuffled rows', async () => {
    expect(shuffled(services)).not.toEqual(services);
    expect(cleanMediation([await asCsv(shuffled(services))])).toBe(await reference());
  });

  it('a return split in two files', async () => {
    const half = services.length / 2;
    expect(cleanMediation([await asCsv(services.slice(half), 'b.csv'), await asCsv(services.slice(0, half), 'a.csv')])).toBe(await reference());
  });

  it('CSV or XLSX', async () => {
    const xlsx = await rawReturn('returns/2024/mediation/caf.xlsx', await xlsxOf(asTable('mediation', services)));
    expect(xlsx.format).toBe('xlsx');
    expect(cleanMediation([xlsx])).toBe(await reference());
  });

  it('Windows-1252 or UTF-8 with BOM, comma or semicolon', async () => {
    const table = asTable('mediation', services);
    const commaCsv = [table.headers, ...table.rows].map((row) => row.map((v) => (v === null ? '' : String(v))).map((v) => (v.includes(',') ? `"${v}"` : v)).join(',')).join('\n');
    expect(cleanMediation([await rawReturn('returns/2024/mediation/u.csv', utf8Bom(frenchCsv(table)))])).toBe(await reference());
    expect(cleanMediation([await rawReturn('returns/2024/mediation/c.csv', utf8Bom(commaCsv))])).toBe(await reference());
  });

  it('codes written as their labels, departments as people type them', async () => {
    const table = asTable('mediation', services);
    const g = table.headers.indexOf('Type de gestionnaire');
    const d = table.headers.indexOf('Département');
    const label = (code: string) => ({ association: 'Association', caf: 'CAF', collectivite: 'Commune', autre: 'Autre' })[code] ?? code;
    const typed = (code: string) => (/^0\d$/.test(code) ? code.slice(1) : code.toLowerCase());
    const relabelled = { ...table, rows: table.rows.map((row) => row.map((v, j) => (j === g ? label(String(v)) : j === d ? typed(String(v)) : v))) };
    expect(relabelled.rows.map((row) => row[d])).toContain('2a');
    expect(cleanMediation([await rawReturn('returns/2024/mediation/l.csv', cp1252(frenchCsv(relabelled)))])).toBe(await reference());
  });

  it('renamed headers (known variants, other case, no accents)', async () => {
    const table = asTable('mediation', services);
    const renamed = { ...table, headers: table.headers.map((h, i) => (i % 2 === 0 ? h.toUpperCase() : h.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))) };
    expect(cleanMediation([await rawReturn('returns/2024/mediation/r.csv', cp1252(frenchCsv(renamed)))])).toBe(await reference());
  });
});
