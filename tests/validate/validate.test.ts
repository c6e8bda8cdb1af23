import ExcelJS from 'exceljs';
import type { RawReturn } from '../../src/ingest/types.ts';
import { dictionaryFor } from '../../src/validate/dictionary.ts';
import { reasons } from '../../src/validate/messages.ts';
import type { ValidatedYear } from '../../src/validate/types.ts';
import { validate } from '../../src/validate/validate.ts';
import { ainService, ainServices, ajaccioStructure, asTable, cp1252, dictionaries, frenchCsv, geography, rawReturn, utf8Bom, xlsxOf, type Table } from './fixtures.ts';

const run = (returns: RawReturn[], year = 2024): ValidatedYear => validate({ year, returns, notices: [] }, dictionaries, geography);
const medCsv = (table: Table, name = 'caf-01-ain.csv') => rawReturn(`returns/2024/mediation/${name}`, cp1252(frenchCsv(table)));
const reconciles = (v: ValidatedYear) => v.inputs.every((i) => i.rows_read === i.rows_accepted + i.rows_rejected);

/** Replaces one cell (by canonical field) of data row `index` with raw text. */
function withCell(table: Table, index: number, field: string, text: string): Table {
  const at = asTable('mediation', [ainService()]).headers.indexOf(dictionaryFor(dictionaries, 'mediation', 2024).fields[field].headers[0]);
  return { headers: table.headers, rows: table.rows.map((row, i) => (i === index ? row.map((v, j) => (j === at ? text : v)) : row)) };
}

describe('validate: clean returns', () => {
  it('accepts consistent rows of both surveys and types them', async () => {
    const v = run([
      await medCsv(asTable('mediation', ainServices(3))),
      await rawReturn('returns/2024/rencontre/ca-bastia.csv', utf8Bom(frenchCsv(asTable('rencontre', [ajaccioStructure()]))), 'rencontre'),
    ]);
    expect(v.rejects).toEqual([]);
    expect(v.mediation.rows).toHaveLength(3);
    expect(v.mediation.rows[0]).toEqual(ainService({ service_id: 'MF-01-001', seances: 100 }));
    expect(v.rencontre.rows).toEqual([ajaccioStructure()]);
    expect(reconciles(v)).toBe(true);
  });

  it('normalises what people type: 2a, 1, thousands with spaces, labels of codes', async () => {
    let table = asTable('rencontre', [ajaccioStructure()]);
    const col = (header: string) => table.headers.indexOf(header);
    table = { ...table, rows: [table.rows[0].map((v, j) => (j === col('Département') ? '2a' : j === col('Financement CAF (€)') ? '60 000' : v))] };
    let med = asTable('mediation', [ainService({ fin_caf: 1234 })]);
    med = withCell(withCell(withCell(med, 0, 'departement', '1'), 0, 'gestionnaire', 'asso'), 0, 'fin_caf', '1\u00a0234');
    const v = run([await medCsv(med), await rawReturn('returns/2024/rencontre/x.csv', cp1252(frenchCsv(table)), 'rencontre')]);
    expect(v.rejects).toEqual([]);
    expect(v.mediation.rows[0]).toMatchObject({ departement: '01', gestionnaire: 'association', fin_caf: 1234 });
    expect(v.rencontre.rows[0]).toMatchObject({ departement: '2A', fin_caf: 60000 });
  });

  it('reads an empty optional number as null', async () => {
    const v = run([await rawReturn('returns/2024/rencontre/x.csv', cp1252(frenchCsv(asTable('rencontre', [ajaccioStructure({ delai_attente_median_jours: null })]))), 'rencontre')]);
    expect(v.rencontre.rows[0].delai_attente_median_jours).toBeNull();
  });
});

