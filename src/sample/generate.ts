/**
 * The shipped sample, generated in memory (no file system here: `src/cli/sample.ts` writes it).
 * A panel of units (`universe.ts`) and, for each year: rows for every open unit (`rows.ts`), less the
 * few known services that send nothing (`nonresponse.ts`), grouped into returns as they arrive — one
 * file per CAF (a few CAFs send two), one per court of appeal —, in the formats of real life, with
 * header variants from the survey dictionaries, and the real defects planted and recorded
 * (`defects.ts`). Beside the returns, the register of known services (`register.ts`).
 *
 * @example
 *   const { files, defects } = await generateSample({ departments, dictionary, seed: 20240601 });
 *   files[0].path; // "returns/2023/mediation/caf-01-ain.csv"
 */
import type { Department } from '../model/geography.ts';
import type { MediationRow, RencontreRow } from '../model/rows.ts';
import { defectsMarkdown, plantDefects, type FieldedTable, type PlantedDefect } from './defects.ts';
import { encodeReturn, FORMAT_EXTENSION, type RawCell, type ReturnFormat } from './encode.ts';
import { createRng, type Rng } from './prng.ts';
import { DEFAULT_SEED } from './seed.ts';
import { missingReturns, type MissingReturn } from './nonresponse.ts';
import { REGISTER_LIST, REGISTER_PATH, registerCsv, registerListing } from './register.ts';
import { mediationRows, rencontreRows } from './rows.ts';
import { SAMPLE_YEARS } from './targets.ts';
import { buildUniverse } from './universe.ts';
import { followUpDefectsMarkdown, generateFollowUp, type FollowUpOptions } from './suivi.ts';

export type SampleSurvey = 'mediation' | 'rencontre';
/** What the generator needs from `pipelines/config/surveys/<survey>/<year>.json`. */
export interface SampleDictionary {
  fields: Readonly<Record<string, { headers: readonly string[]; codes?: Readonly<Record<string, readonly string[]>> }>>;
}

export interface SampleOptions {
  departments: readonly Department[];
  dictionary: (survey: SampleSurvey, year: number) => SampleDictionary;
  seed?: number;
  /** multiplies the number of units (×10 for the benchmark) */
  scale?: number;
  years?: readonly number[];
  /** plant the defects (default true) */
  defects?: boolean;
  /** also write the follow-up files `suivi/<year>/` (issue 23), pseudonymised under this sample key */
  suivi?: Omit<FollowUpOptions, 'seed' | 'mediation' | 'rencontre' | 'defects'>;
}

export interface SampleFile {
  /** below `data-raw/` */
  path: string;
  content: Uint8Array;
}

/** ASCII slug for file names: "Bouches-du-Rhône" → "bouches-du-rhone". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const FORMATS: readonly ReturnFormat[] = ['csv-cp1252', 'csv-utf8-bom', 'csv-utf8-bom-comma', 'xlsx'];
const FORMAT_WEIGHTS = [0.42, 0.22, 0.14, 0.22];

/** Header as a person might type it: the canonical one, a known variant, or a case/accent variation. */
function chooseHeaders(r: Rng, fields: readonly string[], dictionary: SampleDictionary): string[] {
  const style = r.weighted([0.6, 0.25, 0.1, 0.05]);
  return fields.map((field) => {
    const headers = dictionary.fields[field].headers;
    if (style === 0 || headers.length === 0) return headers[0] ?? field;
    if (style === 1) return r.chance(0.5) ? r.pick(headers) : headers[0];
    if (style === 2) return headers[0].toUpperCase();
    return headers[0].normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  });
}

/** A coded value as the respondent writes it: the code's first label, sometimes another known label. */
function codeLabel(r: Rng, dictionary: SampleDictionary, field: string, value: RawCell): RawCell {
  const labels = dictionary.fields[field].codes?.[String(value)];
  if (!labels || labels.length === 0) return value;
  return r.chance(0.8) ? labels[0] : r.pick(labels);
}

