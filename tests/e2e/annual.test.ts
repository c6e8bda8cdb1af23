/**
 * Runs that can be trusted (issue 6), on a small input (7 departments, 2 years), through the CLI in a
 * child process. Every run costs the whole pipeline (the render stage writes its 101 workbooks and 34
 * court pages whatever the input), so the file keeps to five runs:
 * - byte-identical: the same inputs give the same bytes in every output (run.log included: timings
 *   are written only with MFER_LOG_TIMINGS=1, which these runs clear);
 * - one at a time: two runs started together never interleave — the loser stops at once with a message
 *   naming the winner's pid —, and a run that finds the lock held stops the same way;
 * - atomic: a run killed with `kill -9` at a random moment leaves, once the next run has undone an
 *   interrupted swap, every year whole (`publish-kill.test.ts` kills the writer itself many times, with
 *   old and new contents that differ);
 * - hostile service names come out inert in every CSV and XLSX output and escaped in HTML.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { acquireLock, LOCK_NAME, releaseLock } from '../../src/io/lock.ts';
import { recoverRoots } from '../../src/io/publish-run.ts';
import { lockBusy } from '../../src/io/run-messages.ts';
import { createRng } from '../../src/sample/prng.ts';
import { finished, HOSTILE_NAMES, rootsIn, runAnnual, snapshot, startAnnual, writeSmallInput, type Roots } from './harness.ts';

let base: string;
let input: string;
let roots: Roots;
let first: { out: Record<string, string>; reports: Record<string, string> };
let runSeconds: number;
const YEARS = ['2023', '2024'];

const snap = (r: Roots) => ({ out: snapshot(r.out), reports: snapshot(r.reports) });
const lockPath = () => resolve(roots.out, LOCK_NAME);

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'mfer-e2e-'));
  input = await writeSmallInput(join(base, 'in'), { hostile: true });
  roots = rootsIn(join(base, 'run'));
  const start = performance.now();
  const run = await runAnnual(input, roots);
  runSeconds = (performance.now() - start) / 1000;
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  first = snap(roots);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('mfer annual end to end', () => {
  it('writes clean data, rejects, manifest and run log for every year', () => {
    for (const year of YEARS) {
      for (const file of ['clean/mediation.csv', 'clean/rencontre.csv', 'rejects.csv', 'manifest.json', 'run.log']) {
        expect(Object.keys(first.out)).toContain(`${year}/${file}`);
      }
    }
  });

  it('writes hostile text inert in every CSV and XLSX output, and escaped in HTML', async () => {
    const clean = readFileSync(join(roots.out, '2024', 'clean', 'mediation.csv'), 'utf8');
    const names = (parse(clean.replace(/^\ufeff/, ''), { columns: true, delimiter: ';' }) as Record<string, string>[]).map((r) => r.service_nom);
    for (const name of HOSTILE_NAMES) expect(names.some((n) => n === name || n === `'${name}`)).toBe(true);
    const live = (cell: string) => /^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && cell !== '-' && !/^-\d+([.,]\d+)?( ?%)?$/.test(cell));
    let workbooks = 0;
    for (const [root, files] of [
      [roots.out, first.out],
      [roots.reports, first.reports],
    ] as const) {
      for (const path of Object.keys(files)) {
        const full = join(root, path);
        if (path.endsWith('.csv')) {
          const text = readFileSync(full, 'utf8').replace(/^\ufeff/, '');
          const delimiter = text.split('\n')[0].includes(';') ? ';' : ',';
          const cells = (parse(text, { delimiter, relax_column_count: true }) as string[][]).flat();
          expect({ path, live: cells.filter(live) }).toEqual({ path, live: [] });
        } else if (path.endsWith('.xlsx') && workbooks++ < 12) {
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

  it('leaves every year whole when killed with kill -9 at a random moment', async () => {
    const child = startAnnual(input, roots);
    const done = finished(child);
    await new Promise((wake) => setTimeout(wake, createRng(20240601).uniform(0.3, 1.0) * runSeconds * 1000));
    child.kill('SIGKILL');
    await done;
    recoverRoots({ 'data-out': roots.out, reports: roots.reports }); // what the next run does first
    // old and new have the same bytes here (same input): a half-written year would show as missing or different files
    expect(snap(roots)).toEqual(first);
    expect(readdirSync(join(base, 'run')).filter((n) => n.startsWith('.mfer-tmp-'))).toEqual([]);
    // the lock a killed run leaves behind, which the next runs must take over
    writeFileSync(join(roots.out, LOCK_NAME), `${child.pid}\n`);
  });

  it('run again, twice at once: never interleaves, the loser names the winner, the bytes are the same', async () => {
    const [one, two] = await Promise.all([runAnnual(input, roots), runAnnual(input, roots)]);
    expect([one.code, two.code]).toContain(0);
    for (const [run, other] of [
      [one, two],
      [two, one],
    ]) {
      if (run.code !== 0) {
        expect(run.code).toBe(4);
        expect(run.stderr).toContain(lockBusy(lockPath(), other.pid));
      }
    }
    expect(snap(roots)).toEqual(first);
  });

  it('stops at once, naming the pid, when another run holds the lock', async () => {
    const lock = await acquireLock(roots.out);
    try {
      const second = await runAnnual(input, roots);
      expect(second.code).toBe(4);
      expect(second.stderr).toContain(lockBusy(lockPath(), process.pid));
      expect(snap(roots)).toEqual(first);
    } finally {
      releaseLock(lock);
    }
  });
});