describe('validate: every defect becomes a reject with its reason, no row is lost', () => {
  const cases: [string, string, string, string][] = [
    ['unknown department', 'departement', '99', reasons.unknownDepartment()],
    ['negative count', 'seances', '-12', reasons.negative()],
    ['text in a number', 'seances', 'non communiqué', reasons.notANumber()],
    ['a date typed in a number', 'seances', '05/01/2025', reasons.dateInNumber()],
    ['a date cell of a workbook in a number (read as its ISO day)', 'entretiens_prealables', '2025-01-05', reasons.dateInNumber()],
    ['a fraction is no date', 'seances', '3/4', reasons.notANumber()],
    ['an Excel error value in a number', 'seances', '#DIV/0!', reasons.formulaError()],
    ['an Excel error value as a French Excel exports it', 'seances', '#VALEUR!', reasons.formulaError()],
    ['decimal count', 'seances', '12,5', reasons.notInteger()],
    ['implausible FTE', 'etp_mediateurs', '400', reasons.aboveMax(40)],
    ['unknown manager', 'gestionnaire', 'Mutuelle', reasons.unknownCode(['association', 'caf', 'collectivite', 'autre'])],
    ['missing id', 'service_id', '', reasons.missingValue()],
  ];
  it.each(cases)('%s', async (_name, field, text, reason) => {
    const v = run([await medCsv(withCell(asTable('mediation', ainServices(2)), 1, field, text))]);
    expect(v.mediation.rows).toHaveLength(1);
    expect(v.rejects).toHaveLength(1);
    expect(v.rejects[0]).toMatchObject({ file: 'returns/2024/mediation/caf-01-ain.csv', row: 3, reason });
    expect(v.rejects[0].value).toBe(text);
    expect(v.inputs[0]).toMatchObject({ rows_read: 2, rows_accepted: 1, rows_rejected: 1 });
  });

  it('an edit rule: outcomes that do not add up', async () => {
    const v = run([await medCsv(asTable('mediation', [ainService({ issue_interrompue: 9 })]))]);
    const rule = dictionaryFor(dictionaries, 'mediation', 2024).editRules.find((r) => r.id === 'issues');
    expect(v.rejects).toEqual([expect.objectContaining({ row: 2, value: reasons.editRuleValue(41, 40), reason: rule?.reason })]);
  });

  it('an edit rule: fewer children than families', async () => {
    const v = run([await rawReturn('returns/2024/rencontre/x.csv', cp1252(frenchCsv(asTable('rencontre', [ajaccioStructure({ enfants: 30 })]))), 'rencontre')]);
    expect(v.rejects).toHaveLength(1);
    expect(v.rejects[0].value).toBe(reasons.atLeastValue(30, 40));
  });

  it('a row of another year than its folder', async () => {
    const v = run([await medCsv(asTable('mediation', [ainService({ annee: 2023 })]))]);
    expect(v.rejects).toEqual([expect.objectContaining({ row: 2, reason: reasons.otherYear('2023', 2024) })]);
  });

  it('several problems in one row: one reject line each, the row counted once', async () => {
    const table = withCell(withCell(asTable('mediation', [ainService()]), 0, 'seances', '-1'), 0, 'departement', '99');
    const v = run([await medCsv(table)]);
    expect(v.rejects.map((r) => r.reason).sort()).toEqual([reasons.negative(), reasons.unknownDepartment()].sort());
    expect(v.inputs[0]).toMatchObject({ rows_read: 1, rows_rejected: 1 });
  });

  it('a duplicated return keeps the first row and rejects the second, naming the first', async () => {
    const v = run([await medCsv(asTable('mediation', ainServices(2)), 'a.csv'), await medCsv(asTable('mediation', [ainServices(2)[1]]), 'b.csv')]);
    expect(v.mediation.rows).toHaveLength(2);
    expect(v.rejects).toEqual([expect.objectContaining({ file: 'returns/2024/mediation/b.csv', row: 2, reason: reasons.duplicateKey('MF-01-002', 'returns/2024/mediation/a.csv', 3) })]);
    expect(reconciles(v)).toBe(true);
  });

  it('takes identifiers that differ only by case or spacing for the same service, and names the second as typed', async () => {
    const copy = { ...ainServices(2)[1], service_id: ' mf-01-002 ' };
    const v = run([await medCsv(asTable('mediation', ainServices(2)), 'a.csv'), await medCsv(asTable('mediation', [copy]), 'b.csv')]);
    expect(v.mediation.rows).toHaveLength(2);
    expect(v.rejects).toEqual([expect.objectContaining({ file: 'returns/2024/mediation/b.csv', row: 2, reason: reasons.duplicateKey('mf-01-002', 'returns/2024/mediation/a.csv', 3) })]);
    expect(reconciles(v)).toBe(true);
  });

  it('keeps the valid copy when the first copy of a key was invalid', async () => {
    const bad = withCell(asTable('mediation', [ainService()]), 0, 'seances', 'x');
    const v = run([await medCsv(bad, 'a.csv'), await medCsv(asTable('mediation', [ainService()]), 'b.csv')]);
    expect(v.mediation.rows).toHaveLength(1);
    expect(v.rejects).toHaveLength(1);
    expect(v.rejects[0].file).toBe('returns/2024/mediation/a.csv');
  });

  it('an exact duplicate file rejects all its rows', async () => {
    const text = frenchCsv(asTable('mediation', ainServices(2)));
    const v = run([await rawReturn('returns/2024/mediation/a.csv', cp1252(text)), await rawReturn('returns/2024/mediation/a-copie.csv', cp1252(text))]);
    expect(v.mediation.rows).toHaveLength(2);
    expect(v.inputs[1]).toMatchObject({ rows_read: 2, rows_accepted: 0, rows_rejected: 2 });
    expect(v.rejects.every((r) => r.reason === reasons.duplicateFile('returns/2024/mediation/a.csv'))).toBe(true);
  });

  it('blank lines are neither read nor rejected, and row numbers stay those of the file', async () => {
    const lines = frenchCsv(asTable('mediation', [ainServices(2)[0], ainService({ service_id: 'MF-01-002', departement: '99' })])).split('\r\n');
    const text = [lines[0], ';;;', lines[1], '', lines[2], ''].join('\r\n');
    const v = run([await rawReturn('returns/2024/mediation/a.csv', cp1252(text))]);
    expect(v.inputs[0]).toMatchObject({ rows_read: 2, rows_accepted: 1, rows_rejected: 1, rows_blank: 2 });
    expect(v.rejects[0].row).toBe(5);
  });

  it('a missing required column rejects every row, naming the field', async () => {
    const table = asTable('mediation', ainServices(2));
    const at = table.headers.indexOf('Nombre de séances');
    const cut = { headers: table.headers.filter((_, j) => j !== at), rows: table.rows.map((row) => row.filter((_, j) => j !== at)) };
    const v = run([await medCsv(cut)]);
    expect(v.mediation.rows).toEqual([]);
    expect(v.rejects.map((r) => [r.row, r.column])).toEqual([[2, 'seances'], [3, 'seances']]);
    expect(reconciles(v)).toBe(true);
  });

  it('an unrecognised file: every non-blank row rejected, plus one line for the file', async () => {
    const v = run([await rawReturn('returns/2024/mediation/notes.csv', cp1252('Bonjour,\r\nveuillez trouver ci-joint\r\n\r\nCordialement\r\n'))]);
    expect(v.inputs[0]).toMatchObject({ rows_read: 3, rows_accepted: 0, rows_rejected: 3, rows_blank: 1 });
    expect(v.inputs[0].problem).toBe(reasons.noHeaderFile('returns/2024/mediation/notes.csv'));
    expect(v.rejects.filter((r) => r.row === null)).toHaveLength(1);
  });

  it('a return of the other survey in the wrong folder is named as such', async () => {
    const path = 'returns/2024/mediation/ca-bastia.csv';
    const v = run([await rawReturn(path, cp1252(frenchCsv(asTable('rencontre', [ajaccioStructure()]))))]);
    expect(v.inputs[0]).toMatchObject({ rows_read: 1, rows_rejected: 1, problem: reasons.wrongSurvey(path, 'rencontre', 'mediation') });
  });

  it('an unreadable file is recorded with its message and no row', async () => {
    const v = run([await rawReturn('returns/2024/mediation/vide.csv', new Uint8Array())]);
    expect(v.inputs[0]).toMatchObject({ rows_read: 0, rows_accepted: 0, rows_rejected: 0 });
    expect(v.inputs[0].problem).not.toBeNull();
    expect(v.rejects).toEqual([{ file: 'returns/2024/mediation/vide.csv', row: null, column: '', value: '', reason: v.inputs[0].problem }]);
  });
});

