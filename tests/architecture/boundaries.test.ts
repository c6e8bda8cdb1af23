/**
 * Architecture rules that the compiler cannot enforce on its own:
 * - only `src/protect/` may brand a table as protected (`sealProtected`), so a renderer can only
 *   ever receive tables whose statuses the engine set;
 * - only the edges (`src/ingest/`, `src/io/`, `src/cli/`) touch the file system (STYLE §3);
 * - `mfer protect` and `mfer audit` load no rendering package (exceljs, vega, arquero): a
 *   statistician protecting one table does not wait for the report's libraries.
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

  it('keeps file-system access at the edges (ingest, io, cli)', () => {
    const edge = /^src\/(ingest|io|cli)\//;
    const touchesDisk = /from ['"](node:)?fs(\/promises)?['"]|require\(['"](node:)?fs/;
    const offenders = files.filter((f) => touchesDisk.test(f.text) && !edge.test(f.path));
    expect(offenders.map((f) => f.path)).toEqual([]);
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
