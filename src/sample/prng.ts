/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the sample needs. Never
 * `Math.random`: the same seed gives the same sample, byte for byte.
 *
 * @example
 *   const rng = createRng(2024);
 *   rng.int(1, 6); // the same number on every run
 */

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  /** uniform in [min, max) */
  uniform(min: number, max: number): number;
  /** standard normal (Box–Muller) */
  normal(): number;
  /** log-normal with the given median and log-scale sigma */
  lognormal(median: number, sigma: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** index drawn with probability proportional to weights */
  weighted(weights: readonly number[]): number;
  shuffle<T>(items: readonly T[]): T[];
  /** an independent generator derived from this one and a label (stable when other draws change) */
  fork(label: string | number): Rng;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, to derive seeds from labels. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    uniform: (min, max) => min + next() * (max - min),
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    lognormal: (median, sigma) => median * Math.exp(sigma * rng.normal()),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let x = next() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i];
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    fork: (label) => createRng(hashString(`${seed}:${label}`)),
  };
  return rng;
}

/**
 * Splits a non-negative integer total into parts proportional to (noisy) shares, summing exactly to
 * the total (largest remainders).
 */
export function splitInteger(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => (sum > 0 ? (total * s) / sum : 0));
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i]++;
  return parts;
}

/** Shares jittered multiplicatively (each within ±spread), for row-to-row variety. */
export function jitter(rng: Rng, shares: readonly number[], spread: number): number[] {
  return shares.map((s) => s * Math.max(0.05, 1 + spread * (2 * rng.next() - 1)));
}
