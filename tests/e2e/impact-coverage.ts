/**
 * Shared by the coverage tests (planted and null effects): the synthetic families of 30 seeds, each
 * through the whole impact method (500 replicates), France's estimates returned.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { impactTables, type EffectRow } from '../../src/impact/impact.ts';
import type { Outcome } from '../../src/impact/rules.ts';
import { loadSynthetic } from '../../src/impact/synthetic.ts';

export const SEEDS = 30;
/** 30 seeds × 500 replicates: about a minute alone, more on a shared machine */
export const TIMEOUT = 600_000;
export const smallPopulation = { families: 2500, cohorts: [2023], lastYear: 2025, departments: ['13', '59'] } as const;
const departments = [{ code: '13', region: 'R93' }, { code: '59', region: 'R32' }];

export interface SeedResult {
  matched: EffectRow;
  naive: EffectRow;
}

export async function runSeeds(effects: Partial<Record<Outcome, number>>, outcomes: readonly Outcome[], firstSeed: number): Promise<Map<Outcome, SeedResult[]>> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const out = new Map<Outcome, SeedResult[]>(outcomes.map((o) => [o, []]));
  for (let seed = firstSeed; seed < firstSeed + SEEDS; seed++) {
    await loadSynthetic(connection, { ...smallPopulation, seed, effects });
    const result = await impactTables(connection, 2025, departments);
    for (const o of outcomes) {
      const pick = (method: string): EffectRow => result.effects.find((e) => e.geo === 'FR' && e.outcome === o && e.method === method && e.status === 'published')!;
      out.get(o)!.push({ matched: pick('matched'), naive: pick('naive') });
    }
  }
  return out;
}

export const covers = (row: EffectRow, value: number): boolean => row.ciLow! <= value && value <= row.ciHigh!;
/** the naive difference misses the truth by more than its own half-width */
export const misses = (row: EffectRow, value: number): boolean => Math.abs(row.effect! - value) > (row.ciHigh! - row.ciLow!) / 2;
