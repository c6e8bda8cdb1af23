/**
 * The layering of src/, checked on the import graph (STYLE §3, §10). Each module's imports are read
 * from its text: static `import`/`export … from`, side-effect `import '…'`, dynamic `import('…')`,
 * `require('…')`, and the worker scripts it starts (`new URL('./x.ts', import.meta.url)`, which runs
 * that module). Rules follow these edges transitively through our modules, so a module cannot pass
 * a rule by calling a wrapper that does the forbidden thing (as `io/highs-wasm.ts` once did for
 * `protect/`). Type-only imports (`import type`, `export type`) load nothing and are not followed,
 * except for the render rule, which is about what render knows of the indicators.
 *
 * The rules:
 * 1. `src/protect/` (the method) reaches no module of `src/{format,ingest,io,runtime,cli}/` and
 *    none of the packages of the disk, threads, V8, file formats or the solver (`DISK_PACKAGES`,
 *    `METHOD_FORBIDDEN_PACKAGES`): it runs on the LP interface of `protect/solver.ts`.
 * 2. `src/render/` imports no module of `src/indicators/`, even for a type, except those listed in
 *    `INDICATORS_PUBLIC` (none today): what render reads of a publication is `src/model/`
 *    (`Publication`, `PublicationTable`, marks), the seam between the two.
 * 3. Only the edges touch the disk: a module that reads or writes files (imports `fs`, reads files
 *    through DuckDB's `read_csv`/`read_parquet`/`read_json`/`COPY`, or starts a worker script) sits in
 *    `src/{io,ingest,cli,runtime}/`, and no module elsewhere in src/ reaches one. `runtime/` is an
 *    edge because it loads code: HiGHS's WebAssembly bytes and its compilation hints
 *    (`runtime/highs-wasm.ts`) and the worker threads' scripts (`runtime/workers.ts`); it reads and
 *    writes no data. `src/format/` is pure (`parseX(text)` / `formatX(table)`); its thin
 *    `loadX(path)` / `writeX(path)` live in `ingest/`, `io/` or `cli/`.
 *
 * @example
 *   layeringViolations([{ path: 'src/protect/a.ts', text: "import './b.ts';" }, { path: 'src/protect/b.ts', text: "import 'node:fs';" }]);
 *   // ['src/protect/a.ts → node:fs (src/protect/a.ts ← … ← src/protect/b.ts) …']
 */
import { posix } from 'node:path';

export interface Source {
  /** from the project's root, with `/` */
  path: string;
  text: string;
}

interface Edge {
  target: string;
  typeOnly: boolean;
}

/** Packages whose use is disk access. */
export const DISK_PACKAGES = ['fs', 'fs/promises'];
/** What the method may not load besides the disk: threads, V8's flags, processes, file formats, a solver. */
export const METHOD_FORBIDDEN_PACKAGES = ['worker_threads', 'v8', 'child_process', 'csv-parse', 'csv-parse/sync', 'exceljs', 'iconv-lite', '@duckdb/node-api', 'highs'];
/** Folders the method (protect/) may not reach. */
export const METHOD_FORBIDDEN_FOLDERS = ['format', 'ingest', 'io', 'runtime', 'cli'];
/** Folders whose modules may touch the disk. */
export const DISK_EDGES = ['io', 'ingest', 'cli', 'runtime'];
/** Modules of src/indicators/ that src/render/ may import (the seam is src/model/). */
export const INDICATORS_PUBLIC: readonly string[] = [];

const bare = (specifier: string) => specifier.replace(/^node:/, '');
const folderOf = (path: string) => /^src\/([^/]+)\//.exec(path)?.[1];

