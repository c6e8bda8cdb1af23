/**
 * The harness of the hostile-return tests (tests/bad-input/hostile.test.ts and
 * tests/e2e/hostile-xlsx-rows.test.ts): an input folder per case in a scratch folder removed after the
 * file, holding a good return beside the case, read (`readReturns`) and validated.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RETURN_LIMITS } from '../../src/format/return-limits.ts';
import { readReturns } from '../../src/ingest/read-returns.ts';
import { validate } from '../../src/validate/validate.ts';
import type { ValidatedYear } from '../../src/validate/types.ts';
import { csvText, utf8Bom, validService, YEAR } from './corpus.ts';
import { dictionaries, geography } from './reference.ts';

export const folder = `returns/${YEAR}/mediation`;
/** A good return beside every case: it must still be read. */
export const GOOD = { path: `${folder}/caf-69-rhone.csv`, bytes: () => utf8Bom(csvText([validService(1), validService(2)])) };

let base: string;
let n = 0;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'mfer-hostile-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The scratch folder of the test file (created before its first test). */
export function scratch(): string {
  return base;
}

/** An input folder with the good return and the given files (path below the input → bytes), read and validated. */
export async function ingest(files: Record<string, Uint8Array | string>, limits = RETURN_LIMITS): Promise<{ input: string; v: ValidatedYear }> {
  const input = join(base, String(++n));
  mkdirSync(join(input, 'returns', String(YEAR), 'rencontre'), { recursive: true });
  for (const [path, bytes] of Object.entries({ [GOOD.path]: GOOD.bytes(), ...files })) {
    mkdirSync(join(input, path, '..'), { recursive: true });
    writeFileSync(join(input, path), bytes);
  }
  return { input, v: validate(await readReturns(input, YEAR, limits), dictionaries, geography) };
}

/** The good return read whole, and every input's rows counted once. */
export function expectGoodReturnRead(v: ValidatedYear): void {
  const good = v.inputs.find((i) => i.path === GOOD.path)!;
  expect({ accepted: good.rows_accepted, rejected: good.rows_rejected }).toEqual({ accepted: 2, rejected: 0 });
  for (const input of v.inputs) expect(input.rows_read).toBe(input.rows_accepted + input.rows_rejected);
}

/** The problem reported for a refused file (no row accepted, one reject line naming it). */
export function refusal(v: ValidatedYear, path: string): string {
  const report = v.inputs.find((i) => i.path === path);
  expect(report).toBeDefined();
  expect(report!.rows_accepted).toBe(0);
  expect(v.rejects).toContainEqual({ file: path, row: null, column: '', value: '', reason: report!.problem });
  return report!.problem!;
}
