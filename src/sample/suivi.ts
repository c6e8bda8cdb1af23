/**
 * The synthetic follow-up files (issue 23), generated from the same survey rows as the returns so that
 * they agree: every ended mediation counted by a service (`terminees_*`, split by frame and result as
 * the service reported) becomes one family with 1 to 3 children, every ended measure of a structure
 * (`fin_*`) one family with its children; then the family-court decisions around them and the CAF
 * situations of the children from 2020. People get fake NIRs, and the raw files go through the real
 * `pseudonymiseGrid` under the sample key, so the sample exercises the partners' own step.
 *
 * Planted defects, listed in `suivi/DEFECTS.md`: NIRs typed with a wrong key (rejected at
 * pseudonymisation, in `<source>.rejets.csv`), children without any CAF record, duplicated decisions,
 * a family whose CAF department disagrees with the scheme's.
 *
 * Years: the ended mediations and measures of 2022 (no survey: the 2023 rows, a little smaller) to
 * 2025, decisions and CAF situations from 2020, so that the cohorts 2022 and 2023 reach their
 * 24-month horizon with the 2025 data.
 *
 * @example
 *   const files = generateFollowUp({ key, seed, mediation, rencontre, dictionaries, identifiers });
 *   files[0].path; // "suivi/2020/caf.csv"
 */
import type { MediationRow, RencontreRow } from '../model/rows.ts';
import type { IdentifierConfig, SuiviDictionary, SuiviSource } from '../suivi/contract.ts';
import { join } from 'node:path';
import { nirKey } from '../suivi/nir.ts';
import { base32 } from '../suivi/pseudonym.ts';
import { pseudonymiseGrid, rowPseudonymiser, type RowOutcome } from '../suivi/pseudonymise.ts';
import { createRng, splitInteger, type Rng } from './prng.ts';
import { comparisonFamilies, separateForMediation, type SeparatingFamily } from './separations.ts';

export const SUIVI_FIRST_YEAR = 2020;
/** The first cohort (year of the end of the mediation or measure) in the sample. */
export const SUIVI_FIRST_COHORT = 2022;

/**
 * The committed sample follows the families of a few pilot departments only (the whole country is
 * 200 MB of files): both Corsicas (the NIR's 2A/2B), Hautes-Alpes (region PACA, court of Grenoble:
 * the two hierarchies differ), Bouches-du-Rhône (a big one) and La Réunion (a DROM).
 * `--suivi-scale national` follows every department.
 */
export const PILOT_DEPARTMENTS: readonly string[] = ['05', '13', '2A', '2B', '974'];

export interface FollowUpOptions {
  key: Uint8Array;
  /** the departments followed (default `PILOT_DEPARTMENTS`; `all` for the national scale) */
  departments?: readonly string[] | 'all';
  seed: number;
  /** the survey rows of every year, all services (also those whose return is missing) */
  mediation: ReadonlyMap<number, readonly MediationRow[]>;
  rencontre: ReadonlyMap<number, readonly RencontreRow[]>;
  dictionary: (source: SuiviSource) => SuiviDictionary;
  identifiers: IdentifierConfig;
  /** plant the defects (default true) */
  defects?: boolean;
  /**
   * write the files under `<dir>/suivi/<year>/` as they are generated instead of returning them (the
   * national scale does not fit in memory as text); `cafChildrenPerYear` then fills each of the last
   * four CAF years up to that many children with separated families' children met in no scheme
   */
  stream?: { dir: string; open: OpenTextFile; cafChildrenPerYear?: number; decisionsPerYear?: number };
}

/**
 * A text file written piece by piece, in place only at `commit` (the caller's I/O gives it: the CLI
 * passes `io/buffered-writer.ts`'s `BufferedFileWriter`); `parents`: create its folder when missing.
 */
export type OpenTextFile = (path: string, parents: boolean) => { write(text: string): void; commit(): void };