/** Every import of a module's text, resolved: our modules as paths from the root, packages as named. */
export function importsOf(source: Source, known: ReadonlySet<string>): Edge[] {
  const edges: Edge[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith('.')) return edges.push({ target: bare(specifier), typeOnly });
    const resolved = posix.normalize(posix.join(posix.dirname(source.path), specifier));
    // a compiled `.js` name points at its `.ts` source
    const target = known.has(resolved) ? resolved : resolved.replace(/\.js$/, '.ts');
    edges.push({ target, typeOnly });
  };
  const text = source.text.replace(/^\s*(\/\/.*|\/?\*.*)$/gm, ''); // comment lines (doc examples) import nothing
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) add(m[2], Boolean(m[1]) || /^\s*(?:import|export)\s+type\s/.test(m[0]));
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) add(m[1], false);
  for (const m of text.matchAll(/new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g)) if (/\.(ts|mjs|js)$/.test(m[1])) add(m[1], false);
  return edges;
}

/** Whether a module touches the disk itself (not through another module). */
export function touchesDisk(source: Source, known: ReadonlySet<string>): string | undefined {
  const edges = importsOf(source, known);
  const fs = edges.find((e) => !e.typeOnly && DISK_PACKAGES.includes(e.target));
  if (fs) return `node:${fs.target}`;
  if (edges.some((e) => e.target === '@duckdb/node-api' && !e.typeOnly) && /\b(read_csv\w*|read_parquet|read_json\w*)\s*\(|\bCOPY\s+\S+\s+(TO|FROM)\b/i.test(source.text)) return 'DuckDB (lecture de fichiers)';
  if (/\bnew Worker\(/.test(source.text)) return 'worker_threads (script de worker)';
  return undefined;
}

/** The modules and packages `entry` reaches, each with the chain of modules leading to it. */
export function reach(sources: readonly Source[], entry: string, options: { types?: boolean } = {}): Map<string, string[]> {
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const known = new Set(byPath.keys());
  const out = new Map<string, string[]>();
  const visit = (path: string, chain: string[]) => {
    const source = byPath.get(path);
    if (!source) return;
    for (const edge of importsOf(source, known)) {
      if (edge.typeOnly && !options.types) continue;
      if (out.has(edge.target) || edge.target === entry) continue;
      out.set(edge.target, [...chain, path]);
      visit(edge.target, [...chain, path]);
    }
  };
  visit(entry, []);
  return out;
}

const describe = (from: string, target: string, chain: readonly string[]) => `${from} → ${target} (${[...chain, target].join(' → ')})`;

/** Every breach of the three rules above, one French-free line each (for the test's diff). */
export function layeringViolations(sources: readonly Source[]): string[] {
  const known = new Set(sources.map((s) => s.path));
  const disk = new Map(sources.flatMap((s) => {
    const how = touchesDisk(s, known);
    return how ? [[s.path, how] as const] : [];
  }));
  const out: string[] = [];
  for (const source of sources) {
    const folder = folderOf(source.path);
    if (!folder) continue;
    const reached = reach(sources, source.path);
    if (folder === 'protect') {
      for (const [target, chain] of reached) {
        const targetFolder = folderOf(target);
        if (targetFolder && METHOD_FORBIDDEN_FOLDERS.includes(targetFolder)) out.push(`méthode → ${targetFolder}/ : ${describe(source.path, target, chain)}`);
        else if (DISK_PACKAGES.includes(target) || METHOD_FORBIDDEN_PACKAGES.includes(target)) out.push(`méthode → paquet : ${describe(source.path, target, chain)}`);
      }
    }
    if (folder === 'render') {
      for (const edge of importsOf(source, known)) {
        if (folderOf(edge.target) === 'indicators' && !INDICATORS_PUBLIC.includes(edge.target)) out.push(`rendu → indicateurs : ${source.path} → ${edge.target}`);
      }
    }
    if (!DISK_EDGES.includes(folder)) {
      const own = disk.get(source.path);
      if (own) out.push(`disque : ${source.path} (${own})`);
      for (const [target, chain] of reached) {
        const how = disk.get(target);
        if (how) out.push(`disque : ${describe(source.path, target, chain)} (${how})`);
      }
    }
  }
  return out;
}
