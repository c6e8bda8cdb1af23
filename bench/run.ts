/**
 * `make bench`: end-to-end benchmarks, printed as a table (never run by `make test`).
 * - `mfer annual` on the shipped sample (three years), in a child process: wall time, peak memory;
 * - the same on a sample scaled ×10 (≈ 2 700 services, 2 300 structures), generated into a
 *   temporary folder with `mfer sample --scale 10`;
 * - the shipped sample plus a 213 MB CSV and a far-corner XLSX (`bench/hostile.ts`, issue 21): both
 *   refused, memory under 1 GB;
 * - the share of secret cells among a department's published cells (issue 25), on the sample's
 *   latest year with the register's consents and without any (`--sans-consentement`);
 * - the protection engine's own rows (`benchProtect()` from `bench/protect.ts`, when present), printed
 *   as a second table after the end-to-end one (`--sans-protection` skips them).
 * - mfer beside GaussSuppression on the tables of bench/gauss-reference/ (`bench/gauss.ts`, issue 25;
 *   `--sans-gauss` skips it; one row says "GaussSuppression absent" when R or the package is missing);
 * - the impact estimates at national size (`benchImpact()` from `bench/impact.ts`, issue 24; `--sans-impact` skips it).
 * Targets (issue 6): < 15 s and < 1 GB for the sample, < 60 s ×10, on a 2-core machine. The sample
 * runs three times (MFER_BENCH_RUNS) and its row gives the median: see `annualRow`.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBenchTable, type BenchRow } from './bench-row.ts';
import { hostileRow } from './hostile.ts';
import { describeMachine, measure, type Measured } from './measure.ts';
import type { BenchRow as ProtectBenchRow } from './protect.ts';
import { protectCliRow } from './protect-cli.ts';

function fromProtect(r: ProtectBenchRow): BenchRow {
  return {
    name: `protection : ${r.name}`,
    size: `${r.cells} cellules (${r.primary} primaires, ${r.secondary} secondaires)`,
    seconds: r.seconds,
    peakMiB: r.peakMB,
    ...(r.target !== undefined ? { target: `< ${String(r.target).replace('.', ',')} s`, ok: r.seconds < r.target } : {}),
    ...(r.note ? { note: r.note } : {}),
  };
}

const root = join(import.meta.dirname, '..');
const mfer = join(root, 'bin', 'mfer.js');
const GiB = 1024;
/** runs of the shipped sample (MFER_BENCH_RUNS, default 3) */
const RUNS = Math.max(1, Number(process.env.MFER_BENCH_RUNS ?? 3) || 3);

/**
 * `mfer annual` on `input`, into a scratch output folder, timed `runs` times: the row gives the
 * median time and the largest peak, the note every time. On a shared virtual machine the same run
 * varies by a third or more from one minute to the next, so one run says little.
 */
async function annualRow(name: string, size: string, input: string, scratch: string, maxSeconds: number, runs: number): Promise<BenchRow> {
  const out = join(scratch, 'data-out');
  const reports = join(scratch, 'reports');
  const all: Measured[] = [];
  for (let k = 0; k < runs; k++) {
    const m = await measure(process.execPath, [mfer, 'annual', '--input', input, '--out', out, '--reports', reports, '--quiet'], { cwd: root });
    all.push(m);
    if (m.exitCode !== 0) break;
  }
  const failed = all.find((m) => m.exitCode !== 0);
  const times = all.map((m) => m.seconds).sort((a, b) => a - b);
  const seconds = times[Math.floor((times.length - 1) / 2)];
  const peakMiB = Math.max(...all.map((m) => m.peakMiB ?? 0)) || undefined;
  const spread = all.length > 1 ? `médiane de ${all.length} exécutions : ${all.map((m) => m.seconds.toFixed(1).replace('.', ',')).join(' ; ')} s` : undefined;
  return {
    name,
    size,
    seconds,
    peakMiB,
    target: `< ${maxSeconds} s et < 1 Go`,
    ok: !failed && seconds < maxSeconds && (peakMiB ?? 0) < GiB,
    ...(failed ? { note: `code de sortie ${failed.exitCode} : ${failed.stderr.trim().split('\n').slice(-3).join(' / ')}` } : spread ? { note: spread } : {}),
  };
}

/** The latest year published in an output folder (`<out>/<year>/`). */
function latestYear(out: string): number | undefined {
  const years = existsSync(out) ? readdirSync(out).filter((y) => /^\d{4}$/.test(y)).map(Number) : [];
  return years.length > 0 ? Math.max(...years) : undefined;
}

const percent = (x: number) => `${(100 * x).toFixed(1).replace('.', ',')} %`;

