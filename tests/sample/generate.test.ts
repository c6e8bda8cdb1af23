/**
 * The shipped sample's promises (issue 2 §4): seeded and byte-stable, realistic orders of magnitude,
 * rows consistent with the dictionaries' edit rules, returns as they arrive in real life, and every
 * planted defect recorded where it really is.
 */
import { generateSample, type SampleFile } from '../../src/sample/generate.ts';
import type { PlantedDefect } from '../../src/sample/defects.ts';
import { EXPECTED_BY_KIND } from '../../src/sample/defects.ts';
import { createRng } from '../../src/sample/prng.ts';
import { mediationRows, rencontreRows } from '../../src/sample/rows.ts';
import { buildUniverse } from '../../src/sample/universe.ts';
import type { MediationRow, RencontreRow } from '../../src/model/rows.ts';
import { broken, departments, dictionary } from './inputs.ts';
import { headerKey, readBack } from './read-return.ts';

const deps = departments();
let sample: { files: SampleFile[]; defects: PlantedDefect[] };
beforeAll(async () => {
  sample = await generateSample({ departments: deps, dictionary, seed: 4242 });
});

const sum = <T>(rows: readonly T[], field: keyof T) => rows.reduce((a, r) => a + Number(r[field] ?? 0), 0);
const within = (value: number, published: number, tolerance = 0.15) => Math.abs(value - published) / published <= tolerance;

describe('determinism', () => {
  it('gives the same bytes for the same seed, other bytes for another seed', async () => {
    const again = await generateSample({ departments: deps, dictionary, seed: 4242, years: [2024] });
    const first2024 = sample.files.filter((f) => f.path.startsWith('returns/2024/'));
    const again2024 = again.files.filter((f) => f.path.startsWith('returns/2024/'));
    expect(again2024.map((f) => f.path)).toEqual(first2024.map((f) => f.path));
    again2024.forEach((f, i) => expect(Buffer.from(f.content).equals(Buffer.from(first2024[i].content))).toBe(true));
    const other = await generateSample({ departments: deps, dictionary, seed: 1, years: [2024], defects: false });
    expect(other.files.some((f, i) => !Buffer.from(f.content).equals(Buffer.from(again2024[i]?.content ?? [])))).toBe(true);
  });
});

