/**
 * Runs that can be trusted (issue 6), on a small input (7 departments, 2 years), through the CLI in a
 * child process:
 * - byte-identical: the same inputs give the same bytes in every output (run.log included: timings
 *   are written only with MFER_LOG_TIMINGS=1, which these runs clear);
 * - atomic: a run killed with `kill -9` at random moments leaves, once the next run has undone an
 *   interrupted swap, every year either entirely as before or entirely as the new run would write it;
 * - one at a time: a run that finds another one going stops at once with a message naming its pid.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { acquireLock, LOCK_NAME, releaseLock } from '../../src/io/lock.ts';
import { recoverInterruptedSwaps } from '../../src/io/publish-run.ts';
import { lockBusy } from '../../src/io/run-messages.ts';
import { createRng } from '../../src/sample/prng.ts';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { finished, HOSTILE_NAMES, rootsIn, runAnnual, snapshot, startAnnual, writeSmallInput, yearPart, type Roots } from './harness.ts';

let base: string;
let inputA: string;
let inputB: string;
let roots: Roots;
let snapA: { out: Record<string, string>; reports: Record<string, string> };
let snapB: { out: Record<string, string>; reports: Record<string, string> };
let runSeconds: number;
const YEARS = ['2023', '2024'];

const snap = (r: Roots) => ({ out: snapshot(r.out), reports: snapshot(r.reports) });

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'mfer-e2e-'));
  inputA = await writeSmallInput(join(base, 'a'), { hostile: true });
  // B: the same departments, other figures (another seed), so a half-published year would show
  inputB = await writeSmallInput(join(base, 'b'), { seed: 8 });
  roots = rootsIn(join(base, 'run'));
  const other = rootsIn(join(base, 'other'));
  const start = performance.now();
  const [first, second] = await Promise.all([runAnnual(inputA, roots), runAnnual(inputB, other)]);
  runSeconds = (performance.now() - start) / 1000;
  expect(first.stderr).toBe('');
  expect([first.code, second.code]).toEqual([0, 0]);
  snapA = snap(roots);
  snapB = snap(other);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('mfer annual end to end', () => {
  it('writes clean data, rejects, manifest and run log for every year', () => {
    for (const year of YEARS) {
      for (const file of ['clean/mediation.csv', 'clean/rencontre.csv', 'rejects.csv', 'manifest.json', 'run.log']) {
        expect(Object.keys(snapA.out)).toContain(`${year}/${file}`);
      }
    }
    expect(snapA.out).not.toEqual(snapB.out);
  });

  it('writes hostile text inert in every CSV and XLSX output, and escaped in HTML', async () => {
    const clean = readFileSync(join(roots.out, '2024', 'clean', 'mediation.csv'), 'utf8');
    const names = (parse(clean.replace(/^\ufeff/, ''), { columns: true, delimiter: ';' }) as Record<string, string>[]).map((r) => r.service_nom);
    for (const name of HOSTILE_NAMES) expect(names.some((n) => n === name || n === `'${name}`)).toBe(true);
    const live = (cell: string) => /^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && cell !== '-' && !/^-\d+([.,]\d+)?( ?%)?$/.test(cell));
    for (const [root, files] of [
      [roots.out, snapA.out],
      [roots.reports, snapA.reports],
    ] as const) {
      for (const path of Object.keys(files)) {
        const full = join(root, path);
        if (path.endsWith('.csv')) {
          const text = readFileSync(full, 'utf8').replace(/^\ufeff/, '');
          const delimiter = text.split('\n')[0].includes(';') ? ';' : ',';
          const cells = (parse(text, { delimiter, relax_column_count: true }) as string[][]).flat();
          expect({ path, live: cells.filter(live) }).toEqual({ path, live: [] });
        } else if (path.endsWith('.xlsx')) {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(readFileSync(full) as never);
          const formulas: string[] = [];
          workbook.eachSheet((sheet) =>
            sheet.eachRow((row) =>
              row.eachCell((cell) => {
                if (cell.type === ExcelJS.ValueType.Formula) formulas.push(`${sheet.name}!${cell.address}`);
              }),
            ),
          );
          expect({ path, formulas }).toEqual({ path, formulas: [] });
        } else if (/\.(html|svg|json)$/.test(path)) {
          expect(readFileSync(full, 'utf8')).not.toContain('<script>alert("mfer")');
        }
      }
    }
  });

  it('gives the same bytes in every output when run again on the same inputs', async () => {
    const again = await runAnnual(inputA, roots);
    expect(again.code).toBe(0);
    expect(snap(roots)).toEqual(snapA);
  });

  it('leaves every year whole, old or new, when killed with kill -9 at random moments', async () => {
    const pristine = join(base, 'pristine');
    cpSync(join(base, 'run'), pristine, { recursive: true });
    const rng = createRng(20240601);
    let deadPid = 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      rmSync(join(base, 'run'), { recursive: true, force: true });
      cpSync(pristine, join(base, 'run'), { recursive: true });
      const child = startAnnual(inputB, roots);
      deadPid = child.pid!;
      const done = finished(child);
      await new Promise((wake) => setTimeout(wake, rng.uniform(0.5, 1.05) * runSeconds * 1000));
      child.kill('SIGKILL');
      await done;
      // what the next run does first
      recoverInterruptedSwaps(roots.out);
      recoverInterruptedSwaps(roots.reports);
      const now = snap(roots);
      for (const year of YEARS) {
        for (const root of ['out', 'reports'] as const) {
          const part = yearPart(now[root], year);
          expect([yearPart(snapA[root], year), yearPart(snapB[root], year)]).toContainEqual(part);
        }
      }
      expect(readdirSync(join(base, 'run')).filter((n) => n.startsWith('.mfer-tmp-'))).toEqual([]);
    }
    // back to the first publication, with the lock a killed run leaves behind: the next runs must take it over
    rmSync(join(base, 'run'), { recursive: true, force: true });
    cpSync(pristine, join(base, 'run'), { recursive: true });
    writeFileSync(join(roots.out, LOCK_NAME), `${deadPid}\n`);
  });

  it('never interleaves two runs started together (after a killed run left its lock)', async () => {
    const [one, two] = await Promise.all([runAnnual(inputA, roots), runAnnual(inputA, roots)]);
    expect([one.code, two.code]).toContain(0);
    for (const [run, other] of [
      [one, two],
      [two, one],
    ]) {
      if (run.code !== 0) expect(run.stderr).toContain(lockBusy(resolve(roots.out, LOCK_NAME), other.pid));
    }
    expect(snap(roots)).toEqual(snapA);
  });

  it('stops at once, naming the pid, when another run holds the lock', async () => {
    const lock = await acquireLock(roots.out);
    try {
      const second = await runAnnual(inputB, roots);
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(lockBusy(resolve(roots.out, LOCK_NAME), process.pid));
      expect(snap(roots)).toEqual(snapA);
    } finally {
      releaseLock(lock);
    }
  });
});
