/**
 * Benchmarks of the follow-up cohorts (issue 23), each beside the bare CSV read of the same files
 * (the ratio's base), each in its own process (wall time, processor time, peak memory):
 * - `mfer pseudonymise` on a raw CAF file of N rows (MFER_BENCH_SUIVI_ROWS, default 3 000 000;
 *   target < 30 s for 3 million), generated here with valid NIRs; base: the same file through the
 *   streaming reader (`streamCsv`), rows counted;
 * - linkage, cohorts and outcome counts (before protection) on the follow-up files of `mfer sample
 *   --suivi-scale national` (every department, 3 million CAF children a year over four years), read by
 *   DuckDB (`cohortOutcomesFromCsv`), target < 60 s and < 4 GB; base: DuckDB reading every row of
 *   the same files (`read_csv`, all columns).
 * Run with `node_modules/.bin/tsx bench/suivi.ts` (`make bench`); `--sans-national` skips the second,
 * `--sans-pseudonymise` the first; `--national DOSSIER` measures the second on files an earlier
 * `mfer sample --out DOSSIER --suivi-scale national` wrote (generation not run).
 */
import { closeSync, createWriteStream, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { formatBenchTable, type BenchRow } from './bench-row.ts';
import { describeMachine, measure, type Measured } from './measure.ts';
import { nirKey } from '../src/suivi/nir.ts';

const root = join(import.meta.dirname, '..');
const mfer = join(root, 'bin', 'mfer.js');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const ROWS = Number(process.env.MFER_BENCH_SUIVI_ROWS ?? 3_000_000);

const fr = (n: number, digits = 1) => n.toFixed(digits).replace('.', ',');
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
const cpu = (m: Measured) => (m.cpuSeconds === undefined ? '' : `processeur ${fr(m.cpuSeconds)} s`);
const failed = (m: Measured) => (m.exitCode === 0 ? '' : ` ; code de sortie ${m.exitCode} : ${m.stderr.trim().split('\n').slice(-3).join(' / ')}`);
const load = () => `charge ${loadavg().map((x) => fr(x, 2)).join(' / ')}`;

/** A raw CAF file of `rows` children with valid NIRs (deterministic). */
async function rawCaf(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const nir = (i: number, salt: number) => {
    const first13 = `${1 + (i % 2)}${String(5 + (i % 15)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 95)).padStart(2, '0')}${String((i * 7 + salt) % 1000).padStart(3, '0')}${String(Math.floor(i / 1000) % 1000).padStart(3, '0')}`;
    return `${first13}${String(nirKey(first13)).padStart(2, '0')}`;
  };
  out.write('nir_enfant;nir_parent1;nir_parent2;annee;departement;age;quintile_niveau_vie;monoparentale;asf;intermediation;af_partagees\r\n');
  for (let i = 0; i < rows; i++) {
    const line = `${nir(i, 1)};${nir(i, 2)};${nir(i, 3)};2025;${String(1 + (i % 95)).padStart(2, '0')};${i % 18};${1 + (i % 5)};${i % 2};${i % 3 === 0 ? 1 : 0};${i % 7 === 0 ? 1 : 0};${i % 5 === 0 ? 1 : 0}\r\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/** The contract files of `<dir>/suivi/<year>/` up to `latest`, with their delimiter (from the header). */
function contractFiles(dir: string, latest: number): { source: string; path: string; delimiter: ';' | ',' }[] {
  const files: { source: string; path: string; delimiter: ';' | ',' }[] = [];
  for (const year of readdirSync(join(dir, 'suivi')).filter((y) => /^\d{4}$/.test(y) && Number(y) <= latest).sort()) {
    for (const source of ['mediation', 'rencontre', 'justice', 'caf']) {
      const path = join(dir, 'suivi', year, `${source}.csv`);
      try {
        statSync(path);
      } catch {
        continue;
      }
      const fd = openSync(path, 'r');
      const first = Buffer.alloc(400);
      readSync(fd, first);
      closeSync(fd);
      const head = first.toString('utf8');
      files.push({ source, path, delimiter: head.split(/\r?\n/)[0].includes(';') ? ';' : ',' });
    }
  }
  return files;
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'mfer-bench-suivi-'));
  const rows: BenchRow[] = [];
  try {
    const reuse = process.argv.indexOf('--national');
    const nationalDir = reuse >= 0 ? process.argv[reuse + 1] : undefined;
    if (!process.argv.includes('--sans-pseudonymise')) await benchPseudonymise(scratch, rows);
    if (!process.argv.includes('--sans-national')) await benchNational(scratch, rows, nationalDir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(formatBenchTable(rows, describeMachine()));
}

async function benchPseudonymise(scratch: string, rows: BenchRow[]): Promise<void> {
  {
    const raw = join(scratch, 'caf-brut.csv');
    await rawCaf(raw, ROWS);
    const key = join(scratch, 'mfer.key');
    await measure(process.execPath, [mfer, 'pseudonymise', '--new-key', key], { cwd: root });
    const readScript = join(scratch, 'read.mts');
    writeFileSync(readScript, `import { streamCsv } from ${JSON.stringify(join(root, 'src', 'ingest', 'csv-stream.ts'))};\nlet n = 0;\nawait streamCsv(process.argv[2], { row: () => n++, restart: () => (n = 0) });\nconsole.error('LIGNES=' + n);\n`);
    const base = await measure(tsx, [readScript, raw], { cwd: root });
    const before = load();
    const run = await measure(process.execPath, [mfer, 'pseudonymise', '--key', key, '--source', 'caf', '--input', raw, '--out', join(scratch, 'caf.csv')], { cwd: root });
    const target = 30 * (ROWS / 3_000_000);
    const size = `${thousands(ROWS)} lignes CAF brutes (${fr(statSync(raw).size / 2 ** 20, 0)} Mio)`;
    rows.push({ name: 'lecture CSV seule en flux (base)', size, seconds: base.seconds, peakMiB: base.peakMiB, note: cpu(base) });
    rows.push({
      name: 'mfer pseudonymise',
      size,
      seconds: run.seconds,
      peakMiB: run.peakMiB,
      target: `< ${target.toFixed(0)} s`,
      ok: run.exitCode === 0 && run.seconds < target,
      note: `${fr(run.seconds / base.seconds)} × la lecture seule ; ${cpu(run)} ; ${before}${failed(run)}`,
    });
    rmSync(raw);
    rmSync(join(scratch, 'caf.csv'), { force: true });
  }
}

async function benchNational(scratch: string, rows: BenchRow[], existing: string | undefined): Promise<void> {
  // national-size follow-up files (every department), generated (not part of the timed rows below)
  const national = existing ?? join(scratch, 'raw-national');
  if (existing === undefined) {
    const gen = await measure(process.execPath, [mfer, 'sample', '--out', national, '--suivi-scale', 'national', '--quiet'], { cwd: root });
    rows.push({ name: 'mfer sample --suivi-scale national (génération)', size: 'tous les départements, 2020-2025', seconds: gen.seconds, peakMiB: gen.peakMiB, note: `${cpu(gen)}${failed(gen)}` });
  }
  const files = contractFiles(national, 2025);
  const bytes = files.reduce((n, f) => n + statSync(f.path).size, 0);
  const list = join(scratch, 'files.json');
  writeFileSync(list, JSON.stringify(files));
  const temp = join(scratch, 'duckdb');
  mkdirSync(temp);
  const script = join(scratch, 'cohorts.mts');
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';\n` +
      `import { DuckDBInstance } from ${JSON.stringify(join(root, 'node_modules', '@duckdb', 'node-api', 'lib', 'index.js'))};\n` +
      `import { cohortOutcomesFromCsv } from ${JSON.stringify(join(root, 'src', 'ingest', 'cohorts-csv.ts'))};\n` +
      `const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));\n` +
      `if (process.argv[3] === 'cohortes') {\n` +
      `  const counts = await cohortOutcomesFromCsv(files, 2025, { tempDir: process.argv[4] });\n` +
      `  console.error('EFFECTIFS=' + counts.length);\n` +
      `} else {\n` +
      `  const instance = await DuckDBInstance.create(':memory:', { threads: '2', temp_directory: process.argv[4], memory_limit: '2GB' });\n` +
      `  const connection = await instance.connect();\n` +
      `  let n = 0;\n` +
      `  for (const f of files) {\n` +
      `    const r = await connection.runAndReadAll("SELECT count(*) AS n, max(length(enfant)) AS l FROM read_csv('" + f.path + "', delim = '" + f.delimiter + "', header = true, all_varchar = true, quote = '\\"')");\n` +
      `    n += Number(r.getRowObjects()[0].n);\n` +
      `  }\n` +
      `  console.error('LIGNES=' + n);\n` +
      `}\n`,
  );
  const read = await measure(tsx, [script, list, 'lecture', temp], { cwd: root });
  const before = load();
  const link = await measure(tsx, [script, list, 'cohortes', temp], { cwd: root });
  const size = `${thousands(Number(/LIGNES=(\d+)/.exec(read.stderr)?.[1] ?? 0))} lignes de suivi (${fr(bytes / 2 ** 30)} Gio)`;
  rows.push({ name: 'lecture DuckDB des fichiers de suivi seule (base)', size, seconds: read.seconds, peakMiB: read.peakMiB, note: `${cpu(read)}${failed(read)}` });
  rows.push({
    name: 'appariement, cohortes et effectifs (DuckDB, avant secret)',
    size,
    seconds: link.seconds,
    peakMiB: link.peakMiB,
    target: '< 60 s et < 4 Go',
    ok: link.exitCode === 0 && link.seconds < 60 && (link.peakMiB ?? 0) < 4096,
    note: `${fr(link.seconds / read.seconds)} × la lecture seule ; ${cpu(link)} ; ${before} ; ${/EFFECTIFS=(\d+)/.exec(link.stderr)?.[1] ?? '?'} effectifs${failed(link)}`,
  });
}

await main();