export interface FollowUpDefect {
  source: SuiviSource;
  year: number;
  kind: 'cle_nir' | 'sans_caf' | 'decision_doublon' | 'departement_discordant';
  count: number;
}

interface Person {
  nir: string;
  born: number;
  /** the NIR as the scheme's partner typed it, with a wrong key (planted) */
  typo?: string;
}

interface Family extends SeparatingFamily {
  parents: Person[];
  children: Person[];
  departement: string;
  quintile: number;
  monoparentale: boolean;
  /** CAF department, when it disagrees (planted) */
  cafDepartement?: string;
  noCaf: Set<number>;
}

type Raw = Record<string, string>;

/** Where the generated raw rows go, in generation order, each file's rows pseudonymised. */
interface RawSink {
  push(source: SuiviSource, year: number, row: Raw): void;
  finish(): { files: { path: string; content: Uint8Array }[]; written: string[]; defects: FollowUpDefect[] };
}

/**
 * The dialects of the returns: the justice exports with `,` and `\n`, the others with `;` and
 * `\r\n`; the CAFs without BOM (ASCII: Windows-1252 and UTF-8 alike), the others in UTF-8 with a BOM.
 */
function dialect(source: SuiviSource): { sep: string; eol: string; bom: string } {
  return source === 'justice' ? { sep: ',', eol: '\n', bom: '\ufeff' } : { sep: ';', eol: '\r\n', bom: source === 'caf' ? '' : '\ufeff' };
}

const SOURCE_ORDER: readonly SuiviSource[] = ['mediation', 'rencontre', 'justice', 'caf'];

/** The sample's files in memory: each (source, year) pseudonymised whole at the end. */
class MemorySink implements RawSink {
  private readonly raw: Record<SuiviSource, Map<number, Raw[]>> = { mediation: new Map(), rencontre: new Map(), justice: new Map(), caf: new Map() };
  constructor(private readonly options: FollowUpOptions) {}

  push(source: SuiviSource, year: number, row: Raw): void {
    if (!this.raw[source].has(year)) this.raw[source].set(year, []);
    this.raw[source].get(year)!.push(row);
  }

  finish(): ReturnType<RawSink['finish']> {
    const files: { path: string; content: Uint8Array }[] = [];
    const defects: FollowUpDefect[] = [];
    const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
    for (const source of SOURCE_ORDER) {
      for (const [year, rows] of [...this.raw[source]].sort((a, b) => a[0] - b[0])) {
        const dictionary = this.options.dictionary(source);
        const header = [...new Set([...Object.keys(rows[0] ?? {})])];
        const grid = [header, ...rows.map((row) => header.map((h) => row[h] ?? ''))];
        const out = pseudonymiseGrid(grid, dictionary, this.options.identifiers, this.options.key, { months: false });
        const { sep, eol, bom } = dialect(source);
        const csv = [out.header, ...out.rows].map((r) => r.join(sep)).join(eol) + eol;
        files.push({ path: `suivi/${year}/${source}.csv`, content: text(`${bom}${csv}`) });
        if (out.rejects.length > 0) {
          files.push({ path: `suivi/${year}/${source}.rejets.csv`, content: text(`ligne;motif\r\n${out.rejects.map((x) => `${x.ligne};${x.motif}`).join('\r\n')}\r\n`) });
          defects.push({ source, year, kind: 'cle_nir', count: out.rejects.length });
        }
        if (source === 'justice') {
          const seen = new Set<string>();
          const dup = out.rows.filter((r) => {
            const k = r.join(';');
            const again = seen.has(k);
            seen.add(k);
            return again;
          }).length;
          if (dup > 0) defects.push({ source, year, kind: 'decision_doublon', count: dup });
        }
      }
    }
    return { files, written: [], defects };
  }
}

