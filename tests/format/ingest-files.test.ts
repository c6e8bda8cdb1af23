import { parse } from 'csv-parse/sync';
import { harmonize } from '../../src/harmonize/harmonize.ts';
import { ingestFiles, REJECT_COLUMNS } from '../../src/format/ingest-files.ts';
import type { ValidatedYear } from '../../src/validate/types.ts';
import { MEDIATION_FIELDS } from '../../src/validate/fields.ts';
import { ainService, geography } from '../validate/fixtures.ts';

const validated: ValidatedYear = {
  year: 2024,
  mediation: { survey: 'mediation', rows: [ainService({ service_nom: '=cmd|calc' })] },
  rencontre: { survey: 'rencontre', rows: [] },
  rejects: [{ file: 'returns/2024/mediation/a.csv', row: 3, column: 'Séances', value: '-4', reason: 'valeur négative' }],
  inputs: [{ path: 'returns/2024/mediation/a.csv', survey: 'mediation', sha256: 'x', encoding: 'utf-8', format: 'csv', delimiter: ';', decimal: ',', sheet: null, header_row: 1, rows_read: 2, rows_accepted: 1, rows_rejected: 1, rows_blank: 0, problem: null }],
  notices: [],
};
const context = { tool: { name: 'mfer', version: '9.9.9' }, parameters: { strict: false } };
const files = ingestFiles(validated, harmonize(validated, geography), context);
const file = (path: string) => String(files.find((f) => f.path === path)?.content);
const readCsv = (text: string) => parse(text.replace(/^\ufeff/, ''), { delimiter: ';', columns: true }) as Record<string, string>[];

describe('ingestFiles', () => {
  it('produces the five files of the year under data-out', () => {
    expect(files.map((f) => `${f.root}:${f.path}`)).toEqual([
      'data-out:2024/clean/mediation.csv', 'data-out:2024/clean/rencontre.csv', 'data-out:2024/rejects.csv', 'data-out:2024/manifest.json', 'data-out:2024/a-verifier.csv',
    ]);
  });

  it('writes the plausibility checks, a header alone when there is none', () => {
    expect(readCsv(file('2024/a-verifier.csv'))).toEqual([]);
    expect(file('2024/a-verifier.csv').split('\r\n')[0]).toBe('\ufefffile;row;service;rule;values;previous;reason');
  });

  it('writes clean data in the French flavour, department codes as written, formulas neutralised', () => {
    const text = file('2024/clean/mediation.csv');
    expect(text.startsWith('\ufeff')).toBe(true);
    const [row] = readCsv(text);
    expect(Object.keys(row)).toEqual([...MEDIATION_FIELDS]);
    expect(row).toMatchObject({ departement: '01', etp_mediateurs: '1,5', service_nom: "'=cmd|calc" });
  });

  it('writes rejects with the five columns', () => {
    const rows = readCsv(file('2024/rejects.csv'));
    expect(Object.keys(rows[0])).toEqual([...REJECT_COLUMNS]);
    expect(rows[0]).toMatchObject({ file: 'returns/2024/mediation/a.csv', row: '3', reason: 'valeur négative' });
  });

  it('writes a manifest that reconciles, with the tool version and no date unless SOURCE_DATE_EPOCH', () => {
    const manifest = JSON.parse(file('2024/manifest.json'));
    expect(manifest.tool.version).toBe('9.9.9');
    expect(manifest.source_date).toBeUndefined();
    expect(manifest.totals).toEqual({ files: 1, rows_read: 2, rows_accepted: 1, rows_rejected: 1 });
    const dated = ingestFiles(validated, harmonize(validated, geography), { ...context, sourceDateEpoch: 1_700_000_000 });
    expect(JSON.parse(String(dated[3].content)).source_date).toBe('2023-11-14T22:13:20.000Z');
  });
});
