/**
 * Golden cases of the ingest stages: `tests/golden/ingest/<case>/input/` (a raw data folder, returns
 * only; the shipped reference geography is used) and `expected/` (the ingest part of the `data-out`
 * tree: clean data, rejects, manifest — later stages have their own goldens). The stages run as the
 * pipeline runs them (read → validate → harmonize → ingest files), without the slower later stages.
 * A mismatch writes the actual files to `tests/golden/ingest/<case>-changed/` for diffing; after
 * checking the differences by eye, replace `expected/` with it.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { harmonize } from '../../../src/harmonize/harmonize.ts';
import { ingestFiles } from '../../../src/format/ingest-files.ts';
import { listYears, readReturns } from '../../../src/ingest/read-returns.ts';
import { toolVersion } from '../../../src/io/tool-version.ts';
import { validate } from '../../../src/validate/validate.ts';
import { dictionaries, geography } from '../../validate/fixtures.ts';

const HERE = 'tests/golden/ingest';
const cases = readdirSync(HERE).filter((name) => !name.endsWith('-changed') && statSync(join(HERE, name)).isDirectory());

/** Every file below `root`, as sorted `/`-separated relative paths. */
function files(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(root, path) : [relative(root, path).split(sep).join('/')];
  }).sort();
}

async function ingest(input: string): Promise<Map<string, Buffer>> {
  const years = listYears(input);
  const context = {
    tool: toolVersion(),
    parameters: { input, years, strict: false },
    sources: { reference: 'data-raw/reference', dictionaries: 'pipelines/config/surveys' },
  };
  const out = new Map<string, Buffer>();
  for (const year of years) {
    const validated = validate(await readReturns(input, year), dictionaries, geography);
    for (const file of ingestFiles(validated, harmonize(validated, geography), context)) out.set(file.path, Buffer.from(file.content));
  }
  return out;
}

describe('golden ingest cases', () => {
  it('has at least one case', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', async (name) => {
    const actual = await ingest(join(HERE, name, 'input').split(sep).join('/'));
    const expectedDir = join(HERE, name, 'expected');
    const paths = [...actual.keys()].sort();
    const changed = paths.join('\n') !== files(expectedDir).join('\n')
      || paths.some((path) => !(actual.get(path) as Buffer).equals(readFileSync(join(expectedDir, path))));
    const changedDir = join(HERE, `${name}-changed`);
    rmSync(changedDir, { recursive: true, force: true });
    for (const path of changed ? paths : []) {
      mkdirSync(dirname(join(changedDir, path)), { recursive: true });
      writeFileSync(join(changedDir, path), actual.get(path) as Buffer);
    }
    expect(changed ? `differs: see ${changedDir}` : 'same').toBe('same');
  });
});
