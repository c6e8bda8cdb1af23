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
import { pooledEngine, protectionEngine } from '../../src/runtime/engine.ts';
import { publishYears, startProtection } from '../../src/indicators/publish-years.ts';
import type { HarmonizedYear } from '../../src/model/harmonized.ts';
import type { OutputFile } from '../../src/model/output.ts';
import type { MediationRow, RencontreRow } from '../../src/model/rows.ts';
import { parseCells } from '../../src/format/cells.ts';
import { parseContributions } from '../../src/format/contrib.ts';
import { parseSpec } from '../../src/format/spec.ts';
import { audit } from '../../src/protect/index.ts';
import { openPool } from '../../src/runtime/protect-pool.ts';
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

const filesOf = (files: readonly OutputFile[]) => new Map(files.map((f) => [f.path, typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8')]));

const cases = readdirSync(goldens).filter((name) => !name.endsWith('-changed') && existsSync(join(goldens, name, 'input')));

describe.each(cases)('golden publication: %s', (name) => {
  let actual: Map<string, string>;
  let failures: string[];
  let years: HarmonizedYear[];

  beforeAll(async () => {
    const input = join(goldens, name, 'input');
    years = readdirSync(input)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(input, f), 'utf8')) as { year: number; mediation: MediationRow[]; rencontre: RencontreRow[] })
      .map((y) => harmonizedYear(y.year, y.mediation, y.rencontre));
    const result = await publishYears(years, config, { engine: protectionEngine });
    failures = result.failures;
    actual = filesOf(result.files);
  });

  it('writes the same bytes with the engine on worker threads, protections started early, years handed over in order', async () => {
    const pool = openPool(2);
    try {
      const engine = pooledEngine(pool);
      const started = new Map(years.slice(0, 1).map((y) => [y.year, startProtection(engine, y, config)]));
      const handed: number[] = [];
      const result = await publishYears(years, config, { engine, started, onPublished: (p) => handed.push(p.year) });
      expect(handed).toEqual(result.publications.map((p) => p.year));
      expect(handed.length).toBe(years.length);
      expect(result.failures).toEqual(failures);
      expect(filesOf(result.files)).toEqual(actual);
    } finally {
      await pool.close();
    }
  });

  it('passes every audit', () => {
    expect(failures).toEqual([]);
  });

  it('leaves audit folders that the contract parsers read back and the audit passes (what mfer audit does)', async () => {
    const folders = [...actual.keys()].filter((p) => p.endsWith('/spec.json')).map((p) => p.slice(0, -'/spec.json'.length));
    expect(folders.length).toBeGreaterThan(20);
    for (const folder of folders) {
      const spec = parseSpec(actual.get(`${folder}/spec.json`) ?? '');
      const { contributions } = parseContributions(actual.get(`${folder}/contrib.csv`) ?? '', spec);
      const cells = parseCells(actual.get(`${folder}/cells.csv`) ?? '', spec);
      const report = await audit(spec, contributions, cells);
      expect({ folder, ok: report.ok }).toEqual({ folder, ok: true });
    }
  });

  it('writes exactly the expected files', () => {
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
