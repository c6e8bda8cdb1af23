/**
 * `make bench`, issue 25: mfer beside GaussSuppression (Statistics Norway) on the tables of
 * `bench/gauss-reference/`, with the same primary cells (mfer's). For each table, in child processes:
 * `export.ts` writes the table and mfer's pattern, `compare.R` runs GaussSuppression with its
 * singleton handling (`numttHTT`, the default of SuppressDominantCells / SuppressFewContributors),
 * and `mfer audit` checks GaussSuppression's pattern against mfer's requirements (A, B and C).
 * Without R or the GaussSuppression package, one row says so: the bench never fails for it.
 *
 * Tables: MFER_BENCH_GAUSS (comma-separated ids of export.ts), by default the small three-singletons
 * table and departments × 10: GaussSuppression with singleton handling takes many minutes on the
 * larger ones (bench/README.md), each bounded by MFER_BENCH_PROTECT_MINUTES (default 10).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './bench-row.ts';

const root = join(import.meta.dirname, '..');
const NAMES: Record<string, string> = {
  singletons: '2 × 5, trois singletons (sdcTools #135)',
  '101': 'départements × 10 catégories',
  '3500': '3 500 feuilles × 10 catégories',
  '3500-concentre': '3 500 × 10, services concentrés',
  '35000-concentre': '35 000 × 10, services concentrés',
};
const DEFAULT = ['singletons', '101'];

/** Whether Rscript runs and loads GaussSuppression; otherwise why not, in French. */
function gaussMissing(): string | undefined {
  const r = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(GaussSuppression)); library(jsonlite)'], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) return 'R absent (Rscript introuvable)';
  if (r.status !== 0) return 'paquet R GaussSuppression (ou jsonlite) non installé';
  return undefined;
}

export async function benchGauss(ids: readonly string[] = (process.env.MFER_BENCH_GAUSS ?? DEFAULT.join(',')).split(',').filter(Boolean)): Promise<BenchRow[]> {
  const missing = gaussMissing();
  if (missing) return [{ name: 'mfer / GaussSuppression', size: '–', seconds: NaN, note: `GaussSuppression absent : ${missing} (voir bench/gauss-reference/README.md)` }];
  const rows: BenchRow[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'mfer-gauss-'));
  const minutes = Number(process.env.MFER_BENCH_PROTECT_MINUTES ?? 10);
  try {
    for (const id of ids) {
      const name = `mfer / GaussSuppression : ${NAMES[id] ?? id}`;
      const dir = join(scratch, id);
      const exported = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'bench', 'gauss-reference', 'export.ts'), id, dir], { encoding: 'utf8', timeout: minutes * 60_000 });
      if (exported.status !== 0) {
        rows.push({ name, size: '–', seconds: NaN, note: `export.ts a échoué (${exported.signal ?? exported.status})` });
        continue;
      }
      const started = performance.now();
      const r = spawnSync('Rscript', [join(root, 'bench', 'gauss-reference', 'compare.R'), dir, 'numttHTT'], { encoding: 'utf8', timeout: minutes * 60_000, env: { ...process.env, GAUSS_REF_DIR: '' } });
      const seconds = (performance.now() - started) / 1000;
      const out = join(dir, 'GAUSS_numttHTT.json');
      if (r.status !== 0 || !existsSync(out)) {
        rows.push({ name, size: '–', seconds, note: r.signal === 'SIGTERM' ? `GaussSuppression non terminé en ${minutes} min` : `compare.R a échoué : ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' / ')}` });
        continue;
      }
      const gauss = JSON.parse(readFileSync(out, 'utf8')) as { secondary: number; primary: number; cpuSeconds: number };
      const mfer = JSON.parse(readFileSync(join(dir, 'MFER.json'), 'utf8')) as { secondary: number; secondaryAB: number; cells: number; seconds: number };
      const audit = spawnSync(process.execPath, [join(root, 'bin', 'mfer.js'), 'audit', '--spec', join(dir, 'SPEC.json'), '--input', join(dir, 'CONTRIB.csv'), '--cells', join(dir, 'GAUSS_CELLS_numttHTT.csv')], { encoding: 'utf8', timeout: minutes * 60_000 });
      const failures = /(\d+) vérification\(s\) en échec/.exec(audit.stdout + audit.stderr)?.[1];
      const verdict = audit.status === 0 ? 'passe' : failures ? `échoue (${failures} vérifications, exigences ${[...new Set([...(audit.stdout + audit.stderr).matchAll(/exigence ([ABC])/g)].map((m) => m[1]))].sort().join(', ')})` : `code ${audit.status}`;
      rows.push({
        name,
        size: `${mfer.cells} cellules, ${gauss.primary} primaires ; secondaires : mfer ${mfer.secondary} (A et B seules : ${mfer.secondaryAB}), GaussSuppression ${gauss.secondary}`,
        seconds: mfer.seconds,
        target: 'mfer ≤ GaussSuppression',
        ok: mfer.secondary <= gauss.secondary,
        note: `GaussSuppression numttHTT ${gauss.cpuSeconds.toFixed(2).replace('.', ',')} s de processeur ; son motif à l'audit mfer : ${verdict}`,
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { formatBenchTable } = await import('./bench-row.ts');
  const { describeMachine } = await import('./measure.ts');
  process.stdout.write(formatBenchTable(await benchGauss(process.argv.slice(2).length ? process.argv.slice(2) : undefined), describeMachine()));
}
