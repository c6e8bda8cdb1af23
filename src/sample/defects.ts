/**
 * The real defects planted in the sample, each recorded with where it is (file, row as numbered in
 * the file — header = row 1 —, field and header) and what ingest must do with it:
 * - `accepted`: the value is normalised and the row kept (`2a` → `2A`, `1 234` → 1234);
 * - `rejected`: the row appears in `rejects.csv` with a French reason;
 * - `ignored`: blank lines are not rows (neither read nor rejected).
 */
import type { Rng } from './prng.ts';
import type { RawCell, ReturnTable } from './encode.ts';
import type { MissingReturn } from './nonresponse.ts';

export type DefectKind =
  | 'departement-minuscule'
  | 'separateur-milliers'
  | 'reponse-dupliquee'
  | 'departement-inconnu'
  | 'effectif-negatif'
  | 'texte-dans-nombre'
  | 'issues-incoherentes'
  | 'lignes-vides'
  | 'origines-incoherentes'
  | 'enfants-moins-que-familles';

export type Expected = 'accepted' | 'rejected' | 'ignored';

export interface PlantedDefect {
  year: number;
  survey: 'mediation' | 'rencontre';
  kind: DefectKind;
  expected: Expected;
  /** below `data-raw/` */
  file: string;
  /** row in the file, header = 1 (CSV line or sheet row); for blank lines, the first blank line */
  row: number;
  /** canonical field (clean-data column), empty for a whole-row defect */
  field: string;
  /** the header as written in the file */
  header: string;
  /** the value as written */
  value: string;
  /** for a duplicated return: where the first copy is */
  original?: { file: string; row: number };
  description: string;
}

export const EXPECTED_BY_KIND: Readonly<Record<DefectKind, Expected>> = {
  'departement-minuscule': 'accepted',
  'separateur-milliers': 'accepted',
  'reponse-dupliquee': 'rejected',
  'departement-inconnu': 'rejected',
  'effectif-negatif': 'rejected',
  'texte-dans-nombre': 'rejected',
  'issues-incoherentes': 'rejected',
  'lignes-vides': 'ignored',
  'origines-incoherentes': 'rejected',
  'enfants-moins-que-familles': 'rejected',
};

/** A return table with the canonical field of each column (the planting needs to find columns). */
export interface FieldedTable extends ReturnTable {
  fields: string[];
}

/** Data-row index → row number in the file (header = 1), counting the blank lines written before it. */
export function fileRow(table: ReturnTable, index: number): number {
  return index + 2 + table.blankLinesBefore.filter((at) => at <= index).length;
}

function column(table: FieldedTable, field: string): number {
  const at = table.fields.indexOf(field);
  if (at < 0) throw new Error(`champ ${field} absent de ${table.path}`);
  return at;
}

/** Rows already carrying a defect, so that two defects never share a row. */
type Taken = Set<string>;
const key = (table: ReturnTable, index: number) => `${table.path}#${index}`;

function pickRow(rng: Rng, table: FieldedTable, taken: Taken, ok: (row: RawCell[]) => boolean = () => true): number {
  const free = table.rows.map((row, i) => i).filter((i) => !taken.has(key(table, i)) && ok(table.rows[i]));
  if (free.length === 0) throw new Error(`aucune ligne libre dans ${table.path}`);
  const index = rng.pick(free);
  taken.add(key(table, index));
  return index;
}

interface Plant {
  kind: DefectKind;
  table: FieldedTable;
  index: number;
  field: string;
  value: string;
  description: string;
  original?: { file: string; row: number };
}

function record(p: Plant): PlantedDefect {
  const at = p.field ? column(p.table, p.field) : -1;
  return {
    year: p.table.year,
    survey: p.table.survey,
    kind: p.kind,
    expected: EXPECTED_BY_KIND[p.kind],
    file: p.table.path,
    row: fileRow(p.table, p.index),
    field: p.field,
    header: at >= 0 ? p.table.headers[at] : '',
    value: p.value,
    ...(p.original ? { original: p.original } : {}),
    description: p.description,
  };
}

