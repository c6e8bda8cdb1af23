/**
 * Returns from careless or hostile senders (issue 21), through the real ingest (`readReturns` on a
 * folder, then `validate`): each case ends with a French message naming the file (and the row and
 * column where there is one), the other returns read as usual, and the counts reconciled. The
 * workbook of 1,048,576 filled rows is in tests/e2e/hostile-xlsx-rows.test.ts.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RETURN_LIMITS } from '../../src/format/return-limits.ts';
import { parseAnnualArgs } from '../../src/cli/annual.ts';
import { annualMessages } from '../../src/cli/messages.ts';
import { returnMessages } from '../../src/format/messages.ts';
import { fileMessages } from '../../src/ingest/messages.ts';
import { readReturns } from '../../src/ingest/read-returns.ts';
import { loadRegister, parseRegister } from '../../src/ingest/register.ts';
import { serviceDepartments } from '../../src/ingest/services-register.ts';
import { dictionaryFor } from '../../src/validate/dictionary.ts';
import { reasons } from '../../src/validate/messages.ts';
import { plausibilityChecks } from '../../src/validate/plausibility.ts';
import { validate } from '../../src/validate/validate.ts';
import type { ValidatedYear } from '../../src/validate/types.ts';
import { csvText, headers, utf8Bom, validService, YEAR } from './corpus.ts';
import { dictionaries, dictionary, geography } from './reference.ts';
import { xlsxExtent } from '../../src/format/xlsx-extent.ts';
import { cellXml, handWrittenXlsx } from './xlsx-bytes.ts';
import { expectGoodReturnRead, folder, GOOD, ingest, refusal, scratch } from './hostile-ingest.ts';

describe('crashes: a file that would exhaust memory is refused before it is read whole', () => {
  it.each([
    ['XFD', 16384],
    ['AD', 30],
  ])('an XLSX whose only value sits in %s1048576 is refused, naming the cell', async (column, columns) => {
    const path = `${folder}/coin-${column}.xlsx`;
    const bytes = handWrittenXlsx([cellXml(column, 1_048_576, 7)]);
    expect(bytes.length).toBeLessThan(10_000);
    // refused from the sheet's declared extent, before any row is read (how fast: the far-corner
    // workbook of make bench's hostile row, bench/hostile.ts)
    const { v } = await ingest({ [path]: bytes });
    const l = RETURN_LIMITS;
    expect(refusal(v, path)).toBe(returnMessages.xlsxRange(path, 1, `${column}1048576`, 1_048_576, columns, l.maxRows, l.maxColumns));
    expectGoodReturnRead(v);
  });

  it('a zip bomb (a small workbook that inflates beyond the cap) is refused before it is opened', async () => {
    const path = `${folder}/bombe.xlsx`;
    const bytes = handWrittenXlsx([`<row r="1"><c r="A1" t="inlineStr"><is><t>${' '.repeat(RETURN_LIMITS.maxUnzippedBytes)}</t></is></c></row>`]);
    expect(bytes.length).toBeLessThan(RETURN_LIMITS.maxFileBytes);
    const { v } = await ingest({ [path]: bytes });
    const extent = xlsxExtent(bytes, RETURN_LIMITS);
    if (!('tooLarge' in extent)) throw new Error('the bomb was not seen');
    expect(refusal(v, path)).toBe(returnMessages.xlsxTooLarge(path, extent.tooLarge.bytes, RETURN_LIMITS.maxUnzippedBytes));
    expectGoodReturnRead(v);
  }, 30_000);

  it('a sheet whose values stay within the limits is read, cells where they are', async () => {
    const path = `${folder}/petit.xlsx`;
    const { v } = await ingest({ [path]: handWrittenXlsx([cellXml('C', 5, 7)]) }, { ...RETURN_LIMITS, maxRows: 5, maxColumns: 3 });
    expect(v.inputs.find((i) => i.path === path)!.problem).toBe(reasons.noHeaderFile(path));
  });

  it('a CSV beyond the size limit is refused without being read, naming the file', async () => {
    const path = `${folder}/enorme.csv`;
    const line = 'MF-69-001;Médiation;69;1;2;3\r\n';
    const bytes = Buffer.alloc(RETURN_LIMITS.maxFileBytes + line.length, line);
    const { v } = await ingest({ [path]: bytes });
    expect(refusal(v, path)).toBe(returnMessages.tooBig(path, bytes.length, RETURN_LIMITS.maxFileBytes));
    expectGoodReturnRead(v);
  });

  it('a CSV beyond the row limit is refused, naming the file and the count', async () => {
    const path = `${folder}/trop-de-lignes.csv`;
    const text = csvText(Array.from({ length: 30 }, (_, i) => validService(i + 1)));
    const { v } = await ingest({ [path]: utf8Bom(text) }, { ...RETURN_LIMITS, maxRows: 20 });
    expect(refusal(v, path)).toBe(returnMessages.tooManyRows(path, 31, 20));
  });
});

describe('a stray quote', () => {
  it('rejects the rows a quoted cell with line breaks and separators swallowed, naming each, and counts physical lines', async () => {
    const path = `${folder}/caf-01-ain.csv`;
    const rows = [validService(301, { departement: '01', service_id: 'MF-01-301' }), validService(302, { departement: '01', service_id: 'MF-01-302' }), validService(303, { departement: '01', service_id: 'MF-01-303' })];
    const text = csvText(rows).replace('Médiation familiale du Rhône n° 301', '"Médiation familiale du Rhône n° 301').replace('Médiation familiale du Rhône n° 302', 'Médiation familiale du Rhône n° 302"');
    const { v } = await ingest({ [path]: utf8Bom(text) });
    const report = v.inputs.find((i) => i.path === path)!;
    expect({ read: report.rows_read, accepted: report.rows_accepted, rejected: report.rows_rejected }).toEqual({ read: 3, accepted: 1, rejected: 2 });
    const mine = v.rejects.filter((x) => x.file === path);
    expect(mine).toEqual([
      { file: path, row: 2, column: headers.canonical.service_id, value: 'MF-01-301', reason: reasons.strayQuote([2, 3]) },
      { file: path, row: 3, column: headers.canonical.service_id, value: 'MF-01-302', reason: reasons.strayQuote([2, 3]) },
    ]);
    expect(v.mediation.rows.map((r) => r.service_id)).toContain('MF-01-303');
    expect(v.mediation.rows.map((r) => r.service_nom).join()).not.toContain('MF-01-302');
    expectGoodReturnRead(v);
  });

  it('keeps a quoted cell with a line break but no separator as one row (an address on two lines)', async () => {
    const path = `${folder}/caf-69-adresse.csv`;
    const text = csvText([validService(401, { service_nom: 'Médiation\r\nLyon 3e' }), validService(402)]);
    const { v } = await ingest({ [path]: utf8Bom(text) });
    const report = v.inputs.find((i) => i.path === path)!;
    expect({ read: report.rows_read, accepted: report.rows_accepted }).toEqual({ read: 2, accepted: 2 });
  });
});

describe('a return claiming another department\'s service', () => {
  const paris = (n: number, overrides = {}) => validService(n, { departement: '75', service_id: `MF-75-00${n}`, ...overrides });

  it('rejects the intruder\'s rows, naming both files, and keeps the service\'s own department\'s rows', async () => {
    const intruder = `${folder}/caf-00-aaa.csv`;
    const owner = `${folder}/caf-75-paris.csv`;
    const { v } = await ingest({
      [intruder]: utf8Bom(csvText([paris(1, { seances: 19_823 })])),
      [owner]: utf8Bom(csvText([paris(1), paris(2)])),
    });
    expect(v.rejects.filter((x) => x.file === intruder)).toEqual([
      { file: intruder, row: 2, column: headers.canonical.departement, value: '75', reason: reasons.foreignService('75', reasons.cafSender('00'), owner) },
    ]);
    expect(v.rejects.filter((x) => x.file === owner)).toEqual([]);
    const sessions = v.mediation.rows.filter((r) => r.departement === '75').map((r) => r.seances);
    expect(sessions).toEqual([validService(1).seances, validService(2).seances]);
    expectGoodReturnRead(v);
  });

  it('a court of appeal\'s return may declare services of its own departments only', async () => {
    const path = `${folder}/ca-lyon.csv`;
    const { v } = await ingest({ [path]: utf8Bom(csvText([validService(5, { departement: '42', service_id: 'MF-42-005' }), paris(6)])) });
    const report = v.inputs.find((i) => i.path === path)!;
    expect({ accepted: report.rows_accepted, rejected: report.rows_rejected }).toEqual({ accepted: 1, rejected: 1 });
    expect(v.rejects.find((x) => x.file === path)!.reason).toBe(reasons.foreignService('75', reasons.courtSender("Cour d'appel de Lyon"), undefined));
  });

  it('the register of known services, when present, decides a service\'s department', async () => {
    const register = serviceDepartments(parseRegister(`annee,enquete,service,departement,sites\n${YEAR},mediation,MF-69-001,42,1\n`, 'services.csv', new Set(['42', '69'])));
    const { input } = await ingest({});
    const v = validate(await readReturns(input, YEAR), dictionaries, geography, { register });
    expect(v.rejects).toContainEqual({ file: GOOD.path, row: 2, column: headers.canonical.departement, value: '69', reason: reasons.registeredElsewhere('69', '42') });
    expect(v.mediation.rows.map((r) => r.service_id)).toEqual(['MF-69-002']);
  });

  it('an absent register is no register', () => {
    expect(loadRegister(join(scratch(), 'nulle-part'), new Set(['69'])).length).toBe(0);
  });
});

describe('impossible but in-range values: listed for the statistician, not rejected', () => {
  const where = (path: string, row: number, service: string) => ({ file: path, row, service });
  const checksOf = (v: ValidatedYear, path: string) => (v.checks ?? []).filter((c) => c.file === path);

  it('40 FTE for one mediator', async () => {
    const path = `${folder}/caf-69-etp.csv`;
    const { v } = await ingest({ [path]: utf8Bom(csvText([validService(10, { etp_mediateurs: 40, mediateurs: 1 })])) });
    expect(v.inputs.find((i) => i.path === path)!.rows_accepted).toBe(1);
    expect(checksOf(v, path)).toEqual([
      { ...where(path, 2, 'MF-69-010'), rule: 'etp-par-mediateur', values: `${reasons.fieldValue('etp_mediateurs', 40)} ; ${reasons.fieldValue('mediateurs', 1)}`, previous: '', reason: dictionary.plausibilityRules!.find((r) => r.id === 'etp-par-mediateur')!.reason },
    ]);
    expect(checksOf(v, GOOD.path)).toEqual([]);
  });

  it('0 sessions for 77 completed mediations', async () => {
    const path = `${folder}/caf-69-seances.csv`;
    const row = validService(11, {
      seances: 0, terminees_conventionnelles: 50, terminees_judiciaires: 27, issue_accord_ecrit: 30, issue_accord_oral: 20, issue_sans_accord: 17, issue_interrompue: 10,
      conflit_separation: 60, conflit_intergenerationnel: 10, conflit_autre: 7, duree_moins_3_mois: 40, duree_3_6_mois: 30, duree_plus_6_mois: 7, personnes: 150,
    });
    const { v } = await ingest({ [path]: utf8Bom(csvText([row])) });
    expect(v.inputs.find((i) => i.path === path)!.rows_accepted).toBe(1);
    expect(checksOf(v, path).map((c) => [c.row, c.service, c.rule])).toEqual([[2, 'MF-69-011', 'seances-par-mediation-terminee']]);
  });

  it('4,000 ended measures against 26 new ones', () => {
    const rules = dictionaryFor(dictionaries, 'rencontre', YEAR).plausibilityRules!;
    const row = { mesures_nouvelles: 26, fin_exercice_autonome: 3000, fin_interrompue: 900, fin_autre: 100 };
    expect(plausibilityChecks(row, rules, where('f.csv', 4, 'ER-01-001')).map((c) => c.rule)).toEqual(['fins-par-mesure-nouvelle']);
    expect(plausibilityChecks({ ...row, fin_exercice_autonome: 20, fin_interrompue: 5, fin_autre: 1 }, rules, where('f.csv', 4, 'ER-01-001'))).toEqual([]);
  });

  it('a jump against the same service\'s previous year beyond the factor, with the previous value', async () => {
    const previous: ValidatedYear = {
      year: YEAR - 1,
      mediation: { survey: 'mediation', rows: [validService(1, { annee: YEAR - 1, seances: 9 }), validService(2, { annee: YEAR - 1, seances: 90 })] },
      rencontre: { survey: 'rencontre', rows: [] },
      rejects: [], inputs: [], notices: [],
    };
    const { input } = await ingest({});
    const v = validate(await readReturns(input, YEAR), dictionaries, geography, { previous });
    expect(v.checks).toEqual([
      { ...where(GOOD.path, 2, 'MF-69-001'), rule: 'evolution-seances', values: reasons.fieldValue('seances', 96), previous: reasons.fieldValue('seances', 9), reason: dictionary.plausibilityRules!.find((r) => r.id === 'evolution-seances')!.reason },
    ]);
  });
});

describe('files where they are not expected are named, never silently skipped', () => {
  const row = () => utf8Bom(csvText([validService(50)]));
  it.each([
    [`${folder}/relances/caf-69-relance.csv`, (p: string) => fileMessages.inSubfolder(p, folder)],
    [`returns/${YEAR}/Médiation/caf-69-bis.csv`, (p: string) => fileMessages.wrongFolder(p, `returns/${YEAR}`)],
    [`returns/${YEAR}/caf-69-ter.csv`, (p: string) => fileMessages.wrongFolder(p, `returns/${YEAR}`)],
    [`returns/${YEAR}/notes.docx`, (p: string) => fileMessages.wrongFolder(p, `returns/${YEAR}`)],
  ])('%s is listed with its reason in the rejects and the notices', async (path, reason) => {
    const { v } = await ingest({ [path]: row() });
    expect(v.rejects).toContainEqual({ file: path, row: null, column: '', value: '', reason: reason(path) });
    expect(v.notices).toContain(reason(path));
    expectGoodReturnRead(v);
  });

  it('a link to a file outside the input folder is not followed and its content never copied', async () => {
    const secret = join(scratch(), 'secret.csv');
    writeFileSync(secret, 'motdepasse;SECRET-42\r\n');
    const { input } = await ingest({});
    const path = `${folder}/lien.csv`;
    symlinkSync(secret, join(input, path));
    const v = validate(await readReturns(input, YEAR), dictionaries, geography);
    expect(v.rejects).toContainEqual({ file: path, row: null, column: '', value: '', reason: fileMessages.linkSkipped(path) });
    expect(JSON.stringify(v)).not.toContain('SECRET-42');
    expectGoodReturnRead(v);
  });

  it('a survey folder that is a link out of the input folder is not followed', async () => {
    const outside = join(scratch(), 'ailleurs');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'caf-69-x.csv'), 'motdepasse;SECRET-43\r\n');
    const { input } = await ingest({});
    rmSync(join(input, 'returns', String(YEAR), 'rencontre'), { recursive: true });
    symlinkSync(outside, join(input, 'returns', String(YEAR), 'rencontre'));
    const v = validate(await readReturns(input, YEAR), dictionaries, geography);
    const path = `returns/${YEAR}/rencontre`;
    expect(v.rejects).toContainEqual({ file: path, row: null, column: '', value: '', reason: fileMessages.linkSkipped(path) });
    expect(JSON.stringify(v)).not.toContain('SECRET-43');
    expectGoodReturnRead(v);
  });

  it('a link to a return inside the input folder is read', async () => {
    const { input } = await ingest({ 'autres/caf-69-b.csv': utf8Bom(csvText([validService(60)])) });
    symlinkSync(join(input, 'autres', 'caf-69-b.csv'), join(input, folder, 'lien-interne.csv'));
    const v = validate(await readReturns(input, YEAR), dictionaries, geography);
    expect(v.inputs.find((i) => i.path === `${folder}/lien-interne.csv`)!.rows_accepted).toBe(1);
  });
});

describe('smaller', () => {
  it('a department 20 is rejected with a reason that says Corsica is 2A or 2B', async () => {
    const path = `${folder}/caf-20-corse.csv`;
    const { v } = await ingest({ [path]: utf8Bom(csvText([validService(70, { departement: '20' })])) });
    expect(v.rejects).toContainEqual({ file: path, row: 2, column: headers.canonical.departement, value: '20', reason: reasons.corsicaBefore1976() });
  });

  it.each(['99999999999999999', '12abc', '-5'])('SOURCE_DATE_EPOCH=%s is refused in French, naming the variable', (value) => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = value;
    try {
      const parsed = parseAnnualArgs([]);
      expect(parsed).toEqual({ error: annualMessages.badSourceDateEpoch(value) });
      expect(annualMessages.badSourceDateEpoch(value)).toContain('SOURCE_DATE_EPOCH');
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('a valid SOURCE_DATE_EPOCH is passed on', () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    try {
      expect(parseAnnualArgs([])).toMatchObject({ options: { sourceDateEpoch: 1767225600 } });
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});
