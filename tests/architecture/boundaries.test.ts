/**
 * Architecture rules that the compiler cannot enforce on its own:
 * - only `src/protect/` may brand a table as protected (`sealProtected`), so a renderer can only
 *   ever receive tables whose statuses the engine set;
 * - only the edges (`src/ingest/`, `src/io/`, `src/cli/`) touch the file system (STYLE §3).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

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
});