function table(
  survey: SampleSurvey,
  year: number,
  name: string,
  format: ReturnFormat,
  dictionary: SampleDictionary,
  r: Rng,
  rows: readonly (MediationRow | RencontreRow)[],
): FieldedTable {
  const fields = Object.keys(dictionary.fields);
  const headers = chooseHeaders(r, fields, dictionary);
  return {
    path: `returns/${year}/${survey}/${name}.${FORMAT_EXTENSION[format]}`,
    survey,
    year,
    format,
    fields,
    headers,
    rows: rows.map((row) => fields.map((f) => codeLabel(r, dictionary, f, (row as unknown as Record<string, RawCell>)[f] ?? null))),
    blankLinesBefore: [],
  };
}

/** Where the sample lists its own files (hidden, outside the year folders: never read as a return). */
export const SAMPLE_LIST = 'returns/.mfer-sample';
/** The same list for the follow-up files (`suivi/`), replaced as a whole on its own. */
export const SUIVI_SAMPLE_LIST = 'suivi/.mfer-sample';

/** The content of `SAMPLE_LIST`: a comment line, then one path per line (relative to `--out`). */
export function sampleList(paths: readonly string[]): string {
  return `# fichiers écrits par mfer sample : il ne remplace ce dossier que s'il ne contient rien d'autre\n${paths.map((p) => `${p}\n`).join('')}`;
}

/** The paths a sample list names (`sampleList` read back). */
export function listedPaths(text: string): Set<string> {
  return new Set(text.split('\n').filter((line) => line !== '' && !line.startsWith('#')));
}

/**
 * Generates every return file for the years asked, plus `returns/DEFECTS.md`, `returns/defects.json`,
 * the register `reference/services.csv` with its listing `reference/.mfer-sample`, and the list
 * `SAMPLE_LIST` of them all.
 */
