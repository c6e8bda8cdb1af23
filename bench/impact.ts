/**
 * Benchmark of the impact estimates (issue 24) at national size: about 350 000 children entering a
 * separation each year within CAF files of about 3 million children a year, four years (2022–2025),
 * run of 2025 (cohort 2023 estimated, cohorts 2023–2024 in the survival curves): population, matching,
 * 500 Poisson bootstrap replicates and the survival curves. Target: < 90 s and < 4 GB.
 *
 * Two child processes: the first writes the synthetic follow-up tables into a DuckDB file in a
 * temporary folder (not measured); the second opens it and runs `impactTables` alone, so the
 * measured time and peak memory are the method's.
 *
 *   node_modules/.bin/tsx bench/impact.ts            # prints the row
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { impactTables } from '../src/impact/impact.ts';
import { loadSynthetic, PLANTED } from '../src/impact/synthetic.ts';
import { formatBenchTable, type BenchRow } from './bench-row.ts';
import { describeMachine, measure } from './measure.ts';

const root = join(import.meta.dirname, '..');
/** separating families per cohort: ≈ 350 000 children at 1,72 children per family */
const FAMILIES = 205_000;
/** children of the CAF files outside the population, every year */
const BACKGROUND = 2_300_000;

function departments(): { code: string; region: string }[] {
  const lines = readFileSync(join(root, 'data-raw', 'reference', 'departements.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => l.split(',')).map((f) => ({ code: f[0], region: `R${f[2]}` }));
}

async function generate(file: string): Promise<void> {
  const connection = await (await DuckDBInstance.create(file)).connect();
  const codes = departments().map((d) => d.code);
  await loadSynthetic(connection, { seed: 1, families: FAMILIES, cohorts: [2023, 2024, 2025], lastYear: 2025, effects: PLANTED, departments: codes });
  const list = codes.map((c) => `'${c}'`).join(', ');
  // families that do not separate in these years (single-parent all along, or never): outside the population
  await connection.run(`
    INSERT INTO suivi_caf
    SELECT translate(upper(md5('e' || i::VARCHAR)), '0189', 'WXYZ'), translate(upper(md5('f' || (i // 2)::VARCHAR)), '0189', 'WXYZ'),
      a, ([${list}])[1 + (i % ${codes.length})], 1 + ((i + a) % 17), 1 + (i % 5), (i % 3 = 0)::INTEGER, 0, 0, 0
    FROM range(${BACKGROUND}) t(i), range(2022, 2026) y(a)`);
  connection.closeSync();
}

async function run(file: string): Promise<void> {
  const connection = await (await DuckDBInstance.create(file, { memory_limit: '3GB', temp_directory: join(file, '..', 'spill'), preserve_insertion_order: 'false' })).connect();
  const start = performance.now();
  const steps: string[] = [];
  const trace = (step: string, ms: number): void => {
    steps.push(`${step} ${(ms / 1000).toFixed(1).replace('.', ',')} s`);
    process.stderr.write(`TRACE ${step} ${Math.round(ms)}\n`);
  };
  const result = await impactTables(connection, 2025, departments(), { trace });
  const seconds = (performance.now() - start) / 1000;
  const [row] = (await connection.runAndReadAll('SELECT count(*) AS children, count(*) FILTER (WHERE treated) AS treated FROM impact_children')).getRowObjectsJS();
  const france = result.effects.find((e) => e.geo === 'FR' && e.outcome === 'retour_juge' && e.method === 'matched');
  process.stderr.write(`IMPACT ${JSON.stringify({ seconds, children: Number(row.children), treated: Number(row.treated), france, steps: result.survival.steps.length, detail: steps.join(' ; ') })}\n`);
}

export async function benchImpact(): Promise<BenchRow[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'mfer-bench-impact-'));
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const self = join(root, 'bench', 'impact.ts');
  const file = join(scratch, 'suivi.duckdb');
  try {
    const gen = await measure(tsx, [self, '--generate', file], { cwd: root });
    if (gen.exitCode !== 0) throw new Error(gen.stderr);
    const m = await measure(tsx, [self, '--run', file], { cwd: root });
    const line = /IMPACT (.*)/.exec(m.stderr);
    if (m.exitCode !== 0 || !line) throw new Error(m.stderr);
    const info = JSON.parse(line[1]) as { seconds: number; children: number; treated: number; steps: number; detail: string };
    const cpu = /User time \(seconds\): ([\d.]+)[\s\S]*System time \(seconds\): ([\d.]+)/.exec(m.stderr);
    const cpuNote = cpu ? ` ; temps processeur ${(Number(cpu[1]) + Number(cpu[2])).toFixed(0)} s` : '';
    const ok = m.seconds < 90 && (m.peakMiB ?? 0) < 4096;
    return [{
      name: 'impact : appariement, 500 réplications, survie (taille nationale)',
      size: `${info.children.toLocaleString('fr-FR')} enfants en séparation (2 cohortes), ${info.treated.toLocaleString('fr-FR')} avec médiation ; CAF ≈ 3 M enfants × 4 ans`,
      seconds: m.seconds,
      peakMiB: m.peakMiB,
      target: '< 90 s et < 4 Go',
      ok,
      note: `dont impactTables ${info.seconds.toFixed(1).replace('.', ',')} s (${info.detail})${cpuNote} ; ${info.steps} marches de survie publiées`,
    }];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--generate') await generate(argv[1]);
else if (argv[0] === '--run') await run(argv[1]);
else if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(formatBenchTable(await benchImpact(), describeMachine()));
