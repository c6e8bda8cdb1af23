/**
 * The file formats live in one place (issue 20): `src/format/` holds every pure `parseX` / `formatX`,
 * and nothing else reads or writes a file format.
 * - `src/format/` touches no disk and loads no module of the edges (`io/`, `ingest/`, `cli/`,
 *   `runtime/`), through any chain of imports: its loaders and writers are one-liners at the edges
 *   (`src/ingest/`, `src/cli/contract-files.ts`);
 * - `src/protect/` (the method) imports no format module and no CSV, XLSX or encoding package,
 *   through any chain of imports: its files (SPEC.json, CONTRIB.csv, CELLS.csv) are read in format/;
 * - each format of the issue has its parser and its formatter there.
 * Imports are followed statically, type-only imports excepted (they load nothing).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const under = (folder: string) => sourceFiles(join(root, folder)).map((path) => relative(root, path).split(sep).join('/'));

/** Every module and package `entry` loads (static value imports), each with the chain that leads to it. */
function loadedBy(entry: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const visit = (path: string, chain: string[]) => {
    if (out.has(path)) return;
    out.set(path, chain);
    if (!path.startsWith('src/')) return;
    const text = readFileSync(join(root, path), 'utf8');
    const specifiers = [...text.matchAll(/^\s*(import|export)\s+(type\s)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)]
      .filter((m) => !m[2])
      .map((m) => m[3] ?? m[4] ?? m[5]);
    for (const spec of specifiers) {
      const next = spec.startsWith('.') ? relative(root, resolve(root, dirname(path), spec)).split(sep).join('/') : spec;
      visit(next, [...chain, path]);
    }
  };
  visit(entry, []);
  out.delete(entry);
  return out;
}

const offenders = (entries: readonly string[], bad: (module: string) => boolean) =>
  entries.flatMap((entry) => [...loadedBy(entry)].filter(([module]) => bad(module)).map(([module, chain]) => `${module} ← ${[...chain].reverse().join(' ← ')}`));

describe('formats in one place', () => {
  it('finds the format modules', () => {
    expect(under('src/format')).toEqual(expect.arrayContaining(['src/format/spec.ts', 'src/format/contrib.ts', 'src/format/cells.ts', 'src/format/table-csv.ts']));
  });

  it('keeps src/format/ off the disk and off the edges, through any import', () => {
    const disk = (m: string) => /^(node:)?(fs|fs\/promises|child_process|worker_threads)$/.test(m) || m === '@duckdb/node-api' || /^src\/(io|ingest|cli|runtime)\//.test(m);
    expect(offenders(under('src/format'), disk)).toEqual([]);
  });

  it('keeps file formats out of src/protect/, through any import', () => {
    const format = (m: string) => m.startsWith('src/format/') || m.startsWith('src/ingest/') || /^(csv-parse|csv-stringify|exceljs|iconv-lite)(\/|$)/.test(m);
    expect(offenders(under('src/protect'), format)).toEqual([]);
  });

  it('gives each format its pure parser and formatter', async () => {
    const pairs: [string, string[]][] = [
      ['spec.ts', ['parseSpec', 'formatSpec']],
      ['contrib.ts', ['parseContributions', 'formatContributions']],
      ['cells.ts', ['parseCells', 'formatCells', 'formatCellsWithColumns']],
      ['survey-return.ts', ['parseReturn', 'formatOfName']],
      ['csv-grid.ts', ['parseCsvText']],
      ['xlsx-grid.ts', ['parseXlsx']],
      ['xlsx.ts', ['formatXlsx']],
      ['csv.ts', ['toCsv']],
      ['table-csv.ts', ['formatTableCsv', 'formatLongCsv']],
      ['audit-trail.ts', ['formatAuditTrail']],
      ['suivi.ts', ['parseSuiviCsv', 'parseSuivi']],
      ['suivi-tables.ts', ['followUpFiles']],
      ['impact-csv.ts', ['formatImpactCsv', 'formatImpactLongCsv']],
      ['ingest-files.ts', ['ingestFiles']],
    ];
    for (const [file, names] of pairs) {
      const module = (await import(`../../src/format/${file}`)) as Record<string, unknown>;
      expect({ file, missing: names.filter((name) => typeof module[name] !== 'function') }).toEqual({ file, missing: [] });
    }
  });
});
