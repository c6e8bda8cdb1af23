/**
 * Golden output of the publish stage: each case under tests/golden/indicators/<case>/ holds its input
 * (`input/<year>.json`: mediation and rencontre rows over the `twoHierarchies` geography) and the
 * expected files (`expected/`, the tree the stage writes under data-out). A mismatch writes the actual
 * tree to `<case>-changed/` for diffing (`diff -r expected <case>-changed`); to accept it, review
 * the diff and move it over `expected/`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadPublicationConfig } from '../../src/ingest/publication-config.ts';
import { publishYears } from '../../src/indicators/publish-years.ts';
import type { MediationRow, RencontreRow } from '../../src/model/rows.ts';
import { harmonizedYear } from './fixtures.ts';

const root = join(import.meta.dirname, '..', '..');
const goldens = join(root, 'tests', 'golden', 'indicators');
const config = loadPublicationConfig(join(root, 'pipelines', 'config'));

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const cases = readdirSync(goldens).filter((name) => !name.endsWith('-changed') && existsSync(join(goldens, name, 'input')));

describe.each(cases)('golden publication: %s', (name) => {
  it('writes exactly the expected files', async () => {
    const input = join(goldens, name, 'input');
    const years = readdirSync(input)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(input, f), 'utf8')) as { year: number; mediation: MediationRow[]; rencontre: RencontreRow[] })
      .map((y) => harmonizedYear(y.year, y.mediation, y.rencontre));
    const { files, failures } = await publishYears(years, config);
    expect(failures).toEqual([]);
    const actual = new Map(files.map((f) => [f.path, typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8')]));
    const expected = tree(join(goldens, name, 'expected'));
    const changed = [...new Set([...actual.keys(), ...expected.keys()])].filter((p) => actual.get(p) !== expected.get(p)).sort();
    const changedDir = join(goldens, `${name}-changed`);
    rmSync(changedDir, { recursive: true, force: true });
    if (changed.length > 0) {
      for (const [path, content] of actual) {
        mkdirSync(dirname(join(changedDir, path)), { recursive: true });
        writeFileSync(join(changedDir, path), content);
      }
    }
    expect(changed).toEqual([]);
  });
});