describe('validate: a header without data, rows wider or narrower than the header', () => {
  const path = 'returns/2024/mediation/caf-01-ain.csv';
  const fieldCount = asTable('mediation', [ainService()]).headers.length;

  it('a header and nothing under it (blank lines aside) is refused with a message naming the file', async () => {
    const header = frenchCsv(asTable('mediation', []));
    for (const text of [header, `${header}\r\n;;\r\n`]) {
      const v = run([await rawReturn(path, cp1252(text))]);
      expect(v.inputs[0]).toMatchObject({ rows_read: 0, rows_accepted: 0, rows_rejected: 0, header_row: 1, problem: reasons.noDataRows(path, 1) });
      expect(v.rejects).toEqual([{ file: path, row: null, column: '', value: '', reason: reasons.noDataRows(path, 1) }]);
    }
  });

  it('a workbook whose header has no row under it is refused the same way', async () => {
    const xlsxPath = 'returns/2024/mediation/caf-01-ain.xlsx';
    const v = run([await rawReturn(xlsxPath, await xlsxOf(asTable('mediation', []), (sheet) => void sheet.addRow(['Questionnaire 2024'])))]);
    expect(v.inputs[0]).toMatchObject({ rows_read: 0, header_row: 2, problem: reasons.noDataRows(xlsxPath, 2) });
  });

  it('a CSV row with values beyond the last column is rejected, naming the extra columns', async () => {
    const table = asTable('mediation', ainServices(3));
    const wide = { ...table, rows: table.rows.map((row, i) => (i === 1 ? [...row, 'x', '', 'y'] : row)) };
    const v = run([await medCsv(wide)]);
    expect(v.mediation.rows.map((r) => r.service_id)).toEqual(['MF-01-001', 'MF-01-003']);
    expect(v.rejects).toEqual([
      { file: path, row: 3, column: reasons.beyondHeader(fieldCount + 1, fieldCount + 3), value: 'x;;y', reason: reasons.tooManyFields(fieldCount + 3, fieldCount) },
    ]);
    expect(v.inputs[0]).toMatchObject({ rows_read: 3, rows_accepted: 2, rows_rejected: 1 });
  });

  it('empty trailing cells (Excel\'s trailing separators) are not extra values', async () => {
    const table = asTable('mediation', ainServices(2));
    const text = frenchCsv(table).replace(/\r\n/g, ';;;\r\n');
    const v = run([await rawReturn(path, cp1252(text))]);
    expect(v.rejects).toEqual([]);
    expect(v.mediation.rows).toHaveLength(2);
  });

  it('a value under an empty header cell (a trailing separator in the header only) is extra', async () => {
    const table = asTable('mediation', ainServices(2));
    const v = run([await medCsv({ headers: [...table.headers, ''], rows: [table.rows[0], [...table.rows[1], 'note']] })]);
    expect(v.rejects).toEqual([expect.objectContaining({ row: 3, value: 'note', reason: reasons.tooManyFields(fieldCount + 1, fieldCount) })]);
  });

  it('in a workbook, a cell to the right of the table (a note) is not read and does not reject the row', async () => {
    const table = asTable('mediation', ainServices(2));
    const bytes = await xlsxOf({ headers: table.headers, rows: [table.rows[0], [...table.rows[1], 'à vérifier']] });
    const v = run([await rawReturn('returns/2024/mediation/caf-01-ain.xlsx', bytes)]);
    expect(v.rejects).toEqual([]);
    expect(v.mediation.rows).toHaveLength(2);
  });

  it('a CSV row shorter than the header: each missing required value is rejected, naming its column and the row length', async () => {
    const table = asTable('mediation', ainServices(2));
    const v = run([await medCsv({ ...table, rows: [table.rows[0], table.rows[1].slice(0, -2)] })]);
    expect(v.rejects).toEqual(
      table.headers.slice(-2).map((column) => ({ file: path, row: 3, column, value: '', reason: reasons.missingInShortRow(fieldCount - 2, fieldCount) })),
    );
    expect(v.inputs[0]).toMatchObject({ rows_read: 2, rows_accepted: 1, rows_rejected: 1 });
  });

  it('a CSV row shorter than the header by optional fields only reads them as not answered', async () => {
    const table = asTable('rencontre', [ajaccioStructure({ structure_id: 'ER-2A-001' }), ajaccioStructure({ structure_id: 'ER-2A-002' })]);
    const last = table.headers.indexOf(dictionaryFor(dictionaries, 'rencontre', 2024).fields.delai_attente_median_jours.headers[0]);
    const move = <T,>(row: T[]) => [...row.filter((_, j) => j !== last), row[last]];
    const reordered = { headers: move(table.headers), rows: [move(table.rows[0]), move(table.rows[1]).slice(0, -1)] };
    const v = run([await rawReturn('returns/2024/rencontre/x.csv', cp1252(frenchCsv(reordered)), 'rencontre')]);
    expect(v.rejects).toEqual([]);
    expect(v.rencontre.rows.map((r) => r.delai_attente_median_jours)).toEqual([35, null]);
  });
});