/**
 * Issue 25: what a department finds in its workbook, the share of its published cells that are
 * secret (median and 90th percentile over the departments, from `audit/summary.json`), on the
 * latest year of a run. `seconds`: the run's, when it was made for this row.
 */
function secrecyRow(name: string, out: string, maxMedian: number, seconds: number, failed?: string): BenchRow {
  const year = latestYear(out);
  const path = year === undefined ? '' : join(out, String(year), 'audit', 'summary.json');
  if (failed || !path || !existsSync(path)) return { name, size: '–', seconds, target: `médiane ≤ ${percent(maxMedian)}`, ok: false, note: failed ?? 'pas de audit/summary.json' };
  const d = (JSON.parse(readFileSync(path, 'utf8')) as { departements: { part_masquee_mediane: number; part_masquee_p90: number; part_primaire_mediane: number } }).departements;
  return {
    name: `${name} ${year}`,
    // the floor: the median share if only the primary cells (and what is derived from them) were secret
    size: `médiane ${percent(d.part_masquee_mediane)}, 90e centile ${percent(d.part_masquee_p90)} (plancher des primaires : ${percent(d.part_primaire_mediane)})`,
    seconds,
    target: `médiane ≤ ${percent(maxMedian)}`,
    ok: d.part_masquee_mediane <= maxMedian,
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'mfer-bench-'));
  const rows: BenchRow[] = [];
  const machine = describeMachine();
  try {
    rows.push(await annualRow('mfer annual, échantillon livré (3 ans)', '≈ 500 réponses / an', join(root, 'data-raw'), join(scratch, 'x1'), 15, RUNS));
    // issue 25: the share of a department's cells that are secret, with the register's consents
    // (the run above) and without any (the latest year again, with --sans-consentement)
    rows.push(secrecyRow('secret par département, avec consentements,', join(scratch, 'x1', 'data-out'), 0.15, NaN));
    const year = latestYear(join(scratch, 'x1', 'data-out'));
    if (year !== undefined) {
      const out = join(scratch, 'x1-sans', 'data-out');
      const reports = join(scratch, 'x1-sans', 'reports');
      const run = await measure(process.execPath, [mfer, 'annual', '--year', String(year), '--sans-consentement', '--input', join(root, 'data-raw'), '--out', out, '--reports', reports, '--quiet'], { cwd: root });
      rows.push(secrecyRow('secret par département, sans consentement,', out, 0.25, run.seconds, run.exitCode !== 0 ? `code de sortie ${run.exitCode}` : undefined));
    }

    // ×10: reference data copied, returns regenerated ten times larger (generation not timed in the run)
    const raw10 = join(scratch, 'raw-x10');
    cpSync(join(root, 'data-raw'), raw10, { recursive: true, filter: (src) => !src.startsWith(join(root, 'data-raw', 'returns')) });
    const gen = await measure(process.execPath, [mfer, 'sample', '--out', raw10, '--scale', '10', '--quiet'], { cwd: root });
    rows.push({ name: 'mfer sample --scale 10 (génération)', size: '≈ 2 700 services, 2 300 structures / an', seconds: gen.seconds, peakMiB: gen.peakMiB });
    if (gen.exitCode === 0) {
      rows.push(await annualRow('mfer annual, échantillon ×10 (3 ans)', '≈ 5 000 réponses / an', raw10, join(scratch, 'x10'), 60, 1));
    }
    rmSync(raw10, { recursive: true, force: true });
    rows.push(await hostileRow(root, mfer, scratch)); // issue 21: one input file cannot exhaust memory
    rows.push(await protectCliRow(root, mfer)); // issue 22: the whole process of a small protect
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // the end-to-end figures first: the protection benchmarks can take minutes
  process.stdout.write(formatBenchTable(rows, machine));

  if (!argv.includes('--sans-impact')) {
    const { benchImpact } = await import('./impact.ts'); // issue 24: national-size impact estimates
    process.stdout.write(`\n${formatBenchTable(await benchImpact(), machine)}`);
  }

  if (!argv.includes('--sans-protection')) {
    const { benchProtect } = await import('./protect.ts'); // loaded only when asked: it imports the engine
    const protect = (await benchProtect()).map(fromProtect);
    process.stdout.write(`\n${formatBenchTable(protect, machine)}`);
  }

  if (!argv.includes('--sans-gauss')) {
    const { benchGauss } = await import('./gauss.ts'); // issue 25: beside GaussSuppression, when R has it
    process.stdout.write(`\n${formatBenchTable(await benchGauss(), machine)}`);
  }
}

await main(process.argv.slice(2));
