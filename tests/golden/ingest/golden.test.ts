/**
 * Golden cases of the ingest stages: `tests/golden/ingest/<case>/input/` (a raw data folder, returns
 * only; the shipped reference geography is used) and `expected/` (the ingest part of the `data-out`
 * tree: clean data, rejects, manifest — later stages have their own goldens). A mismatch
 * writes the actual tree to `tests/golden/ingest/<case>-changed/` for diffing; after checking the
 * differences by eye, replace `expected/` with it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { annual } from '../../../pipelines/annual.ts';

const HERE = 'tests/golden/ingest';
const INGEST_OUTPUT = /^\d{4}[/\\](clean[/\\]|rejects\.csv$|manifest\.json$)/;
const cases = readdirSync(HERE).filter((name) => !name.endsWith('-changed') && statSync(join(HERE, name)).isDirectory());

/** Every file below `root`, as sorted relative paths. */
function files(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(root, path) : [relative(root, path)];
  }).sort();
}

describe('golden ingest cases', () => {
  it('has at least one case', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', async (name) => {
    const work = mkdtempSync(join(tmpdir(), 'mfer-golden-'));
    try {
      await annual({ input: join(HERE, name, 'input'), out: join(work, 'out'), reports: join(work, 'reports'), reference: 'data-raw/reference' });
      const expectedDir = join(HERE, name, 'expected');
      const actual = files(join(work, 'out')).filter((path) => INGEST_OUTPUT.test(path));
      const changed = actual.join('\n') !== files(expectedDir).join('\n')
        || actual.some((path) => !readFileSync(join(work, 'out', path)).equals(readFileSync(join(expectedDir, path))));
      const changedDir = join(HERE, `${name}-changed`);
      rmSync(changedDir, { recursive: true, force: true });
      for (const path of changed ? actual : []) cpSync(join(work, 'out', path), join(changedDir, path));
      expect(changed ? `differs: see ${changedDir}` : 'same').toBe('same');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