interface OpenFile {
  source: SuiviSource;
  year: number;
  header: string[];
  out: ReturnType<OpenTextFile>;
  pseudonymise: (raw: readonly string[], ligne: number) => RowOutcome;
  line: number;
  rows: number;
  rejects?: ReturnType<OpenTextFile>;
  rejected: number;
  /** the justice file's rows seen (its duplicated decisions are counted) */
  seen?: Set<string>;
  duplicates: number;
}

/**
 * The same files written row by row under `<dir>/suivi/<year>/` (the national scale): each row
 * pseudonymised as it comes, in the same bytes as `MemorySink`'s.
 */
export class DiskSink implements RawSink {
  private readonly open = new Map<string, OpenFile>();
  constructor(
    private readonly dir: string,
    private readonly openFile: OpenTextFile,
    private readonly options: FollowUpOptions,
  ) {}

  private file(source: SuiviSource, year: number, first: Raw): OpenFile {
    const key = `${source}/${year}`;
    let file = this.open.get(key);
    if (file === undefined) {
      const header = Object.keys(first);
      const out = this.openFile(join(this.dir, 'suivi', String(year), `${source}.csv`), true);
      const { sep, eol, bom } = dialect(source);
      const dictionary = this.options.dictionary(source);
      out.write(`${bom}${Object.keys(dictionary.fields).join(sep)}${eol}`);
      const pseudonymise = rowPseudonymiser(header, dictionary, this.options.identifiers, this.options.key, { months: false });
      file = { source, year, header, out, pseudonymise, line: 1, rows: 0, rejected: 0, duplicates: 0, seen: source === 'justice' ? new Set() : undefined };
      this.open.set(key, file);
    }
    return file;
  }

  push(source: SuiviSource, year: number, row: Raw): void {
    const file = this.file(source, year, row);
    file.line++;
    const outcome = file.pseudonymise(file.header.map((h) => row[h] ?? ''), file.line);
    if (outcome === undefined) return;
    if ('row' in outcome) this.writeRow(file, outcome.row);
    else {
      file.rejects ??= this.openFile(join(this.dir, 'suivi', String(year), `${source}.rejets.csv`), false);
      if (file.rejected === 0) file.rejects.write('ligne;motif\r\n');
      file.rejects.write(`${outcome.reject.ligne};${outcome.reject.motif}\r\n`);
      file.rejected++;
    }
  }

  private writeRow(file: OpenFile, cells: readonly string[], track = true): void {
    const { sep, eol } = dialect(file.source);
    if (track && file.seen !== undefined) {
      const k = cells.join(';');
      if (file.seen.has(k)) file.duplicates++;
      else file.seen.add(k);
    }
    file.out.write(`${cells.join(sep)}${eol}`);
    file.rows++;
  }

  /** Rows of the contract written as they are (already pseudonymous), after the generated ones. */
  pushContract(source: SuiviSource, year: number, cells: readonly string[]): void {
    const key = `${source}/${year}`;
    const file = this.open.get(key);
    if (file === undefined) throw new Error(`${key} : aucun fichier ouvert`);
    this.writeRow(file, cells, false);
  }

  rowsOf(source: SuiviSource, year: number): number {
    return this.open.get(`${source}/${year}`)?.rows ?? 0;
  }

  finish(): ReturnType<RawSink['finish']> {
    const written: string[] = [];
    const defects: FollowUpDefect[] = [];
    const files = [...this.open.values()].sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) || a.year - b.year);
    for (const file of files) {
      file.out.commit();
      written.push(`suivi/${file.year}/${file.source}.csv`);
      if (file.rejects !== undefined) {
        file.rejects.commit();
        written.push(`suivi/${file.year}/${file.source}.rejets.csv`);
        defects.push({ source: file.source, year: file.year, kind: 'cle_nir', count: file.rejected });
      }
      if (file.duplicates > 0) defects.push({ source: file.source, year: file.year, kind: 'decision_doublon', count: file.duplicates });
    }
    return { files: [], written, defects };
  }
}