describe('orders of magnitude (published figures, domain README)', () => {
  const universe = buildUniverse(createRng(99), deps, 1);
  const rows = (year: number) => ({
    med: mediationRows(createRng(year), universe.mediation, year, 1),
    ren: rencontreRows(createRng(year + 1), universe.rencontre, year, 1),
  });
  const published = {
    2023: { services: 277, etp: 493, reunions: 14997, entretiens: 96519, seances: 54391, terminees: 22809, finCaf: 29.6e6 },
    2024: { services: 272, etp: 499, reunions: 17247, entretiens: 107250, seances: 56786, terminees: 23807, finCaf: 31.3e6 },
  } as const;

  it.each([2023, 2024] as const)('mediation totals of %i are within ±15 %% of the published figures', (year) => {
    const { med } = rows(year);
    const p = published[year];
    expect(within(med.length, p.services)).toBe(true);
    expect(within(sum(med, 'etp_mediateurs'), p.etp)).toBe(true);
    expect(within(sum(med, 'reunions_information'), p.reunions)).toBe(true);
    expect(within(sum(med, 'entretiens_prealables'), p.entretiens)).toBe(true);
    expect(within(sum(med, 'seances'), p.seances)).toBe(true);
    expect(within(sum(med, 'terminees_conventionnelles') + sum(med, 'terminees_judiciaires'), p.terminees)).toBe(true);
    expect(within(sum(med, 'fin_caf'), p.finCaf)).toBe(true);
    if (year === 2024) {
      expect(within(sum(med, 'personnes'), 51164)).toBe(true);
      expect(within(sum(med, 'lieux_accueil'), 1709)).toBe(true);
    }
  });

  it('has about 190–260 espaces de rencontre and 30 000–33 000 children a year (±15 %)', () => {
    for (const year of [2023, 2024, 2025]) {
      const { ren } = rows(year);
      expect(ren.length).toBeGreaterThanOrEqual(190);
      expect(ren.length).toBeLessThanOrEqual(260);
      expect(sum(ren, 'enfants')).toBeGreaterThan(30000 * 0.85);
      expect(sum(ren, 'enfants')).toBeLessThan(33000 * 1.15);
    }
  });

  it('keeps the published shares: 69 % conventional, 28/34/15/23 % outcomes, ≈ 41 % interrupted measures', () => {
    const { med, ren } = rows(2024);
    const ended = sum(med, 'terminees_conventionnelles') + sum(med, 'terminees_judiciaires');
    expect(sum(med, 'terminees_conventionnelles') / ended).toBeCloseTo(0.69, 1);
    expect(sum(med, 'issue_accord_ecrit') / ended).toBeCloseTo(0.28, 1);
    expect(sum(med, 'issue_accord_oral') / ended).toBeCloseTo(0.34, 1);
    expect(sum(med, 'issue_sans_accord') / ended).toBeCloseTo(0.15, 1);
    const ends = sum(ren, 'fin_exercice_autonome') + sum(ren, 'fin_interrompue') + sum(ren, 'fin_autre');
    expect(sum(ren, 'fin_interrompue') / ends).toBeCloseTo(0.41, 1);
    expect(sum(ren, 'mesures_jaf') / sum(ren, 'mesures_nouvelles')).toBeGreaterThan(0.7);
  });

  it('drifts plausibly from year to year (less than 10 %)', () => {
    const ended = (year: number) => sum(rows(year).med, 'terminees_conventionnelles') + sum(rows(year).med, 'terminees_judiciaires');
    expect(Math.abs(ended(2025) / ended(2024) - 1)).toBeLessThan(0.1);
  });

  it('spreads units very unevenly, with a handful of white zones', () => {
    const { med, ren } = rows(2024);
    for (const units of [med, ren] as const) {
      const perDep = new Map<string, number>();
      for (const r of units) perDep.set(r.departement, (perDep.get(r.departement) ?? 0) + 1);
      const none = deps.filter((d) => !perDep.has(d.code));
      expect(none.length).toBeGreaterThanOrEqual(2);
      expect(none.length).toBeLessThanOrEqual(8);
    }
    const etp = new Map<string, number>();
    for (const r of med) etp.set(r.departement, (etp.get(r.departement) ?? 0) + r.etp_mediateurs);
    const mean = sum(med, 'etp_mediateurs') / etp.size;
    expect(Math.max(...etp.values())).toBeGreaterThan(4 * mean);
  });

  it('skews waiting days: a median of a few weeks, a tail of months', () => {
    const days = rows(2024).ren.map((r) => r.delai_attente_median_jours).filter((d): d is number => d !== null).sort((a, b) => a - b);
    const median = days[Math.floor(days.length / 2)];
    expect(median).toBeGreaterThanOrEqual(14);
    expect(median).toBeLessThanOrEqual(60);
    expect(days[Math.floor(days.length * 0.95)]).toBeGreaterThan(2.5 * median);
  });
});

describe('consistency with the dictionaries', () => {
  it.each([2023, 2024, 2025])('every generated row of %i keeps every edit rule and bound', (year) => {
    for (const seed of [1, 2, 3]) {
      const universe = buildUniverse(createRng(seed), deps, 1);
      const med: MediationRow[] = mediationRows(createRng(seed), universe.mediation, year, 1);
      const ren: RencontreRow[] = rencontreRows(createRng(seed), universe.rencontre, year, 1);
      const bad = [
        ...med.flatMap((r) => broken(dictionary('mediation', year), r as never).map((b) => `${r.service_id}:${b}`)),
        ...ren.flatMap((r) => broken(dictionary('rencontre', year), r as never).map((b) => `${r.structure_id}:${b}`)),
      ];
      expect(bad).toEqual([]);
    }
  });

  it('writes one column per dictionary field, under a known header of that field', async () => {
    for (const file of sample.files.filter((f) => /^returns\/.*\.(csv|xlsx)$/.test(f.path))) {
      const [, year, survey] = file.path.split('/');
      const dict = dictionary(survey as 'mediation', Number(year));
      const header = (await readBack(file.path, file.content))[0];
      const fields = Object.keys(dict.fields);
      expect(header).toHaveLength(fields.length);
      header.forEach((h, i) => expect(dict.fields[fields[i]].headers.map(headerKey)).toContain(headerKey(h)));
    }
  });
});