const num = (cell: RawCell) => (typeof cell === 'number' ? cell : Number.NaN);

/**
 * Plants one year's defects into the tables (mutating them) and returns where they are.
 * `twoFileCafs` are pairs of files from the same CAF (the duplicated return goes from the first to the
 * second); `corsicaSud` is the file holding the Corse-du-Sud services.
 */
export function plantDefects(
  rng: Rng,
  tables: { mediation: FieldedTable[]; rencontre: FieldedTable[] },
  twoFileCafs: readonly [FieldedTable, FieldedTable][],
  corsicaSud: FieldedTable,
): PlantedDefect[] {
  const taken: Taken = new Set();
  const plants: Plant[] = [];
  const med = tables.mediation;
  const setCell = (table: FieldedTable, index: number, field: string, value: RawCell) => {
    table.rows[index][column(table, field)] = value;
  };

  // 2a: Corse-du-Sud in lower case, accepted after normalisation
  {
    const d = column(corsicaSud, 'departement');
    const index = pickRow(rng, corsicaSud, taken, (row) => row[d] === '2A');
    setCell(corsicaSud, index, 'departement', '2a');
    plants.push({ kind: 'departement-minuscule', table: corsicaSud, index, field: 'departement', value: '2a', description: 'code département « 2a » en minuscule (Corse-du-Sud) : accepté après normalisation en « 2A »' });
  }
  // 1 234: thousands written with a space (or a no-break space) in a Windows-1252 CSV
  {
    const csv = med.filter((t) => t.format === 'csv-cp1252' && t !== corsicaSud);
    const table = rng.pick(csv);
    const c = column(table, 'fin_caf');
    const index = pickRow(rng, table, taken, (row) => num(row[c]) >= 1000);
    const amount = num(table.rows[index][c]);
    const separator = table.year % 2 === 0 ? ' ' : '\u00a0';
    const value = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
    setCell(table, index, 'fin_caf', value);
    plants.push({ kind: 'separateur-milliers', table, index, field: 'fin_caf', value, description: `montant écrit avec un séparateur de milliers (${separator === ' ' ? 'espace' : 'espace insécable'}) : accepté, lu ${amount}` });
  }
  // a duplicated return: a CAF's second file repeats a service of its first file
  {
    const [first, second] = rng.pick(twoFileCafs);
    const index = pickRow(rng, first, taken);
    second.rows.push([...first.rows[index]]);
    const copy = second.rows.length - 1;
    taken.add(key(second, copy));
    const id = String(first.rows[index][column(first, 'service_id')]);
    plants.push({ kind: 'reponse-dupliquee', table: second, index: copy, field: 'service_id', value: id, original: { file: first.path, row: fileRow(first, index) }, description: `réponse du service ${id} envoyée deux fois (dans deux fichiers de la même CAF) : une seule est gardée, l'autre rejetée` });
  }
  const others = (list: FieldedTable[]) => list.filter((t) => t !== corsicaSud && !twoFileCafs.some(([a, b]) => a === t || b === t));
  const simple = (kind: DefectKind, list: FieldedTable[], field: string, value: (row: RawCell[], table: FieldedTable) => RawCell, description: string, ok?: (row: RawCell[], table: FieldedTable) => boolean) => {
    const table = rng.pick(list);
    const index = pickRow(rng, table, taken, ok ? (row) => ok(row, table) : undefined);
    const v = value(table.rows[index], table);
    setCell(table, index, field, v);
    plants.push({ kind, table, index, field, value: String(v), description });
  };
  simple('departement-inconnu', others(med), 'departement', () => '99', 'code département « 99 » inconnu : ligne rejetée');
  simple('effectif-negatif', others(med), 'seances', (row, t) => -Math.max(1, num(row[column(t, 'seances')])), 'nombre de séances négatif : ligne rejetée');
  simple('texte-dans-nombre', others(med), 'entretiens_prealables', () => 'non communiqué', 'texte « non communiqué » dans un champ numérique : ligne rejetée');
  simple('issues-incoherentes', others(med), 'issue_sans_accord', (row, t) => num(row[column(t, 'issue_sans_accord')]) + 3, 'issues des médiations terminées (3 de trop) ne correspondant pas au nombre de médiations terminées : ligne rejetée');
  const ren = tables.rencontre;
  simple('origines-incoherentes', ren, 'mesures_jaf', (row, t) => num(row[column(t, 'mesures_jaf')]) + 5, 'mesures nouvelles par origine (5 de trop) ne correspondant pas au nombre de mesures nouvelles : ligne rejetée');
  simple('enfants-moins-que-familles', ren, 'enfants', (row, t) => Math.max(0, num(row[column(t, 'familles')]) - 3), 'moins d\'enfants que de familles accueillies : ligne rejetée', (row, t) => num(row[column(t, 'familles')]) >= 3);

  // blank lines in a CSV that carries no other defect (so no other row number moves)
  {
    const clean = [...med, ...ren].filter((t) => t.format !== 'xlsx' && t.rows.length >= 2 && !t.rows.some((_, i) => taken.has(key(t, i))));
    const table = rng.pick(clean);
    const middle = rng.int(1, table.rows.length - 1);
    table.blankLinesBefore.push(middle, middle, table.rows.length);
    plants.push({ kind: 'lignes-vides', table, index: middle, field: '', value: '', description: 'lignes vides au milieu et à la fin du fichier : ignorées (ce ne sont pas des lignes de données)' });
  }
  return plants.map((p) => (p.kind === 'lignes-vides' ? { ...record(p), row: fileRow(p.table, p.index) - 2 } : record(p)));
}

