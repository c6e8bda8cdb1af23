/**
 * The engine on worker threads (`openPool`): the same patterns and verdicts as in-process, tables
 * sealed, a failing call rejected with the engine's message without breaking the pool, and calls
 * after `close` rejected.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { audit, protect, protectLinked } from '../../src/protect/index.ts';
import { openPool, type EnginePool } from '../../src/runtime/protect-pool.ts';
import type { Contribution, LinkedSpec, ProtectSpec } from '../../src/protect/types.ts';
import { flat, pattern, twoHierarchiesGeo } from '../protect/fixtures.ts';

const spec: ProtectSpec = { dimensions: [twoHierarchiesGeo, flat('cat', ['a', 'b', 'c'])], contributor: 's', value: 'n', rules: { minFrequency: 2, minValue: 4, protectionPercent: 10 } };
const rows: Contribution[] = ['d1', 'd2', 'd3', 'd4'].flatMap((d, i) =>
  ['a', 'b', 'c'].flatMap((c, j) => [
    { codes: [d, c], contributor: `${d}${c}1`, value: 1 + ((i * 7 + j * 3) % 9) },
    ...((i + j) % 3 === 0 ? [] : [{ codes: [d, c], contributor: `${d}${c}2`, value: 2 + ((i + j) % 5) }]),
  ]),
);
const linked: LinkedSpec = {
  dimensions: [twoHierarchiesGeo, flat('cat', ['a', 'b']), flat('age', ['y', 'o'])],
  tables: [
    { id: 'parCat', dimensions: ['geo', 'cat'] },
    { id: 'parAge', dimensions: ['geo', 'age'] },
  ],
  rules: { minFrequency: 2, protectionPercent: 10 },
};
const linkedRows = {
  parCat: rows.filter((r) => r.codes[1] !== 'c'),
  parAge: rows.filter((r) => r.codes[1] !== 'c').map((r) => ({ ...r, codes: [r.codes[0], r.codes[1] === 'a' ? 'y' : 'o'] })),
};

let pool: EnginePool;
beforeAll(() => {
  pool = openPool(2);
});
afterAll(async () => {
  await pool.close();
});

describe('openPool', () => {
  it('protects and audits as the engine does in-process, side by side', async () => {
    const [inWorker, again, alone] = await Promise.all([pool.protect(spec, rows), pool.protect(spec, rows), protect(spec, rows)]);
    expect(pattern(inWorker.cells)).toEqual(pattern(alone.cells));
    expect(pattern(again.cells)).toEqual(pattern(alone.cells));
    expect(inWorker.stats).toEqual(alone.stats);
    expect(inWorker.cells.some((c) => c.status === 'u')).toBe(true);
    expect(Object.isFrozen(inWorker.cells)).toBe(true);
    const verdict = await pool.audit(spec, rows, inWorker.cells);
    const report = await audit(spec, rows, inWorker.cells);
    expect(verdict).toEqual({ ok: true, checked: report.checked, zerosKnown: report.zerosKnown, insiders: report.insiders, insiderChecked: report.insiderChecked, failures: [] });
  });

  it('protects and audits linked tables as the engine does in-process', async () => {
    const [inWorker, alone] = await Promise.all([pool.protectLinked(linked, linkedRows), protectLinked(linked, linkedRows)]);
    expect(Object.keys(inWorker.tables)).toEqual(['parCat', 'parAge']);
    for (const id of ['parCat', 'parAge']) expect(pattern(inWorker.tables[id].cells)).toEqual(pattern(alone.tables[id].cells));
    const cells = { parCat: inWorker.tables.parCat.cells, parAge: inWorker.tables.parAge.cells };
    expect((await pool.auditLinked(linked, linkedRows, cells)).ok).toBe(true);
  });

  it('reports a failed audit with its failures', async () => {
    const table = await pool.protect(spec, rows);
    const published = table.cells.map((c) => ({ ...c, status: 's' as const }));
    const verdict = await pool.audit(spec, rows, published);
    expect(verdict.ok).toBe(false);
    expect(verdict.failures.some((f) => f.check === 'status')).toBe(true);
  });

  it("rejects a failing call with the engine's message and keeps serving", async () => {
    const bad: Contribution[] = [{ codes: ['d9', 'a'], contributor: 'x', value: 1 }];
    const inProcess = await protect(spec, bad).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(inProcess).not.toBe('');
    await expect(pool.protect(spec, bad)).rejects.toThrow(inProcess);
    expect((await pool.protect(spec, rows)).cells.length).toBeGreaterThan(0);
  });

  it('rejects calls once closed', async () => {
    const other = openPool(1);
    await other.close();
    await expect(other.protect(spec, rows)).rejects.toThrow(/fermé/);
  });
});