describe('validate: the header repeated below (two files pasted one under the other)', () => {
  it('is one reject line saying so, and the rows under it are read', async () => {
    const table = asTable('mediation', ainServices(3));
    const pasted = { headers: table.headers, rows: [table.rows[0], table.headers, table.rows[1], table.rows[2]] };
    const v = run([await medCsv(pasted)]);
    expect(v.mediation.rows).toHaveLength(3);
    expect(v.rejects).toEqual([{ file: 'returns/2024/mediation/caf-01-ain.csv', row: 3, column: '', value: table.headers[0], reason: reasons.repeatedHeader(1) }]);
    expect(reconciles(v)).toBe(true);
  });
});

describe('validate: a workbook with several sheets of responses', () => {
  it('reads the first and says which other sheet has a header of its own and is not read', async () => {
    const [a, b] = ainServices(2);
    const workbook = new ExcelJS.Workbook();
    for (const [name, service] of [['Service A', a], ['Service B', b]] as const) {
      const table = asTable('mediation', [service]);
      const sheet = workbook.addWorksheet(name);
      sheet.addRow(table.headers);
      sheet.addRow(table.rows[0].map((v) => (v === null ? '' : v)));
    }
    workbook.addWorksheet('Notes').addRow(['Réponses transmises le 15 mars']);
    const path = 'returns/2024/mediation/caf-01-ain.xlsx';
    const v = run([await rawReturn(path, new Uint8Array(await workbook.xlsx.writeBuffer()))]);
    expect(v.mediation.rows.map((r) => r.service_id)).toEqual([a.service_id]);
    expect(v.notices).toEqual([reasons.otherSheetUnread(path, 'Service B', 'Service A')]);
  });
});

