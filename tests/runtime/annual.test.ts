/** What `mfer annual` runs on (src/runtime/annual.ts): in this thread, or on worker threads. */
import { describe, expect, it } from '@jest/globals';
import { openRuntime } from '../../src/runtime/annual.ts';
import { protectionEngine } from '../../src/runtime/engine.ts';
import type { Contribution, ProtectSpec } from '../../src/protect/types.ts';
import { flat, pattern } from '../protect/fixtures.ts';

const spec: ProtectSpec = { dimensions: [flat('geo', ['d1', 'd2', 'd3']), flat('cat', ['a', 'b'])], contributor: 's', value: 'n', rules: { minFrequency: 2, protectionPercent: 10 } };
/** d1 × a has a single contributor: primary, so the protection has something to do */
const contributions: Contribution[] = ['d1', 'd2', 'd3'].flatMap((d, i) =>
  ['a', 'b'].flatMap((c, j) => [{ codes: [d, c], contributor: `${d}${c}1`, value: 3 + i + j }, ...(d === 'd1' && c === 'a' ? [] : [{ codes: [d, c], contributor: `${d}${c}2`, value: 2 }])]),
);

describe('openRuntime', () => {
  it('protects in this thread without workers, with nothing to close', async () => {
    const runtime = openRuntime(0);
    expect(runtime.engine).toBe(protectionEngine);
    expect(runtime.parallel).toBe(false);
    expect(runtime.workbooks).toBeUndefined();
    await runtime.close();
  });

  it('protects on worker threads with workers, as in this thread, and refuses work once closed', async () => {
    const runtime = openRuntime(1);
    expect(runtime.parallel).toBe(true);
    expect(runtime.workbooks).toBeDefined();
    const [pooled, local] = await Promise.all([runtime.engine.protect(spec, contributions), protectionEngine.protect(spec, contributions)]);
    expect(pattern(pooled.cells)).toEqual(pattern(local.cells));
    expect(pooled.cells.some((c) => c.status === 'u')).toBe(true);
    await runtime.close();
    await expect(runtime.engine.protect(spec, contributions)).rejects.toThrow();
  });
});
