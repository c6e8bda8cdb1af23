/**
 * The national scale of the synthetic follow-up (`mfer sample --suivi-scale national`): written to
 * disk row by row in the bytes of the in-memory sample, and filled with the other children of
 * separated families up to a number of CAF children and of court decisions a year.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFollowUp } from '../../src/sample/suivi.ts';
import { mediationRows, rencontreRows } from '../../src/sample/rows.ts';
import { buildUniverse } from '../../src/sample/universe.ts';
import { createRng } from '../../src/sample/prng.ts';
import { PSEUDONYM } from '../../src/suivi/pseudonym.ts';
import { departments, suiviInputs } from '../sample/inputs.ts';
import { BufferedFileWriter } from '../../src/io/buffered-writer.ts';

const openFile = (path: string, parents: boolean) => new BufferedFileWriter(path, 0o644, { parents });

const rng = createRng(11);
const universe = buildUniverse(rng.fork('universe'), departments(), 1);
const mediation = new Map([2023, 2024, 2025].map((y) => [y, mediationRows(rng.fork(`m${y}`), universe.mediation, y, 1)]));
const rencontre = new Map([2023, 2024, 2025].map((y) => [y, rencontreRows(rng.fork(`r${y}`), universe.rencontre, y, 1)]));
const inputs = { ...suiviInputs(), seed: 11, mediation, rencontre };

const filesBelow = (dir: string): string[] =>
  readdirSync(join(dir, 'suivi'))
    .flatMap((year) => readdirSync(join(dir, 'suivi', year)).map((name) => `suivi/${year}/${name}`))
    .sort();
const dataLines = (text: string) => text.split(/\r?\n/).slice(1, -1);

describe('the national follow-up files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mfer-suivi-national-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('streamed to disk, are the bytes of the in-memory files, defects and their counts included', () => {
    const memory = generateFollowUp(inputs);
    const disk = generateFollowUp({ ...inputs, stream: { dir, open: openFile } });
    expect(disk.files).toEqual([]);
    expect(filesBelow(dir)).toEqual(memory.files.map((f) => f.path).sort());
    expect([...disk.written].sort()).toEqual(memory.files.map((f) => f.path).sort());
    for (const file of memory.files) expect([file.path, readFileSync(join(dir, file.path)).equals(Buffer.from(file.content))]).toEqual([file.path, true]);
    expect(disk.defects).toEqual(memory.defects);
    expect(readdirSync(join(dir, 'suivi', '2025')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('fill the last four CAF and justice years up to the numbers asked, with a panel of children of the contract shape', () => {
    const memory = generateFollowUp(inputs);
    const text = (path: string) => Buffer.from(memory.files.find((f) => f.path === path)!.content).toString('utf8');
    const schemeCaf = Math.max(...[2022, 2023, 2024, 2025].map((y) => dataLines(text(`suivi/${y}/caf.csv`)).length));
    const schemeJustice = Math.max(...[2022, 2023, 2024, 2025].map((y) => dataLines(text(`suivi/${y}/justice.csv`)).length));
    const caf = schemeCaf + 400;
    const justice = schemeJustice + 50;
    generateFollowUp({ ...inputs, stream: { dir, open: openFile, cafChildrenPerYear: caf, decisionsPerYear: justice } });
    // earlier years untouched
    for (const y of [2020, 2021]) expect(readFileSync(join(dir, 'suivi', String(y), 'caf.csv'), 'utf8')).toBe(text(`suivi/${y}/caf.csv`));
    const panels: Set<string>[] = [];
    for (const y of [2022, 2023, 2024, 2025]) {
      const cafText = readFileSync(join(dir, 'suivi', String(y), 'caf.csv'), 'utf8');
      // the scheme children first, as in the sample, then the others
      expect(cafText.startsWith(text(`suivi/${y}/caf.csv`))).toBe(true);
      const rows = dataLines(cafText).map((l) => l.split(';'));
      expect(rows).toHaveLength(caf);
      const shapeless = rows.filter(
        (r) =>
          r.length !== 10 ||
          !PSEUDONYM.test(r[0]) ||
          !PSEUDONYM.test(r[1]) ||
          r[2] !== String(y) ||
          !(Number(r[4]) <= 20) ||
          !['1', '2', '3', '4', '5'].includes(r[5]) ||
          !r.slice(6).every((f) => f === '0' || f === '1'),
      );
      expect(shapeless).toEqual([]);
      panels.push(new Set(rows.map((r) => r[0])));
      const decisions = dataLines(readFileSync(join(dir, 'suivi', String(y), 'justice.csv'), 'utf8').replace(/^\ufeff/, '')).map((l) => l.split(','));
      expect(decisions).toHaveLength(justice);
      for (const d of decisions.slice(-50)) {
        expect(panels.at(-1)!.has(d[0])).toBe(true);
        expect(d[4].slice(0, 4)).toBe(String(y));
        expect(d[3] < d[4]).toBe(true);
      }
    }
    // the same children from one year to the next (a panel, not new people each year)
    const common = [...panels[3]].filter((p) => panels[0].has(p)).length;
    expect(common).toBeGreaterThan(300);
  });
});