describe('validate: a department given by its name', () => {
  it('is read as its code, whatever the case, accents and hyphens; an unknown name stays rejected', async () => {
    const names = ['ain', 'CORSE DU SUD', 'Saone-et-Loire', 'Savoie du Nord'];
    const table = names.reduce((t, name, i) => withCell(t, i, 'departement', name), asTable('mediation', ainServices(names.length)));
    // services of several departments: a file whose name names no sending office
    const v = run([await medCsv(table, 'services-par-nom.csv')]);
    expect(v.mediation.rows.map((r) => r.departement)).toEqual(['01', '2A', '71']);
    expect(v.rejects).toEqual([expect.objectContaining({ row: 5, value: 'Savoie du Nord', reason: reasons.unknownDepartment() })]);
    expect(geography.departments.filter((d) => ['01', '2A', '71'].includes(d.code)).map((d) => d.name)).toEqual(['Ain', 'Corse-du-Sud', 'Saône-et-Loire']);
  });
});

describe('validate: amounts written with the euro sign', () => {
  it('reads an amount as a French Excel writes a currency cell to CSV; the sign stays refused in a count', async () => {
    const table = withCell(withCell(withCell(asTable('mediation', ainServices(3)), 0, 'fin_caf', '12\u00a0345,00\u00a0€'), 1, 'fin_justice', '€ 2 500'), 2, 'seances', '12 €');
    const v = run([await medCsv(table)]);
    expect(v.mediation.rows.map((r) => [r.fin_caf, r.fin_justice])).toEqual([[12345, ainServices(3)[0].fin_justice], [ainServices(3)[1].fin_caf, 2500]]);
    expect(v.rejects).toEqual([expect.objectContaining({ row: 4, value: '12 €', reason: reasons.notANumber() })]);
  });
});

