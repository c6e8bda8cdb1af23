/**
 * Benchmarks of the follow-up cohorts (issue 23), each beside the bare CSV read of the same files
 * (decode + parse, the ratio's base):
 * - `mfer pseudonymise` on a raw CAF file of N rows (MFER_BENCH_SUIVI_ROWS, default 3 000 000;
 *   target < 30 s for 3 million), generated here with valid NIRs;
 * - linkage, cohorts and outcome counts (before protection) on the follow-up files of `--suivi-scale
 *   national` (all departments), target < 60 s and < 4 GB.
 * Run with `node_modules/.bin/tsx bench/suivi.ts` (not part of `make test`).
 */
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBenchTable, type BenchRow } from './bench-row.ts';
import { describeMachine, measure } from './measure.ts';
import { nirKey } from '../src/suivi/nir.ts';

const root = join(import.meta.dirname, '..');
const mfer = join(root, 'bin', 'mfer.js');
const ROWS = Number(process.env.MFER_BENCH_SUIVI_ROWS ?? 3_000_000);

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

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'mfer-bench-suivi-'));
  const rows: BenchRow[] = [];
  try {
    const raw = join(scratch, 'caf-brut.csv');
    await rawCaf(raw, ROWS);
    const key = join(scratch, 'mfer.key');
    await measure(process.execPath, [mfer, 'pseudonymise', '--new-key', key], { cwd: root });
    const readScript = join(scratch, 'read.mjs');
    writeFileSync(readScript, `import { loadGrid } from ${JSON.stringify(join(root, 'src', 'ingest', 'suivi.ts'))};\nconsole.error(loadGrid(process.argv[2]).length);\n`);
    const base = await measure(join(root, 'node_modules', '.bin', 'tsx'), [readScript, raw], { cwd: root });
    const run = await measure(process.execPath, [mfer, 'pseudonymise', '--key', key, '--source', 'caf', '--input', raw, '--out', join(scratch, 'caf.csv')], { cwd: root });
    const target = 30 * (ROWS / 3_000_000);
    rows.push({ name: 'lecture CSV seule (base)', size: `${ROWS.toLocaleString('fr-FR')} lignes CAF brutes`, seconds: base.seconds, peakMiB: base.peakMiB });
    rows.push({
      name: 'mfer pseudonymise',
      size: `${ROWS.toLocaleString('fr-FR')} lignes CAF brutes`,
      seconds: run.seconds,
      peakMiB: run.peakMiB,
      target: `< ${target.toFixed(0)} s`,
      ok: run.exitCode === 0 && run.seconds < target,
      note: `${(run.seconds / base.seconds).toFixed(1).replace('.', ',')} × la lecture seule${run.exitCode !== 0 ? ` ; code de sortie ${run.exitCode} : ${run.stderr.trim().split('\n').slice(-2).join(' / ')}` : ''}`,
    });

    if (!process.argv.includes('--sans-national')) {
      // national-size follow-up files (every department), generated (not timed in the rows below)
      const raw = join(scratch, 'raw-national');
      const gen = await measure(process.execPath, [mfer, 'sample', '--out', raw, '--suivi-scale', 'national', '--quiet'], { cwd: root });
      rows.push({ name: 'mfer sample --suivi-scale national (génération)', size: 'tous les départements, 2020-2025', seconds: gen.seconds, peakMiB: gen.peakMiB });
      const script = join(scratch, 'cohorts.mjs');
      writeFileSync(
        script,
        `import { readFollowUp } from ${JSON.stringify(join(root, 'src', 'ingest', 'suivi.ts'))};\n` +
          `import { cohortOutcomes } from ${JSON.stringify(join(root, 'src', 'suivi', 'cohorts.ts'))};\n` +
          `const files = readFollowUp(process.argv[2], ${JSON.stringify(join(root, 'pipelines', 'config', 'suivi'))}).flatMap((y) => y.files);\n` +
          `if (process.argv[3] === 'cohorts') await cohortOutcomes(files, 2025);\n` +
          `console.error('LIGNES=' + files.reduce((n, f) => n + f.rows.length, 0));\n`,
      );
      const read = await measure(join(root, 'node_modules', '.bin', 'tsx'), [script, raw], { cwd: root });
      const link = await measure(join(root, 'node_modules', '.bin', 'tsx'), [script, raw, 'cohorts'], { cwd: root });
      const size = `${(/LIGNES=(\d+)/.exec(read.stderr)?.[1] ?? '?').replace(/\B(?=(\d{3})+$)/g, ' ')} lignes de suivi`;
      rows.push({ name: 'lecture des fichiers de suivi seule (base)', size, seconds: read.seconds, peakMiB: read.peakMiB });
      const linkage = link.seconds - read.seconds;
      rows.push({
        name: 'appariement, cohortes et effectifs (DuckDB, avant secret)',
        size,
        seconds: link.seconds,
        peakMiB: link.peakMiB,
        target: '< 60 s et < 4 Go (hors lecture)',
        ok: link.exitCode === 0 && linkage < 60 && (link.peakMiB ?? 0) < 4096,
        note: `dont ${linkage.toFixed(1).replace('.', ',')} s au-delà de la lecture${link.exitCode !== 0 ? ` ; code de sortie ${link.exitCode}` : ''}`,
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(formatBenchTable(rows, describeMachine()));
}

await main();
