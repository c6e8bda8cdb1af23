/**
 * The committed sample (`data-raw/returns/`, the follow-up files `data-raw/suivi/`, and the register `data-raw/reference/services.csv`) is exactly what `make sample` generates from the current
 * generator, dictionaries and reference: if a dictionary header or the generator changes, this fails
 * until the sample is regenerated with `make sample` and committed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { generateSample } from '../../src/sample/generate.ts';
import { REGISTER_LIST, REGISTER_PATH } from '../../src/sample/register.ts';
import { DEFAULT_SEED } from '../../src/sample/seed.ts';
import { departments, dictionary, repoRoot, suiviInputs } from '../sample/inputs.ts';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

describe('the committed sample', () => {
  it('is byte for byte what make sample generates (run make sample after changing its inputs)', async () => {
    const dataRaw = join(repoRoot, 'data-raw');
    expect(existsSync(join(dataRaw, 'returns'))).toBe(true);
    const { files } = await generateSample({ departments: departments(), dictionary, seed: DEFAULT_SEED, suivi: suiviInputs() });
    const onDisk = [...listFiles(join(dataRaw, 'returns')), ...listFiles(join(dataRaw, 'suivi')), join(dataRaw, REGISTER_PATH), join(dataRaw, REGISTER_LIST)].map((p) => relative(dataRaw, p).split(sep).join('/')).sort();
    expect(onDisk).toEqual(files.map((f) => f.path));
    const stale = files.filter((f) => !readFileSync(join(dataRaw, f.path)).equals(Buffer.from(f.content))).map((f) => f.path);
    expect(stale).toEqual([]);
  });
});
