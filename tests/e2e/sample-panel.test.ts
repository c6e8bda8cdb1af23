/**
 * The sample is a panel (issue 19 §5) and ships its register of known services (§4): read back from
 * the generated files with the tests' own reader (`read-return.ts`), not with the generator's data.
 * Services keep their identity, department and size; a continuing service moves by at most ±15 % a
 * year (beyond the national trend); a few services open, close or send nothing every year; Mayotte is
 * known but never answers; Yonne has no espace de rencontre.
 */
import { generateSample, type SampleFile } from '../../src/sample/generate.ts';
import type { PlantedDefect } from '../../src/sample/defects.ts';
import type { MissingReturn } from '../../src/sample/nonresponse.ts';
import { DEFAULT_SEED } from '../../src/sample/seed.ts';
import { departments, dictionary } from '../sample/inputs.ts';
import { headerKey, readBack } from '../sample/read-return.ts';

type Survey = 'mediation' | 'rencontre';
const YEARS = [2023, 2024, 2025];
const SURVEYS: readonly Survey[] = ['mediation', 'rencontre'];
const ID: Record<Survey, string> = { mediation: 'service_id', rencontre: 'structure_id' };
const SITES: Record<Survey, string> = { mediation: 'lieux_accueil', rencontre: 'sites' };

interface ReturnRow {
  file: string;
  /** row in the file, header = 1 */
  row: number;
  values: Record<string, string>;
}
interface RegisterLine {
  annee: number;
  enquete: string;
  service: string;
  departement: string;
  sites: number;
}

/** Every data row of every return of a year and survey, with its canonical fields (blank lines left out). */
async function returnRows(files: readonly SampleFile[], year: number, survey: Survey): Promise<ReturnRow[]> {
  const dict = dictionary(survey, year);
  const out: ReturnRow[] = [];
  for (const file of files.filter((f) => f.path.startsWith(`returns/${year}/${survey}/`))) {
    const rows = await readBack(file.path, file.content);
    // one column per dictionary field, in its order (generate.test.ts checks each header)
    const fields = Object.keys(dict.fields);
    expect(rows[0].map(headerKey)).toEqual(rows[0].map((h, i) => (dict.fields[fields[i]].headers.map(headerKey).includes(headerKey(h)) ? headerKey(h) : `?${fields[i]}`)));
    rows.forEach((cells, i) => {
      if (i === 0 || cells.length === 0) return;
      out.push({ file: file.path, row: i + 1, values: Object.fromEntries(fields.map((f, j) => [f, cells[j] ?? ''])) });
    });
  }
  return out;
}

/** The register read as its contract says: `,`-separated, a header, no quoting needed. */
function readRegister(files: readonly SampleFile[]): { text: string; lines: RegisterLine[] } {
  const file = files.find((f) => f.path === 'reference/services.csv');
  if (!file) throw new Error('pas de registre');
  const text = Buffer.from(file.content).toString('utf8');
  const [, ...rows] = text.replace(/\n$/, '').split('\n');
  const lines = rows.map((line) => {
    const [annee, enquete, service, departement, sites] = line.split(',');
    return { annee: Number(annee), enquete, service, departement, sites: Number(sites) };
  });
  return { text, lines };
}

const num = (text: string) => Number(text.replace(',', '.'));

/** The code of a manager type written as one of its labels ("asso", "Association" → "association"). */
function manager(year: number, label: string): string {
  const codes = (dictionary('mediation', year).fields.gestionnaire as { codes?: Record<string, string[]> }).codes ?? {};
  return Object.keys(codes).find((code) => code === label || codes[code].map(headerKey).includes(headerKey(label))) ?? `?${label}`;
}
const ids = (lines: readonly RegisterLine[], year: number, survey: Survey) => new Set(lines.filter((l) => l.annee === year && l.enquete === survey).map((l) => l.service));

