import { createRng, hashString, jitter, splitInteger } from '../../src/sample/prng.ts';

describe('seeded generator', () => {
  it('gives the same draws for the same seed and different ones for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws uniformly in [0, 1) and integers within their bounds', () => {
    const rng = createRng(1);
    const xs = Array.from({ length: 10_000 }, rng.next);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
    const ints = new Set(Array.from({ length: 1000 }, () => rng.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it('forks independent streams that do not depend on draws made before', () => {
    const a = createRng(3);
    const b = createRng(3);
    b.next();
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('log-normal draws have the requested median', () => {
    const rng = createRng(11);
    const xs = Array.from({ length: 4001 }, () => rng.lognormal(28, 0.8)).sort((x, y) => x - y);
    expect(xs[2000]).toBeGreaterThan(25);
    expect(xs[2000]).toBeLessThan(31);
  });

  it('hashes labels to 32-bit seeds', () => {
    expect(hashString('a')).not.toBe(hashString('b'));
    expect(Number.isInteger(hashString('mediation'))).toBe(true);
  });
});

describe('splitInteger', () => {
  it('sums exactly to the total and follows the shares', () => {
    for (const total of [0, 1, 7, 100, 2381]) {
      const parts = splitInteger(total, [0.28, 0.34, 0.15, 0.23]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, i) => expect(Math.abs(p - total * [0.28, 0.34, 0.15, 0.23][i])).toBeLessThan(1));
    }
  });

  it('keeps jittered shares positive', () => {
    const shares = jitter(createRng(2), [0.7, 0.3], 2);
    expect(shares.every((s) => s > 0)).toBe(true);
  });
});
