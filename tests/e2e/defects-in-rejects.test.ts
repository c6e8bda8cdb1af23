/**
 * Every defect planted in the shipped sample gets the fate `defects.json` promises, when the sample
 * goes through the real ingest (`readReturns` + `validate`, in memory): rejected defects appear in the
 * rejects (file and row, and the column where the defect is one field); accepted ones are normalised
 * and kept; blank lines are neither rows nor rejects. And nothing else is rejected: the sample has no
 * defect that is not recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { harmonize } from '../../src/harmonize/harmonize.ts';
import { ingestFiles } from '../../src/format/ingest-files.ts';
import { loadDictionaries } from '../../src/ingest/dictionaries.ts';
import { loadGeography } from '../../src/ingest/geography.ts';
import { readReturns } from '../../src/ingest/read-returns.ts';
import type { PlantedDefect } from '../../src/sample/defects.ts';
import { validate } from '../../src/validate/validate.ts';
import type { ValidatedYear } from '../../src/validate/types.ts';
import { repoRoot } from '../sample/inputs.ts';

const dataRaw = join(repoRoot, 'data-raw');
const defects = JSON.parse(readFileSync(join(dataRaw, 'returns', 'defects.json'), 'utf8')) as PlantedDefect[];
const validated = new Map<number, ValidatedYear>();
/** `data-out/<year>/rejects.csv` as the pipeline writes it (built in memory), parsed back */
const rejectsCsv = new Map<number, Record<string, string>[]>();

beforeAll(async () => {
  const geography = loadGeography(join(dataRaw, 'reference'));
  const dictionaries = loadDictionaries(join(repoRoot, 'pipelines', 'config', 'surveys'));
  for (const year of [2023, 2024, 2025]) {
    const v = validate(await readReturns(dataRaw, year), dictionaries, geography);
    validated.set(year, v);
    const files = ingestFiles(v, harmonize(v, geography), { tool: { name: 'mfer', version: 'test' }, parameters: {} });
    const csv = files.find((f) => f.path === `${year}/rejects.csv`)!.content as string;
    rejectsCsv.set(year, parse(csv.replace(/^\ufeff/, ''), { columns: true, delimiter: ';' }) as Record<string, string>[]);
  }
});

const at = (v: ValidatedYear, file: string, row: number) => v.rejects.filter((r) => r.file === file && r.row === row);

describe.each([2023, 2024, 2025])('the planted defects of %i', (year) => {
  const mine = defects.filter((d) => d.year === year);

  it('are all there', () => {
    expect(mine.length).toBeGreaterThanOrEqual(10);
  });

  it('rejected ones appear in the rejects, with a reason, at their file and row', () => {
    const v = validated.get(year)!;
    for (const d of mine.filter((x) => x.expected === 'rejected')) {
      const found = [...at(v, d.file, d.row), ...(d.original ? at(v, d.original.file, d.original.row) : [])];
      expect({ defect: `${d.kind} ${d.file}:${d.row}`, rejected: found.length > 0 }).toEqual({ defect: `${d.kind} ${d.file}:${d.row}`, rejected: true });
      expect(found.every((r) => r.reason.length > 10)).toBe(true);
      if (['departement-inconnu', 'effectif-negatif', 'texte-dans-nombre'].includes(d.kind)) {
        expect(found.map((r) => r.column)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${d.field}|${d.header.replace(/[()€.]/g, '.')})$`))]));
      }
    }
  });

  it('rejected ones are lines of rejects.csv (file;row;column;value;reason)', () => {
    const lines = rejectsCsv.get(year)!;
    for (const d of mine.filter((x) => x.expected === 'rejected')) {
      const where = [`${d.file}#${d.row}`, ...(d.original ? [`${d.original.file}#${d.original.row}`] : [])];
      expect(lines.some((l) => where.includes(`${l.file}#${l.row}`) && l.reason !== '')).toBe(true);
    }
    for (const d of mine.filter((x) => x.expected !== 'rejected')) expect(lines.some((l) => l.file === d.file && l.row === String(d.row))).toBe(false);
  });

  it('accepted ones are normalised and kept', () => {
    const v = validated.get(year)!;
    for (const d of mine.filter((x) => x.expected === 'accepted')) {
      expect(at(v, d.file, d.row)).toEqual([]);
    }
    const corsica = mine.find((d) => d.kind === 'departement-minuscule')!;
    expect(v.mediation.rows.filter((r) => r.departement === '2a')).toEqual([]);
    expect(v.mediation.rows.some((r) => r.departement === '2A')).toBe(true);
    expect(corsica.value).toBe('2a');
    const thousands = mine.find((d) => d.kind === 'separateur-milliers')!;
    expect(v.mediation.rows.map((r) => r.fin_caf)).toContain(Number(thousands.value.replace(/\D/g, '')));
  });

  it('blank lines are neither rows nor rejects', () => {
    const v = validated.get(year)!;
    const blank = mine.find((d) => d.kind === 'lignes-vides')!;
    expect(v.rejects.filter((r) => r.file === blank.file)).toEqual([]);
    expect(v.inputs.find((i) => i.path === blank.file)!.rows_blank).toBeGreaterThanOrEqual(1);
  });

  it('nothing else is rejected, and every file reconciles', () => {
    const v = validated.get(year)!;
    const planted = new Set(
      mine.filter((d) => d.expected === 'rejected').flatMap((d) => [`${d.file}#${d.row}`, ...(d.original ? [`${d.original.file}#${d.original.row}`] : [])]),
    );
    expect(v.rejects.filter((r) => !planted.has(`${r.file}#${r.row}`))).toEqual([]);
    for (const input of v.inputs) expect(input.rows_read).toBe(input.rows_accepted + input.rows_rejected);
    expect(v.inputs.every((i) => i.problem === null)).toBe(true);
  });
});