describe.each([DEFAULT_SEED, 4242])('the sample of seed %i', (seed) => {
  let files: SampleFile[];
  let defects: PlantedDefect[];
  let missing: MissingReturn[];
  let register: { text: string; lines: RegisterLine[] };
  /** year → survey → rows; `clean` leaves out every row carrying a planted defect */
  const all = new Map<string, ReturnRow[]>();
  const clean = new Map<string, ReturnRow[]>();
  const key = (year: number, survey: Survey) => `${year}/${survey}`;

  beforeAll(async () => {
    ({ files, defects, missing } = await generateSample({ departments: departments(), dictionary, seed }));
    register = readRegister(files);
    const planted = new Set(defects.map((d) => `${d.file}#${d.row}`));
    for (const year of YEARS)
      for (const survey of SURVEYS) {
        const rows = await returnRows(files, year, survey);
        all.set(key(year, survey), rows);
        clean.set(key(year, survey), rows.filter((r) => !planted.has(`${r.file}#${r.row}`)));
      }
  });

  /** service id → its clean row, for one year and survey */
  const byId = (year: number, survey: Survey) => new Map(clean.get(key(year, survey))!.map((r) => [r.values[ID[survey]], r.values]));

  describe('a panel', () => {
    const ACTIVITY: Record<Survey, readonly ((v: Record<string, string>) => number)[]> = {
      mediation: [
        (v) => num(v.terminees_conventionnelles) + num(v.terminees_judiciaires),
        (v) => num(v.reunions_information),
        (v) => num(v.entretiens_prealables),
        (v) => num(v.seances),
        (v) => num(v.personnes),
        (v) => num(v.fin_caf),
      ],
      rencontre: [(v) => num(v.familles), (v) => num(v.enfants), (v) => num(v.mesures_nouvelles), (v) => num(v.rencontres), (v) => num(v.fin_caf)],
    };

    it.each([
      [2023, 2024],
      [2024, 2025],
    ])('each continuing service moves %i → %i within ±15 %% of the national trend, in every activity figure', (from, to) => {
      const outside: string[] = [];
      for (const survey of SURVEYS) {
        const before = byId(from, survey);
        const after = byId(to, survey);
        const continuing = [...before.keys()].filter((id) => after.has(id));
        expect(continuing.length).toBeGreaterThan(150);
        ACTIVITY[survey].forEach((figure, f) => {
          // the trend: the change of the figure's total over the services present both years
          const trend = continuing.reduce((a, id) => a + figure(after.get(id)!), 0) / continuing.reduce((a, id) => a + figure(before.get(id)!), 0);
          for (const id of continuing) {
            const v0 = figure(before.get(id)!);
            const v1 = figure(after.get(id)!);
            // 2 units of slack: a service ending 3 mediations a year may end 4 the next
            if (Math.abs(v1 - trend * v0) > 0.15 * trend * v0 + 2) outside.push(`${survey} ${id} figure ${f}: ${v0} → ${v1}`);
          }
        });
      }
      expect(outside).toEqual([]);
    });

    it('keeps the ended mediations and families of each continuing service within ±15 % a year', () => {
      const outside: string[] = [];
      const figure: Record<Survey, (v: Record<string, string>) => number> = {
        mediation: (v) => num(v.terminees_conventionnelles) + num(v.terminees_judiciaires),
        rencontre: (v) => num(v.familles),
      };
      for (const [from, to] of [[2023, 2024], [2024, 2025]])
        for (const survey of SURVEYS) {
          const before = byId(from, survey);
          const after = byId(to, survey);
          for (const [id, v] of before) {
            if (!after.has(id)) continue;
            const v0 = figure[survey](v);
            const v1 = figure[survey](after.get(id)!);
            if (Math.abs(v1 - v0) > 0.15 * v0 + 2) outside.push(`${survey} ${id}: ${v0} → ${v1}`);
          }
        }
      expect(outside).toEqual([]);
    });

    it('keeps each service in its department, under its name and manager, with the same number of sites', () => {
      for (const survey of SURVEYS) {
        const seen = new Map<string, string>();
        for (const year of YEARS)
          for (const [id, v] of byId(year, survey)) {
            const identity = [v.departement, v[survey === 'mediation' ? 'service_nom' : 'structure_nom'], v[SITES[survey]], survey === 'mediation' ? manager(year, v.gestionnaire) : ''].join('|');
            expect([id, seen.get(id) ?? identity]).toEqual([id, identity]);
            seen.set(id, identity);
          }
      }
    });

    it('sees a few openings and closings every year, in the register', () => {
      for (const survey of SURVEYS)
        for (const year of [2024, 2025]) {
          const before = ids(register.lines, year - 1, survey);
          const now = ids(register.lines, year, survey);
          const opened = [...now].filter((id) => !before.has(id)).length;
          const closed = [...before].filter((id) => !now.has(id)).length;
          expect([survey, year, opened >= 1 && opened <= 10, closed >= 1 && closed <= 10]).toEqual([survey, year, true, true]);
        }
    });
  });

  describe('the register of known services', () => {
    it('follows the contract: UTF-8 without BOM, header, known departments, sorted by annee, enquete, service', () => {
      expect(register.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(register.text.split('\n')[0]).toBe('annee,enquete,service,departement,sites,consentement');
      const codes = new Set(departments().map((d) => d.code));
      for (const l of register.lines) {
        expect(YEARS).toContain(l.annee);
        expect(SURVEYS).toContain(l.enquete);
        expect(l.service).toMatch(l.enquete === 'mediation' ? /^MF-/ : /^ER-/);
        expect(codes.has(l.departement)).toBe(true);
        expect(Number.isInteger(l.sites) && l.sites >= 1).toBe(true);
      }
      const keys = register.lines.map((l) => [String(l.annee), l.enquete, l.service]);
      const sorted = [...keys].sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
      expect(keys).toEqual(sorted);
      expect(new Set(keys.map((k) => k.join('|'))).size).toBe(keys.length);
    });

    it('gives consent to about two services in three, each with a date of its first year and the same in every year', () => {
      const consent = new Map<string, string>();
      for (const line of register.text.trim().split('\n').slice(1)) {
        const [annee, , service, , , date] = line.split(',');
        expect(date === '' || /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/.test(date)).toBe(true);
        if (date !== '') expect(Number(date.slice(0, 4))).toBeLessThanOrEqual(Number(annee));
        expect(consent.get(service) ?? date).toBe(date);
        consent.set(service, date);
      }
      const share = [...consent.values()].filter((d) => d !== '').length / consent.size;
      expect(share).toBeGreaterThan(0.55);
      expect(share).toBeLessThan(0.78);
    });

    it('keeps a service in one department with one size over the years', () => {
      const first = new Map<string, string>();
      for (const l of register.lines) {
        const identity = `${l.departement}|${l.sites}`;
        expect([l.service, first.get(l.service) ?? identity]).toEqual([l.service, identity]);
        first.set(l.service, identity);
      }
    });

    it('lists every service with a usable return, in its department, with its sites', () => {
      for (const year of YEARS)
        for (const survey of SURVEYS) {
          const known = new Map(register.lines.filter((l) => l.annee === year && l.enquete === survey).map((l) => [l.service, l]));
          for (const [id, v] of byId(year, survey)) {
            expect([id, known.get(id)?.departement, known.get(id)?.sites]).toEqual([id, v.departement.toUpperCase(), num(v[SITES[survey]])]);
          }
        }
    });

    it('keeps the returns dropped whole as known services, and lists a few services that send nothing', () => {
      for (const year of YEARS)
        for (const survey of SURVEYS) {
          const known = ids(register.lines, year, survey);
          const rows = all.get(key(year, survey))!;
          const dropped = defects.filter((d) => d.year === year && d.survey === survey && d.expected === 'rejected');
          for (const d of dropped) {
            const row = rows.find((r) => r.file === d.file && r.row === d.row)!;
            expect(known.has(row.values[ID[survey]])).toBe(true);
          }
          const answered = new Set(rows.map((r) => r.values[ID[survey]]));
          const silent = [...known].filter((id) => !answered.has(id));
          expect(silent.length).toBeGreaterThanOrEqual(2);
          expect(silent.length).toBeLessThanOrEqual(10);
          expect(silent.sort()).toEqual(missing.filter((m) => m.year === year && m.survey === survey).map((m) => m.service));
        }
    });

    it('DEFECTS.md names every known service that sends nothing', () => {
      const md = Buffer.from(files.find((f) => f.path === 'returns/DEFECTS.md')!.content).toString('utf8');
      expect(missing.length).toBeGreaterThan(0);
      for (const m of missing) expect(md).toContain(`| ${m.year} | ${m.survey} | ${m.service} | ${m.departement} |`);
    });
  });

  describe('facts the publication must show', () => {
    it('Mayotte has known mediation services every year but never a return (nd)', () => {
      for (const year of YEARS) {
        expect(register.lines.filter((l) => l.annee === year && l.enquete === 'mediation' && l.departement === '976').length).toBeGreaterThanOrEqual(1);
        expect(all.get(key(year, 'mediation'))!.filter((r) => r.values.departement === '976')).toEqual([]);
      }
      expect(files.filter((f) => /caf-976/.test(f.path))).toEqual([]);
    });

    it('Yonne has no espace de rencontre: none in the register, no return (-)', () => {
      expect(register.lines.filter((l) => l.enquete === 'rencontre' && l.departement === '89')).toEqual([]);
      for (const year of YEARS) expect(all.get(key(year, 'rencontre'))!.filter((r) => r.values.departement === '89')).toEqual([]);
    });

    it('still lands within ±15 % of the published ended mediations and children, on the returns received', () => {
      const published: Record<number, { terminees: number; enfants: number }> = { 2023: { terminees: 22809, enfants: 30600 }, 2024: { terminees: 23807, enfants: 31500 } };
      for (const year of [2023, 2024]) {
        const ended = clean.get(key(year, 'mediation'))!.reduce((a, r) => a + num(r.values.terminees_conventionnelles) + num(r.values.terminees_judiciaires), 0);
        const children = clean.get(key(year, 'rencontre'))!.reduce((a, r) => a + num(r.values.enfants), 0);
        expect(Math.abs(ended / published[year].terminees - 1)).toBeLessThanOrEqual(0.15);
        expect(Math.abs(children / published[year].enfants - 1)).toBeLessThanOrEqual(0.15);
      }
    });
  });
});
