/**
 * The damaged-input corpus (`corpus.ts`) through the real ingest: `readReturns` on a folder holding
 * the one damaged return, then `validate`. For every case: nothing escapes as an exception, the file
 * is accounted for (`rows_read = rows_accepted + rows_rejected`), a message names the file (and the
 * row and column where there is one), and the case gets the behaviour the corpus expects.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReturns } from '../../src/ingest/read-returns.ts';
import { toCsv } from '../../src/format/csv.ts';
import { validate } from '../../src/validate/validate.ts';
import type { ValidatedYear } from '../../src/validate/types.ts';
import { CORPUS, FIELDS, YEAR, headers, type DamagedCase } from './corpus.ts';
import { dictionaries, geography } from './reference.ts';


let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'mfer-bad-input-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Reads and validates a folder holding only this case's file. */
async function ingest(c: DamagedCase, index: number): Promise<{ path: string; v: ValidatedYear }> {
  const input = join(base, String(index));
  const folder = join(input, 'returns', String(YEAR), 'mediation');
  mkdirSync(folder, { recursive: true });
  mkdirSync(join(input, 'returns', String(YEAR), 'rencontre'), { recursive: true });
  writeFileSync(join(folder, c.file), await c.bytes());
  const v = validate(await readReturns(input, YEAR), dictionaries, geography);
  return { path: `returns/${YEAR}/mediation/${c.file}`, v };
}

it('has at least 25 damaged returns, each with a distinct file', () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(25);
  expect(new Set(CORPUS.map((c) => c.file)).size).toBe(CORPUS.length);
});

describe.each(CORPUS.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, index) => {
  it(`gets its expected behaviour (${c.what})`, async () => {
    const { path, v } = await ingest(c, index);
    const report = v.inputs.find((i) => i.path === path);
    expect(report).toBeDefined();
    const r = report!;
    expect(r.rows_read).toBe(r.rows_accepted + r.rows_rejected);
    expect(v.mediation.rows.length).toBe(r.rows_accepted);
    const rejects = v.rejects.filter((x) => x.file === path);
    expect(v.rejects.length).toBe(rejects.length);
    // every message names the file; row-level ones carry a row, and all have a reason
    for (const reject of rejects) expect(reject.reason.length).toBeGreaterThan(10);
    const refused = r.problem !== null;
    if (refused) {
      // a refused file: a message naming it, in the manifest and in the rejects; its rows (if any
      // could be split) are all rejected, none is lost
      expect(r.problem).toContain(path);
      expect(r.rows_accepted).toBe(0);
      expect(rejects.some((x) => x.row === null && x.reason.includes(path))).toBe(true);
    }
    const e = c.expect;
    // notices name the file; only the expected one is given
    expect(v.notices).toEqual(e.notice ? [e.notice(path)] : []);
    if (e.encoding) expect(r.encoding).toBe(e.encoding);
    if (e.kind === 'file') {
      expect(refused).toBe(true);
      if (e.problem) expect(r.problem).toBe(e.problem(path));
    } else {
      expect(refused).toBe(false);
      expect({ accepted: r.rows_accepted, rejected: r.rows_rejected }).toEqual({ accepted: e.accepted, rejected: e.rejected });
      expect(rejects.every((x) => x.row !== null && x.row >= 2)).toBe(true);
      if (e.rejectedRows) expect([...new Set(rejects.map((x) => x.row))].sort((a, b) => a! - b!)).toEqual(e.rejectedRows);
      if (e.field) {
        const names = [e.field, headers.canonical[e.field]];
        expect(rejects.some((x) => names.includes(x.column))).toBe(true);
      }
      if (e.reason) expect(rejects.map((x) => x.reason)).toContain(e.reason(path));
    }
    if (c.acceptedValues) {
      expect(v.mediation.rows.length).toBeGreaterThan(0);
      for (const row of v.mediation.rows) expect(row).toMatchObject(c.acceptedValues);
    }
  });
});

describe('hostile text', () => {
  it('keeps formula-injection names as text and neutralises them in every CSV written', async () => {
    const c = CORPUS.find((x) => x.file === 'injection.csv')!;
    const { v } = await ingest(c, 1000);
    const names = v.mediation.rows.map((r) => r.service_nom);
    expect(names.map((n) => n[0]).sort()).toEqual(['+', '-', '=', '@']);
    const clean = toCsv(v.mediation.rows as never, FIELDS, { sep: ';', decimalComma: true, bom: true });
    const rejects = toCsv([{ file: 'x', row: 2, column: 'Nom du service', value: names[0], reason: 'r' }], ['file', 'row', 'column', 'value', 'reason'], { sep: ';', decimalComma: false, bom: true });
    for (const text of [clean, rejects]) {
      const cells = text.split(/\r\n/).flatMap((line) => line.split(';'));
      // no cell a spreadsheet would run: quoted or not, none starts with = + - @ once unquoted
      const live = cells.map((cell) => cell.replace(/^"/, '')).filter((cell) => /^[=+@]|^-\D/.test(cell));
      expect(live).toEqual([]);
    }
  });

  it('does not let __proto__ or constructor headers pollute objects', async () => {
    const c = CORPUS.find((x) => x.file === 'proto.csv')!;
    await ingest(c, 1001);
    expect(({} as Record<string, unknown>).pollue).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
  });
});
