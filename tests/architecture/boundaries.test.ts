/**
 * Architecture rules that the compiler cannot enforce on its own:
 * - only `src/protect/` may brand a table as protected (`sealProtected`), so a renderer can only
 *   ever receive tables whose statuses the engine set;
 * - the layering of src/ by imports, transitively (imports.ts says the rules and why): the method
 *   (`src/protect/`) reaches no file format, runtime or I/O; `src/render/` imports no indicators
 *   internals; only the edges (`src/io/`, `src/ingest/`, `src/cli/`, `src/runtime/`) touch the disk;
 * - `mfer protect` and `mfer audit` load no rendering package (exceljs, vega, arquero): a
 *   statistician protecting one table does not wait for the report's libraries.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { layeringViolations, reach, touchesDisk, type Source } from './imports.ts';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') || path.endsWith('.mjs') ? [path] : [];
  });
}

/**
 * Breaches another part of issue 20 removes, excused only while the module exists:
 * `protect/contract.ts` (SPEC / CONTRIB / CELLS, reading CSV) moves out of the method into
 * src/format/. Once it is gone this list is inert: delete the entry.
 */
const PENDING = ['src/protect/contract.ts'];

const files = sourceFiles(join(root, 'src')).map((path) => ({
  path: relative(root, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}));

/**
 * Packages a module loads through its static imports (type-only imports excepted), with the chain of
 * our modules that leads to each; dynamic `import()` is not followed (the CLI's lazy commands).
 */
function packagesLoadedBy(entry: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (path: string, chain: string[]) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(join(root, path), 'utf8');
    const specifiers = [...text.matchAll(/^\s*(import|export)\s+(type\s)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)]
      .filter((m) => !m[2])
      .map((m) => m[3] ?? m[4]);
    for (const spec of specifiers) {
      if (spec.startsWith('.')) visit(relative(root, resolve(root, dirname(path), spec)).split(sep).join('/'), [...chain, path]);
      else if (!spec.startsWith('node:') && !out.has(spec)) out.set(spec, [...chain, path]);
    }
  };
  visit(entry, []);
  return out;
}