export async function generateSample(options: SampleOptions): Promise<{ files: SampleFile[]; defects: PlantedDefect[]; missing: MissingReturn[] }> {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  const rng = createRng(seed);
  const universe = buildUniverse(rng.fork('universe'), options.departments, scale);
  const byCode = new Map(options.departments.map((d) => [d.code, d]));
  // CAFs that send two files: the same ones every year (big departments)
  const served = new Set(universe.mediation.map((u) => u.departement));
  const bigDepartments = [...served].filter((c) => universe.mediation.filter((u) => u.departement === c).length >= 5).sort();
  const twoFiles = new Set(rng.fork('two-files').shuffle(bigDepartments).slice(0, 3));
  const formatOf = (fileKey: string) => FORMATS[rng.fork(`format:${fileKey}`).weighted(FORMAT_WEIGHTS)];

  const tables: FieldedTable[] = [];
  const defects: PlantedDefect[] = [];
  const missing: MissingReturn[] = [];
  const years = options.years ?? SAMPLE_YEARS;
  // the defects need Corse-du-Sud and the two-file CAFs: no service there goes missing
  const spared = new Set(['2A', ...twoFiles]);
  // every service's rows, those whose return is missing too: the follow-up files come from other partners
  const allMediation = new Map<number, MediationRow[]>();
  const allRencontre = new Map<number, RencontreRow[]>();
  for (const year of years) {
    const yr = rng.fork(year);
    const medDict = options.dictionary('mediation', year);
    const renDict = options.dictionary('rencontre', year);
    const silent = options.defects === false ? [] : [
      ...missingReturns(yr.fork('missing-mediation'), universe.mediation, year, 'mediation', spared),
      ...missingReturns(yr.fork('missing-rencontre'), universe.rencontre, year, 'rencontre', spared),
    ];
    missing.push(...silent);
    const sends = (id: string) => !silent.some((m) => m.service === id);
    allMediation.set(year, mediationRows(yr.fork('mediation'), universe.mediation, year, scale));
    allRencontre.set(year, rencontreRows(yr.fork('rencontre'), universe.rencontre, year, scale));
    const med = allMediation.get(year)!.filter((r) => sends(r.service_id));
    const ren = allRencontre.get(year)!.filter((r) => sends(r.structure_id));

    const medTables: FieldedTable[] = [];
    const pairs: [FieldedTable, FieldedTable][] = [];
    let corsicaSud: FieldedTable | undefined;
    for (const code of [...new Set(med.map((r) => r.departement))].sort()) {
      const rows = med.filter((r) => r.departement === code);
      const base = `caf-${code.toLowerCase()}-${slug(byCode.get(code)!.name)}`;
      // a CAF that sends two files exports both with the same tool (one format), headers typed anew
      const make = (name: string, part: readonly MediationRow[]) =>
        table('mediation', year, name, formatOf(base), medDict, yr.fork(`headers:${name}`), part);
      if (twoFiles.has(code) && rows.length >= 2) {
        const half = Math.ceil(rows.length / 2);
        const pair: [FieldedTable, FieldedTable] = [make(`${base}-1`, rows.slice(0, half)), make(`${base}-2`, rows.slice(half))];
        medTables.push(...pair);
        pairs.push(pair);
        if (code === '2A') corsicaSud = pair[0];
      } else {
        const t = make(base, rows);
        medTables.push(t);
        if (code === '2A') corsicaSud = t;
      }
    }
    const renTables: FieldedTable[] = [];
    const courts = [...new Set(ren.map((r) => byCode.get(r.departement)!.court))].sort();
    for (const court of courts) {
      const rows = ren.filter((r) => byCode.get(r.departement)!.court === court);
      const name = slug(court);
      renTables.push(table('rencontre', year, name, formatOf(name), renDict, yr.fork(`headers:${name}`), rows));
    }
    if (options.defects !== false) {
      if (!corsicaSud || pairs.length === 0) throw new Error('échantillon : pas de fichier pour la Corse-du-Sud ou pas de CAF à deux fichiers');
      defects.push(...plantDefects(yr.fork('defects'), { mediation: medTables, rencontre: renTables }, pairs, corsicaSud));
    }
    tables.push(...medTables, ...renTables);
  }

  const files: SampleFile[] = [];
  for (const t of tables) files.push({ path: t.path, content: await encodeReturn(t) });
  if (options.defects !== false) {
    files.push({ path: 'returns/DEFECTS.md', content: new Uint8Array(Buffer.from(defectsMarkdown(defects, missing), 'utf8')) });
    files.push({ path: 'returns/defects.json', content: new Uint8Array(Buffer.from(JSON.stringify(defects, null, 2) + '\n', 'utf8')) });
  }
  const streamed: string[] = [];
  if (options.suivi) {
    const followUp = generateFollowUp({ ...options.suivi, seed, mediation: allMediation, rencontre: allRencontre, defects: options.defects });
    files.push(...followUp.files);
    streamed.push(...followUp.written);
    if (options.defects !== false) files.push({ path: 'suivi/DEFECTS.md', content: new Uint8Array(Buffer.from(followUpDefectsMarkdown(followUp.defects), 'utf8')) });
  }
  const register = new Uint8Array(Buffer.from(registerCsv(universe, years), 'utf8'));
  files.push({ path: REGISTER_PATH, content: register }, { path: REGISTER_LIST, content: new Uint8Array(Buffer.from(registerListing(register), 'utf8')) });
  // the list of what was written: `mfer sample` replaces the folder only when it holds nothing else
  const followUp = [...files.filter((f) => f.path.startsWith('suivi/')).map((f) => f.path), ...streamed].sort();
  if (followUp.length > 0) files.push({ path: SUIVI_SAMPLE_LIST, content: new Uint8Array(Buffer.from(sampleList(followUp), 'utf8')) });
  files.push({ path: SAMPLE_LIST, content: new Uint8Array(Buffer.from(sampleList(files.map((f) => f.path).filter((p) => !p.startsWith('suivi/')).sort()), 'utf8')) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, defects, missing };
}