/** 32 bits from (seed, a, b): a small integer hash (deterministic, not cryptographic). */
function mix(seed: number, a: number, b: number): number {
  let h = (seed ^ Math.imul(a + 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A pseudonym-shaped token (52 characters A-Z2-7) for the `n`th person of a domain. */
function token(seed: number, domain: number, n: number): string {
  const bytes = new Uint8Array(32);
  const view = new DataView(bytes.buffer);
  for (let k = 0; k < 8; k++) view.setUint32(k * 4, mix(seed, domain * 16 + k, n));
  return base32(bytes);
}

/**
 * The national files' other children: separated families' children met in no mediation nor measure,
 * so that each CAF file of `years` holds about `perYear.caf` children and each justice file about
 * `perYear.justice` decisions. Child `i` is the same person every year it appears (a panel: the first
 * `perYear.caf - scheme children` indices each year); its family groups it with a sibling or two; the
 * extra decisions concern children of that panel. Their pseudonyms are random tokens of the
 * contract's shape (these fictitious children have no NIR to hash); departments follow the schemes'
 * families.
 */
/** A residence from 50 equal slots: about 62 % mother, 12 % father, 24 % alternating, 2 % third party. */
const residenceOf = (slot: number) => (slot < 31 ? 'mere' : slot < 37 ? 'pere' : slot < 49 ? 'alternee' : 'tiers');

function writeBackground(sink: DiskSink, years: readonly number[], perYear: { caf: number; justice: number }, seed: number, departments: readonly string[]): void {
  if (departments.length === 0) return;
  const departmentOf = (i: number) => departments[(mix(seed, 1, i) >>> 4) % departments.length];
  for (const year of years) {
    const count = Math.max(0, perYear.caf - sink.rowsOf('caf', year));
    for (let i = 0; i < count; i++) {
      const h = mix(seed, 1, i);
      const y = mix(seed, 2 + year, i);
      const age = Math.min(20, (h % 18) + (year - years[0]));
      const monoparentale = (h >>> 8) % 10 < 6;
      sink.pushContract('caf', year, [
        token(seed, 1, i),
        token(seed, 2, Math.floor(i * 0.6)),
        String(year),
        departmentOf(i),
        String(age),
        String(1 + ((h >>> 12) % 5)),
        monoparentale ? '1' : '0',
        monoparentale && y % 100 < 35 ? '1' : '0',
        (y >>> 8) % 100 < 8 ? '1' : '0',
        (h >>> 20) % 100 < 18 ? '1' : '0',
      ]);
    }
    const decisions = count > 0 ? Math.max(0, perYear.justice - sink.rowsOf('justice', year)) : 0;
    for (let j = 0; j < decisions; j++) {
      const d = mix(seed, 3000 + year, j);
      const i = d % count;
      const day = dayOf(year) + ((d >>> 7) % 365);
      sink.pushContract('justice', year, [
        token(seed, 1, i),
        token(seed, 2, Math.floor(i * 0.6)),
        departmentOf(i),
        iso(day - 60 - ((d >>> 3) % 140)),
        iso(day),
        (d >>> 16) % 100 < 45 ? 'premiere_demande' : 'modification',
        residenceOf((d >>> 20) % 50),
        ['libre', 'libre', 'libre', 'espace_rencontre', 'suspendu', 'sans_objet'][(d >>> 26) % 6],
      ]);
    }
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dayOf = (year: number, month = 1, date = 1) => Date.UTC(year, month - 1, date) / 86_400_000;
const yearOf = (day: number) => Number(iso(day).slice(0, 4));

/** A fake NIR with its right key. */
function fakeNir(r: Rng, born: number, departement: string): string {
  const dep = departement.length === 3 ? '97' : departement;
  const commune = departement.length === 3 ? `${departement[2]}${pad(r.int(1, 99), 2)}` : pad(r.int(1, 400), 3);
  const first13 = `${r.int(1, 2)}${pad(born % 100, 2)}${pad(r.int(1, 12), 2)}${dep}${commune}${pad(r.int(1, 999), 3)}`;
  const key = nirKey(first13);
  return `${first13}${pad(key, 2)}`;
}

export function generateFollowUp(options: FollowUpOptions): { files: { path: string; content: Uint8Array }[]; written: string[]; defects: FollowUpDefect[] } {
  const rng = createRng(options.seed).fork('suivi');
  const plant = options.defects !== false;
  const sink: RawSink = options.stream ? new DiskSink(options.stream.dir, options.stream.open, options) : new MemorySink(options);
  const push = (source: SuiviSource, year: number, row: Raw) => sink.push(source, year, row);
  const defects: FollowUpDefect[] = [];
  const families: Family[] = [];
  const lastYear = Math.max(...options.mediation.keys(), ...options.rencontre.keys());
  const pilot = options.departments ?? PILOT_DEPARTMENTS;
  const followed = (departement: string) => pilot === 'all' || pilot.includes(departement);

  const newFamily = (r: Rng, departement: string, refYear: number): Family => {
    const n = 1 + r.weighted([0.45, 0.38, 0.17]);
    const parents = [0, 1].map(() => ({ born: r.int(1972, 1995), nir: '' }));
    parents.forEach((p) => (p.nir = fakeNir(r, p.born, departement)));
    const children = Array.from({ length: n }, () => {
      const born = r.int(Math.max(2004, refYear - 17), refYear - 1);
      const nir = fakeNir(r, born, departement);
      return plant && r.chance(0.004) ? { born, nir, typo: `${nir.slice(0, 13)}${pad((Number(nir.slice(13)) % 97) + 1, 2)}` } : { born, nir };
    });
    const family: Family = { parents, children, departement, quintile: 1 + r.weighted([0.3, 0.25, 0.2, 0.15, 0.1]), monoparentale: r.chance(0.6), noCaf: new Set() };
    if (plant && r.chance(0.01)) family.cafDepartement = departement === '75' ? '92' : '75';
    for (const child of children) if (plant && r.chance(0.03)) family.noCaf.add(children.indexOf(child));
    families.push(family);
    return family;
  };
  /** the identifier columns; in the scheme's own file (`scheme`), a planted typo of the child's NIR */
  const ids = (f: Family, child: Person, scheme = false): Raw => ({ nir_enfant: scheme ? (child.typo ?? child.nir) : child.nir, nir_parent1: f.parents[0].nir, nir_parent2: f.parents[1].nir });
  const decision = (r: Rng, f: Family, day: number, nature: string, droit: string) => {
    const residence = ['mere', 'pere', 'alternee', 'tiers'][r.weighted([0.62, 0.12, 0.24, 0.02])];
    for (const child of f.children) {
      const row = { ...ids(f, child), departement: f.departement, saisine: iso(day - r.int(60, 200)), decision: iso(day), nature, residence, droit_visite: droit };
      push('justice', yearOf(day), row);
      if (plant && r.chance(0.01)) push('justice', yearOf(day), { ...row }); // a decision recorded twice
    }
  };
  const within = (day: number) => yearOf(day) <= lastYear;

  const separations = rng.fork('separation'); // issue 24: which mediation families separate (separations.ts)
  for (const year of [SUIVI_FIRST_COHORT, ...options.mediation.keys()].filter((y, i, a) => a.indexOf(y) === i).sort()) {
    // 2022 has no survey: the 2023 services, a little less active
    const source = options.mediation.get(year) ?? options.mediation.get(year + 1) ?? [];
    const shrink = options.mediation.has(year) ? 1 : 0.96;
    const yr = rng.fork(`mediation:${year}`);
    for (const row of source.filter((r) => followed(r.departement))) {
      const ended = Math.round((row.terminees_conventionnelles + row.terminees_judiciaires) * shrink);
      const cadres = splitInteger(ended, [row.terminees_conventionnelles, row.terminees_judiciaires]);
      const issues = splitInteger(ended, [row.issue_accord_ecrit, row.issue_accord_oral, row.issue_sans_accord, row.issue_interrompue]);
      const cadreOf = yr.shuffle([...Array(cadres[0]).fill('conventionnelle'), ...Array(cadres[1]).fill('judiciaire')] as string[]);
      const issueOf = yr.shuffle(issues.flatMap((n, i) => Array(n).fill(['accord_ecrit', 'accord_oral', 'sans_accord', 'interrompue'][i]) as string[]));
      for (let k = 0; k < ended; k++) {
        const f = newFamily(yr, row.departement, year);
        const fin = dayOf(year) + yr.int(0, 364);
        const debut = fin - yr.int(30, 240);
        separateForMediation(separations, f, debut, SUIVI_FIRST_YEAR);
        for (const child of f.children) push('mediation', year, { ...ids(f, child, true), service: row.service_id, departement: row.departement, debut: iso(debut), fin: iso(fin), cadre: cadreOf[k], issue: issueOf[k] });
        if (cadreOf[k] === 'judiciaire') decision(yr, f, debut - yr.int(20, 90), yr.chance(0.6) ? 'premiere_demande' : 'modification', 'libre');
        const back = { accord_ecrit: 0.12, accord_oral: 0.18, sans_accord: 0.35, interrompue: 0.4 }[issueOf[k]] ?? 0.2;
        const when = fin + yr.int(60, 900);
        if (yr.chance(back) && within(when)) decision(yr, f, when, 'modification', yr.pick(['libre', 'libre', 'espace_rencontre', 'suspendu']));
      }
    }
  }

  const pending = new Map<string, { family: Family; debut: number; fin: number }[]>();
  for (const year of [SUIVI_FIRST_COHORT, ...options.rencontre.keys()].filter((y, i, a) => a.indexOf(y) === i).sort()) {
    const source = options.rencontre.get(year) ?? options.rencontre.get(year + 1) ?? [];
    const shrink = options.rencontre.has(year) ? 1 : 0.96;
    const yr = rng.fork(`rencontre:${year}`);
    for (const row of source.filter((r) => followed(r.departement))) {
      const ends = [row.fin_exercice_autonome, row.fin_interrompue, row.fin_autre].map((n) => Math.round(n * shrink));
      const endOf = yr.shuffle(ends.flatMap((n, i) => Array.from({ length: n }, () => (i === 0 ? 'exercice_autonome' : i === 1 ? (yr.chance(0.5) ? 'suspension' : 'arret') : 'retour_juge'))));
      // the structure's new measures for families it already saw count among its ended measures of the year
      const queued = pending.get(`${row.structure_id}|${year}`) ?? [];
      endOf.forEach((issue, k) => {
        const again = queued[k];
        const f = again?.family ?? newFamily(yr, row.departement, year);
        const fin = again?.fin ?? dayOf(year) + yr.int(0, 364);
        const debut = again?.debut ?? fin - yr.int(120, 540);
        const origine = again ? 'jaf' : ['jaf', 'juge_enfants', 'spontanee'][yr.weighted([0.72, 0.15, 0.13])];
        const prevues = yr.int(8, 40);
        for (const child of f.children) {
          push('rencontre', year, { ...ids(f, child, true), structure: row.structure_id, departement: row.departement, debut: iso(debut), fin: iso(fin), origine, issue, rencontres_prevues: String(prevues), rencontres_tenues: String(Math.round(prevues * yr.uniform(0.45, 1))) });
        }
        if (origine === 'jaf' && !again) decision(yr, f, debut - yr.int(15, 60), yr.chance(0.5) ? 'premiere_demande' : 'modification', 'espace_rencontre');
        const back = issue === 'retour_juge' ? 0.9 : issue === 'exercice_autonome' ? 0.1 : 0.35;
        const when = fin + (issue === 'retour_juge' ? yr.int(20, 120) : yr.int(60, 900));
        if (yr.chance(back) && within(when)) decision(yr, f, when, 'modification', issue === 'exercice_autonome' ? 'libre' : yr.pick(['espace_rencontre', 'suspendu', 'libre']));
        // for some, a new measure starting within the year after the end, in the same structure: it
        // ends in a later year, where it takes one of the structure's ended measures
        const start2 = fin + yr.int(30, 330);
        const end2 = start2 + yr.int(120, 300);
        if (yr.chance(issue === 'exercice_autonome' ? 0.05 : 0.15) && yearOf(end2) > year && within(end2)) {
          const slot = `${row.structure_id}|${yearOf(end2)}`;
          pending.set(slot, [...(pending.get(slot) ?? []), { family: f, debut: start2, fin: end2 }]);
        }
      });
    }
  }

  // separating families without mediation: the comparison group of the impact estimates (issue 24)
  comparisonFamilies(rng.fork('comparaison'), families, lastYear, (r, departement, year) => newFamily(r, departement, year), (r, f, day, nature) => decision(r, f, day, nature, 'libre'));

  // CAF situations at 31 December, from 2020, for every child of a separated family met above
  const cafRng = rng.fork('caf');
  let disagreeing = 0;
  let withoutCaf = 0;
  for (const f of families) {
    if (f.cafDepartement !== undefined) disagreeing++;
    withoutCaf += f.noCaf.size;
    const asf = f.monoparentale && cafRng.chance(0.35);
    const intermediation = cafRng.chance(0.08);
    const shared = cafRng.chance(0.18);
    f.children.forEach((child, i) => {
      if (f.noCaf.has(i)) return;
      for (let year = f.cafFrom ?? SUIVI_FIRST_YEAR; year <= lastYear; year++) {
        const age = year - child.born;
        if (age < 0 || age > 20) continue;
        // after the scheme, some situations move (outcomes, not effects: the sample plants no cause)
        const moved = year >= 2023 && cafRng.chance(0.15);
        push('caf', year, {
          ...ids(f, child),
          annee: String(year),
          departement: f.cafDepartement ?? f.departement,
          age: String(age),
          quintile_niveau_vie: String(f.quintile),
          monoparentale: (f.separation === undefined ? f.monoparentale : year >= f.separation) ? '1' : '0',
          asf: String(Number(f.separation === undefined ? (moved ? !asf : asf) : year >= f.separation && (moved ? !f.asfAfter : f.asfAfter === true))),
          intermediation: String(Number(moved ? !intermediation : intermediation)),
          af_partagees: String(Number(shared)),
        });
      }
    });
  }
  if (plant) {
    defects.push({ source: 'caf', year: lastYear, kind: 'sans_caf', count: withoutCaf }, { source: 'caf', year: lastYear, kind: 'departement_discordant', count: disagreeing });
  }

  if (options.stream?.cafChildrenPerYear !== undefined && sink instanceof DiskSink) {
    const years = Array.from({ length: 4 }, (_, k) => lastYear - 3 + k);
    writeBackground(sink, years, { caf: options.stream.cafChildrenPerYear, justice: options.stream.decisionsPerYear ?? 0 }, options.seed, families.map((f) => f.departement));
  }
  const out = sink.finish();
  defects.push(...out.defects);
  return { files: out.files, written: out.written, defects };
}

/** The follow-up defects as Markdown (`suivi/DEFECTS.md`). */
export function followUpDefectsMarkdown(defects: readonly FollowUpDefect[]): string {
  const label = { cle_nir: 'NIR à clé fausse (ligne rejetée à la pseudonymisation)', sans_caf: 'enfants sans aucune situation CAF', decision_doublon: 'décisions en double', departement_discordant: 'familles dont le département CAF diffère de celui du dispositif' };
  return `# Défauts plantés dans les fichiers de suivi fictifs\n\n| source | année | défaut | nombre |\n|---|---|---|---|\n${defects.map((d) => `| ${d.source} | ${d.year} | ${label[d.kind]} | ${d.count} |`).join('\n')}\n`;
}