describe('returns as they arrive', () => {
  const returns = () => sample.files.filter((f) => /^returns\/.*\.(csv|xlsx)$/.test(f.path));

  it('sends one file per CAF (a few send two) and one per court of appeal', () => {
    for (const year of [2023, 2024, 2025]) {
      const med = returns().filter((f) => f.path.startsWith(`returns/${year}/mediation/`));
      const ren = returns().filter((f) => f.path.startsWith(`returns/${year}/rencontre/`));
      const cafs = new Set(med.map((f) => /caf-([0-9ab]+)-/.exec(f.path)![1]));
      expect(cafs.size).toBeGreaterThan(90);
      expect(med.length - cafs.size).toBeGreaterThanOrEqual(1);
      expect(med.length - cafs.size).toBeLessThanOrEqual(5);
      expect(ren.length).toBeGreaterThan(25);
      expect(ren.length).toBeLessThanOrEqual(34);
    }
  });

  it('mixes Windows-1252 CSV, UTF-8 CSV with a BOM and XLSX', () => {
    const files = returns();
    const bom = files.filter((f) => f.content[0] === 0xef && f.content[1] === 0xbb && f.content[2] === 0xbf);
    const xlsx = files.filter((f) => f.content[0] === 0x50 && f.content[1] === 0x4b);
    const cp1252 = files.filter((f) => !bom.includes(f) && !xlsx.includes(f));
    expect(bom.length).toBeGreaterThan(20);
    expect(xlsx.length).toBeGreaterThan(20);
    expect(cp1252.length).toBeGreaterThan(50);
    // Windows-1252 with accents is not valid UTF-8: the ingest has to detect it (a few files are pure ASCII)
    const invalidUtf8 = cp1252.filter((f) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(f.content);
        return false;
      } catch {
        return true;
      }
    });
    expect(invalidUtf8.length).toBeGreaterThan(0.8 * cp1252.length);
    expect(cp1252.every((f) => Buffer.from(f.content).includes(';'))).toBe(true);
  });
});

describe('planted defects', () => {
  it('plants every kind of defect in every year, with its expected fate', () => {
    for (const year of [2023, 2024, 2025]) {
      const kinds = sample.defects.filter((d) => d.year === year).map((d) => d.kind).sort();
      expect(kinds).toEqual(Object.keys(EXPECTED_BY_KIND).sort());
    }
    expect(sample.defects.filter((d) => d.kind === 'departement-minuscule').every((d) => d.expected === 'accepted')).toBe(true);
    expect(sample.defects.filter((d) => d.kind === 'separateur-milliers').every((d) => d.expected === 'accepted')).toBe(true);
  });

  it('records each defect where it really is in the file', async () => {
    const byPath = new Map(sample.files.map((f) => [f.path, f]));
    for (const d of sample.defects) {
      const file = byPath.get(d.file)!;
      const rows = await readBack(d.file, file.content);
      const line = rows[d.row - 1];
      if (d.kind === 'lignes-vides') {
        expect(line).toEqual([]);
        continue;
      }
      const col = rows[0].indexOf(d.header);
      expect(col).toBeGreaterThanOrEqual(0);
      expect(line[col]).toBe(d.value);
      if (d.original) {
        const first = await readBack(d.original.file, byPath.get(d.original.file)!.content);
        expect(first[d.original.row - 1]).toEqual(line);
      }
    }
  });

  it('ships DEFECTS.md and defects.json listing the same defects', () => {
    const json = sample.files.find((f) => f.path === 'returns/defects.json')!;
    expect(JSON.parse(Buffer.from(json.content).toString('utf8'))).toEqual(sample.defects);
    const md = Buffer.from(sample.files.find((f) => f.path === 'returns/DEFECTS.md')!.content).toString('utf8');
    for (const d of sample.defects) expect(md).toContain(`| ${d.year} | ${d.file} | ${d.row} |`);
  });
});