describe('module boundaries', () => {
  it('finds the source tree', () => {
    expect(files.some((f) => f.path === 'src/protect/protected-table.ts')).toBe(true);
  });

  it('lets only src/protect/ use sealProtected', () => {
    const offenders = files.filter((f) => /\bsealProtected\b/.test(f.text) && !f.path.startsWith('src/protect/'));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('keeps the layers apart, following imports through any module', () => {
    const pending = PENDING.filter((path) => files.some((f) => f.path === path));
    expect(layeringViolations(files).filter((line) => !pending.some((path) => line.includes(` → ${path} `) || line.includes(`: ${path} `) || line.includes(`(${path} `)))).toEqual([]);
  });

  it('sees the disk where it is touched: the edges only', () => {
    const known = new Set(files.map((f) => f.path));
    const touching = files.filter((f) => touchesDisk(f, known)).map((f) => f.path);
    expect(touching).toEqual(expect.arrayContaining(['src/runtime/highs-wasm.ts', 'src/runtime/workers.ts', 'src/io/publish-run.ts']));
    expect(touching.filter((p) => !/^src\/(io|ingest|cli|runtime)\//.test(p))).toEqual([]);
  });

  it('keeps the rendering packages out of mfer protect and mfer audit', () => {
    const rendering = /^(exceljs|vega|vega-lite|arquero)(\/|$)/;
    for (const entry of ['src/cli/protect.ts', 'src/cli/audit.ts']) {
      // what bin/mfer.js loads before the command itself
      const loaded = new Map([...packagesLoadedBy('src/cli/main.ts'), ...packagesLoadedBy(entry)]);
      expect(loaded.has('csv-parse/sync')).toBe(true);
      const offenders = [...loaded].filter(([pkg]) => rendering.test(pkg)).map(([pkg, chain]) => `${pkg} ← ${chain.join(' ← ')}`);
      expect({ entry, offenders }).toEqual({ entry, offenders: [] });
    }
  });
});

/** The checker on planted violations: each rule fails when it must, through a chain of modules. */
describe('layeringViolations', () => {
  const tree = (extra: Record<string, string>): Source[] =>
    Object.entries({
      'src/protect/protect.ts': "import { solver } from './solver.ts';\nimport type { Row } from '../runtime/types.ts';",
      'src/protect/solver.ts': 'export const solver = 1;',
      'src/runtime/types.ts': 'export interface Row {}',
      'src/runtime/highs.ts': "import { readFileSync } from 'node:fs';",
      'src/io/write.ts': "import { writeFileSync } from 'node:fs';",
      'src/model/publication.ts': 'export interface Publication {}',
      'src/render/page.ts': "import type { Publication } from '../model/publication.ts';",
      'src/indicators/cube.ts': 'export const cube = 1;',
      ...extra,
    }).map(([path, text]) => ({ path, text }));

  it('accepts a clean tree (a type-only import of the runtime loads nothing)', () => {
    expect(layeringViolations(tree({}))).toEqual([]);
  });

  it('catches the method reaching the runtime through a helper of its own', () => {
    const found = layeringViolations(tree({ 'src/protect/solver.ts': "export { highs } from '../runtime/highs.ts';" }));
    expect(found).toContain('méthode → runtime/ : src/protect/protect.ts → src/runtime/highs.ts (src/protect/protect.ts → src/protect/solver.ts → src/runtime/highs.ts)');
    expect(found.some((line) => line.startsWith('méthode → paquet : src/protect/protect.ts → fs'))).toBe(true);
  });

  it('catches the method setting V8 flags or starting threads, and a dynamic import of I/O', () => {
    expect(layeringViolations(tree({ 'src/protect/solver.ts': "import { setFlagsFromString } from 'node:v8';" }))).toContain(
      'méthode → paquet : src/protect/solver.ts → v8 (src/protect/solver.ts → v8)',
    );
    expect(layeringViolations(tree({ 'src/protect/solver.ts': "export const w = () => import('../io/write.ts');" })).some((l) => l.startsWith('méthode → io/ : src/protect/solver.ts'))).toBe(true);
  });

  it('catches a module outside the edges reaching the disk through another one, or a worker script', () => {
    const found = layeringViolations(tree({ 'src/indicators/cube.ts': "import { w } from '../model/helper.ts';", 'src/model/helper.ts': "export { writeFileSync as w } from 'node:fs';" }));
    expect(found).toContain('disque : src/indicators/cube.ts → src/model/helper.ts (src/indicators/cube.ts → src/model/helper.ts) (node:fs)');
    expect(found).toContain('disque : src/model/helper.ts (node:fs)');
    const worker = layeringViolations(tree({ 'src/indicators/cube.ts': "new Worker(new URL('../runtime/highs.ts', import.meta.url));" }));
    expect(worker).toEqual(expect.arrayContaining(['disque : src/indicators/cube.ts (worker_threads (script de worker))', 'disque : src/indicators/cube.ts → src/runtime/highs.ts (src/indicators/cube.ts → src/runtime/highs.ts) (node:fs)']));
  });

  it('catches DuckDB reading a file outside the edges, not DuckDB in memory', () => {
    const inMemory = "import { DuckDBInstance } from '@duckdb/node-api';\nawait DuckDBInstance.create(':memory:');";
    expect(layeringViolations(tree({ 'src/suivi/cohorts.ts': inMemory }))).toEqual([]);
    expect(layeringViolations(tree({ 'src/suivi/cohorts.ts': `${inMemory}\nconst q = "SELECT * FROM read_csv('x.csv')";` }))).toEqual(['disque : src/suivi/cohorts.ts (DuckDB (lecture de fichiers))']);
  });

  it('catches render importing an indicators module, even for a type', () => {
    expect(layeringViolations(tree({ 'src/render/page.ts': "import type { Cube } from '../indicators/cube.ts';" }))).toEqual(['rendu → indicateurs : src/render/page.ts → src/indicators/cube.ts']);
  });

  it('follows the imports of the real tree: the CLI reaches HiGHS through the runtime, the method does not', () => {
    expect(reach(files, 'src/cli/protect.ts').has('src/runtime/highs-wasm.ts')).toBe(true);
    expect(reach(files, 'src/protect/protect.ts').has('src/protect/lp.ts')).toBe(true);
    expect([...reach(files, 'src/protect/index.ts').keys()].filter((p) => p.startsWith('src/runtime/'))).toEqual([]);
  });
});