describe('validate: two columns naming the same field', () => {
  const path = 'returns/2024/mediation/caf-01-ain.csv';
  const seances = dictionaryFor(dictionaries, 'mediation', 2024).fields.seances.headers[0];

  it('reads the first; a row whose second column is filled with another value is rejected, naming both columns', async () => {
    const table = asTable('mediation', ainServices(4));
    const first = table.headers.indexOf(seances);
    const twin = table.headers.length;
    // the same value written another way, a different value, an empty second cell, another value again
    const seconds = [`${table.rows[0][first]},0`, '999', '', '7'];
    const v = run([await medCsv({ headers: [...table.headers, seances], rows: table.rows.map((row, i) => [...row, seconds[i]]) })]);
    expect(v.mediation.rows.map((r) => [r.service_id, r.seances])).toEqual([['MF-01-001', table.rows[0][first]], ['MF-01-003', table.rows[2][first]]]);
    expect(v.rejects).toEqual([3, 5].map((row) => ({
      file: path,
      row,
      column: reasons.twinColumns(seances, first + 1, twin + 1),
      value: reasons.twinValues(String(table.rows[row - 2][first]), seconds[row - 2]),
      reason: reasons.twinDisagree('seances'),
    })));
    expect(reconciles(v)).toBe(true);
  });
});

describe('validate: a year without its own dictionary', () => {
  it('uses the closest earlier one and says so', async () => {
    const rows = [ainService({ annee: 2031 })];
    const v = run([await rawReturn('returns/2031/mediation/a.csv', cp1252(frenchCsv(asTable('mediation', rows, 2025))), 'mediation', 2031)], 2031);
    expect(v.mediation.rows).toHaveLength(1);
    expect(v.notices).toEqual([reasons.otherDictionary('mediation', 2031, 2025), reasons.otherDictionary('rencontre', 2031, 2025)]);
  });
});

describe('validate: hostile content stays data', () => {
  it('__proto__ and constructor headers are ignored without touching prototypes', async () => {
    const table = asTable('mediation', [ainService()]);
    const hostile = { headers: [...table.headers, '__proto__', 'constructor'], rows: [[...table.rows[0], 'x', 'y']] };
    const v = run([await medCsv(hostile)]);
    expect(v.mediation.rows).toEqual([ainService()]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('formula-like text is kept as written (neutralised only when written to CSV)', async () => {
    const v = run([await medCsv(asTable('mediation', [ainService({ service_nom: '=HYPERLINK("http://x")' })]))]);
    expect(v.mediation.rows[0].service_nom).toBe('=HYPERLINK("http://x")');
  });

  it('a 200 000-character field is rejected with a shortened value', async () => {
    const v = run([await medCsv(asTable('mediation', [ainService({ service_nom: 'A'.repeat(200_000) })]))]);
    expect(v.rejects).toHaveLength(1);
    expect(v.rejects[0].value.length).toBeLessThan(300);
    expect(v.inputs[0]).toMatchObject({ rows_read: 1, rows_rejected: 1 });
  });
});