/** `DEFECTS.md`: the planted defects as a French table, then the known services without a return, for a human reader. */
export function defectsMarkdown(defects: readonly PlantedDefect[], missing: readonly MissingReturn[] = []): string {
  const label: Record<Expected, string> = { accepted: 'acceptée après normalisation', rejected: 'rejetée', ignored: 'ignorée' };
  const lines = [
    '# Défauts plantés dans l\'échantillon',
    '',
    'Fichier généré par `make sample` (graine fixe) : ne pas modifier à la main. La même liste, lisible par',
    'programme, est dans `defects.json` ; un test vérifie que chaque défaut « rejetée » apparaît dans',
    '`data-out/<année>/rejects.csv` et que chaque défaut « acceptée » n\'y apparaît pas.',
    'Ligne : numéro de ligne dans le fichier, l\'en-tête étant la ligne 1 (ligne de la feuille pour un XLSX).',
    '',
    '| année | fichier | ligne | colonne (en-tête du fichier) | valeur | défaut | ligne attendue |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const d of defects) {
    const col = d.field ? `${d.field} (« ${d.header} »)` : '–';
    const value = d.value === '' ? '–' : `\`${d.value.replace(/\u00a0/g, '⍽')}\``;
    const where = d.original ? ` ; premier exemplaire : ${d.original.file}, ligne ${d.original.row}` : '';
    lines.push(`| ${d.year} | ${d.file} | ${d.row} | ${col} | ${value} | ${d.description}${where} | ${label[d.expected]} |`);
  }
  lines.push('', '`⍽` : espace insécable (U+00A0).', '');
  if (missing.length > 0) {
    lines.push(
      '## Services connus sans réponse',
      '',
      'Tous les services de l\'échantillon ouverts une année figurent dans le registre `reference/services.csv`,',
      'qu\'ils aient répondu ou non : les réponses rejetées ci-dessus y restent comme des non-réponses (sauf la',
      'réponse en double, dont le premier exemplaire est gardé), et les services ci-dessous n\'envoient rien.',
      '',
      '| année | enquête | service | département | motif |',
      '|---|---|---|---|---|',
    );
    const why: Record<MissingReturn['why'], string> = {
      silent: 'aucun service du département ne répond, aucune année (non disponible : `nd`)',
      drawn: 'aucune réponse cette année',
    };
    for (const m of missing) lines.push(`| ${m.year} | ${m.survey} | ${m.service} | ${m.departement} | ${why[m.why]} |`);
    lines.push('');
  }
  return lines.join('\n');
}
