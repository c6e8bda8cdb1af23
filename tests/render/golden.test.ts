/**
 * Golden outputs for one small year (three departments, two regions, two courts): the national
 * report, both court pages and the three workbooks (as canonical dumps). A mismatch writes the new
 * tree to `tests/golden/render/<case>-changed/` for diffing; regenerate on purpose with
 * `MFER_UPDATE_GOLDEN=1`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { render } from '../../src/render/index.ts';
import { fixturePublication, smallGeography } from './fixtures.ts';
import { dumpWorkbook } from './xlsx-dump.ts';

const ROOT = join(import.meta.dirname, '..', 'golden', 'render');

async function outputs(): Promise<Map<string, string>> {
  const publication = fixturePublication(smallGeography, { year: 2024 });
  const files = await render(publication, { latest: true, generatedAt: '2025-03-01' });
  const out = new Map<string, string>();
  for (const f of files) {
    if (typeof f.content === 'string') out.set(f.path, f.content);
    else out.set(`${f.path}.txt`, await dumpWorkbook(f.content));
  }
  return out;
}

function write(dir: string, files: Map<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe('golden: small year', () => {
  it('renders the same files as the golden tree', async () => {
    const expectedDir = join(ROOT, 'small');
    const changedDir = join(ROOT, 'small-changed');
    const actual = await outputs();
    if (process.env.MFER_UPDATE_GOLDEN === '1') write(expectedDir, actual);
    const differing = [...actual].filter(([path, text]) => !existsSync(join(expectedDir, path)) || readFileSync(join(expectedDir, path), 'utf8') !== text).map(([p]) => p);
    if (differing.length > 0) write(changedDir, actual);
    else rmSync(changedDir, { recursive: true, force: true });
    expect(differing).toEqual([]);
    expect([...actual.keys()].sort()).toEqual([
      '2024/cours-appel/CA-BASTIA.html',
      '2024/cours-appel/CA-LYON.html',
      '2024/departements/01.xlsx.txt',
      '2024/departements/2A.xlsx.txt',
      '2024/departements/69.xlsx.txt',
      '2024/index.html',
    ]);
  });
});
