/**
 * Benchmarks of the protection engine on seeded generated tables (never run by `make test`):
 * departments × 10 categories, 3 500 leaves × 10, 35 000 leaves × 10, the leaves rolling up to
 * departments, then to regions and, separately, to courts of appeal. Each case runs in a child
 * process, which reports its own peak resident memory (`VmHWM` of `/proc/self/status`) — the
 * engine's work is synchronous, so in-process sampling would miss the peak.
 * The time covers `protect()` entirely, including its final LP audit of every primary cell
 * (requirements A and B), which is complete, not sampled. The solver (HiGHS) is loaded before the
 * clock starts, as a package is loaded before an R timing; its loading time, which includes
 * compiling the solver's functions the engine uses (src/runtime/highs-hints.ts), is in the note. A case
 * with `runs` is run that many times, each in a new process: the row gives the median. Each process
 * tunes V8's optimising compiler as `mfer` does (bin/jit.mjs).
 *
 *   node_modules/.bin/tsx bench/protect.ts            # prints the table
 *   node_modules/.bin/tsx bench/protect.ts --case 3500  # one case, JSON on stdout
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RepairMode } from '../src/protect/repair.ts';
import type { Contribution, DimensionSpec, ProtectSpec } from '../src/protect/types.ts';
import { createRng, type Rng } from '../src/sample/prng.ts';
import { tuneJit } from '../bin/jit.mjs';

/** spread: services everywhere, large counts (the first bench table); concentrated: see `concentrated` */
export type Shape = 'spread' | 'concentrated';

export interface BenchRow {
  name: string;
  seconds: number;
  peakMB: number;
  cells: number;
  primary: number;
  secondary: number;
  /** target time in seconds */
  target?: number;
  note?: string;
}

const CASES: Record<string, { name: string; leaves: number; shape?: Shape; target?: number; repair?: RepairMode; warm?: number; runs?: number }> = {
  // the timed call is the process's first (JavaScript and WebAssembly not yet optimised); `warm`
  // more calls on the same table give the time in a process already at work
  '101': { name: 'départements × 10 catégories', leaves: 101, target: 0.5, warm: 5, runs: 5 },
  '3500': { name: '3 500 feuilles × 10 catégories', leaves: 3500, target: 5 },
  // the same table with the repair the engine uses up to 10 000 cells: fewer secondaries, slower
  '3500-table': { name: '3 500 × 10, réparations sur tout le tableau (comparaison)', leaves: 3500, repair: 'table' },
  '35000': { name: '35 000 feuilles × 10 catégories', leaves: 35000, target: 60 },
  // issue 25: small counts, services concentrated in few leaves, most leaves empty, ≈ 17 % primary
  '3500-concentre': { name: '3 500 × 10, services concentrés, petits effectifs', leaves: 3500, shape: 'concentrated', target: 5 },
  '35000-concentre': { name: '35 000 × 10, services concentrés, petits effectifs', leaves: 35000, shape: 'concentrated', target: 60 },
};

/**
 * A seeded table: 101 departments in 18 regions and, independently, 34 courts (non-nested);
 * `leaves` > 101 adds a level of leaves below the departments. Each leaf has one to three
 * structures, each reporting a count in some of the 10 categories.
 */
export function generateCase(leaves: number, seed = 2024, shape: Shape = 'spread'): { spec: ProtectSpec; contributions: Contribution[] } {
  const rng = createRng(seed);
  const deps = Array.from({ length: 101 }, (_, d) => `D${String(d).padStart(3, '0')}`);
  const region: Record<string, string> = {};
  const court: Record<string, string> = {};
  deps.forEach((d, i) => {
    region[d] = `R${String(Math.floor((i * 18) / 101)).padStart(2, '0')}`;
    court[d] = `CA${String((i * 7 + Math.floor(i / 13)) % 34).padStart(2, '0')}`;
    region[region[d]] = 'FR';
    court[court[d]] = 'FR';
  });
  const leafCodes = leaves === 101 ? deps : Array.from({ length: leaves }, (_, k) => `L${k}`);
  if (leaves !== 101) {
    leafCodes.forEach((l, k) => {
      region[l] = deps[k % 101];
      court[l] = deps[k % 101];
    });
  }
  const geo: DimensionSpec = { name: 'geo', total: 'FR', hierarchies: { region, court } };
  const cats = Array.from({ length: 10 }, (_, k) => `C${k}`);
  const cat: DimensionSpec = { name: 'cat', total: 'ENS', hierarchies: { cat: Object.fromEntries(cats.map((c) => [c, 'ENS'])) } };
  const contributions: Contribution[] = [];
  if (shape === 'concentrated') {
    concentrated(rng, leafCodes, cats, contributions);
    return { spec: { dimensions: [geo, cat], contributor: 'structure', value: 'n', rules: { minValue: 4, protectionPercent: 10 } }, contributions };
  }
  const perLeaf = leaves === 101 ? [2, 5] : [1, 3];
  const density = leaves === 101 ? 0.8 : 0.3;
  leafCodes.forEach((leaf) => {
    const structures = rng.int(perLeaf[0], perLeaf[1]);
    for (let s = 0; s < structures; s++) {
      for (const c of cats) {
        if (!rng.chance(density)) continue;
        contributions.push({ codes: [leaf, c], contributor: `${leaf}-S${s}`, value: Math.max(1, Math.round(rng.lognormal(6, 0.9))) });
      }
    }
  });
  return { spec: { dimensions: [geo, cat], contributor: 'structure', value: 'n', rules: { minValue: 4, protectionPercent: 10 } }, contributions };
}

/**
 * The shape of issue 25's unseen table: most leaves empty, the services concentrated in the few
 * others (one to three leaves each, a handful of services per department), small counts in some of
 * the categories — about 17 % of the published cells are primary.
 */
function concentrated(rng: Rng, leafCodes: readonly string[], cats: readonly string[], out: Contribution[]): void {
  const services = Math.max(4, Math.round(leafCodes.length / 3.5));
  for (let s = 0; s < services; s++) {
    const home = rng.int(0, leafCodes.length - 1);
    const span = rng.int(1, 3);
    for (let k = 0; k < span; k++) {
      // a service's leaves are near each other (the same department: leaves k, k + 101, … share one)
      const leaf = leafCodes[(home + k * 101) % leafCodes.length];
      for (const c of cats) {
        if (!rng.chance(0.85)) continue;
        out.push({ codes: [leaf, c], contributor: `S${s}`, value: Math.max(1, Math.round(rng.lognormal(7, 1))) });
      }
    }
  }
}

async function runCase(id: string): Promise<Omit<BenchRow, 'name' | 'peakMB'>> {
  // loaded here, after `tuneJit`, as `mfer` loads the engine after tuning V8 (bin/mfer.js)
  const { protect } = await import('../src/protect/index.ts');
  const { highs } = await import('../src/runtime/highs.ts');
  const { spec, contributions } = generateCase(CASES[id].leaves, 2024, CASES[id].shape);
  const repair = CASES[id].repair;
  const loading = performance.now();
  await highs();
  const loaded = (performance.now() - loading) / 1000;
  const start = performance.now();
  const phases: string[] = [];
  const table = await protect(spec, contributions, {
    ...(repair ? { repair } : {}),
    onPhase: (phase, s) => {
      phases.push(`${phase} ${s.toFixed(1)} s`);
      if (process.env.MFER_BENCH_PHASES) process.stderr.write(`${phase} ${s.toFixed(1)} s\n`);
    },
  });
  const seconds = (performance.now() - start) / 1000;
  const warm: number[] = [];
  for (let k = 0; k < (CASES[id].warm ?? 0); k++) {
    const again = performance.now();
    await protect(spec, contributions, repair ? { repair } : {});
    warm.push((performance.now() - again) / 1000);
  }
  const warmNote = warm.length > 0 ? ` ; appels suivants dans le même processus : ${warm.map((w) => w.toFixed(2)).join(', ')} s` : '';
  const note = `chargement de HiGHS ${loaded.toFixed(2)} s (hors temps) ; ${table.stats.auditRounds} tour(s) d'audit LP ; ${phases.join(', ')}${warmNote}`;
  return { seconds, cells: table.stats.cells, primary: table.stats.primary, secondary: table.stats.secondary, note };
}

function peakMB(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export async function benchProtect(cases: readonly string[] = Object.keys(CASES)): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
  for (const id of cases) {
    // a case that does not finish in time is reported as such (MFER_BENCH_PROTECT_MINUTES, default 10)
    const minutes = Number(process.env.MFER_BENCH_PROTECT_MINUTES ?? 10);
    const { name, target, runs = 1 } = CASES[id];
    const outs: Omit<BenchRow, 'name'>[] = [];
    let why = '';
    for (let run = 0; run < runs && !why; run++) {
      const child = spawnSync(tsx, [join(import.meta.dirname, 'protect.ts'), '--case', id], { encoding: 'utf8', timeout: minutes * 60 * 1000 });
      try {
        outs.push(JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as Omit<BenchRow, 'name'>);
      } catch {
        why = child.signal === 'SIGTERM' ? `non terminé en ${minutes} min` : `échec (${child.signal ?? child.status})`;
      }
    }
    if (why) {
      rows.push({ name, seconds: NaN, peakMB: NaN, cells: 0, primary: 0, secondary: 0, target, note: why });
      continue;
    }
    const byTime = [...outs].sort((a, b) => a.seconds - b.seconds);
    const median = byTime[Math.floor((byTime.length - 1) / 2)];
    const each = runs > 1 ? `médiane de ${runs} processus (${outs.map((o) => o.seconds.toFixed(2)).join(', ')} s) ; ` : '';
    rows.push({ name, ...median, peakMB: Math.max(...outs.map((o) => o.peakMB)), target, note: `${each}${median.note ?? ''}` });
  }
  return rows;
}

const at = process.argv.indexOf('--case');
if (at >= 0) {
  // V8 tuned as `mfer` tunes it (bin/jit.mjs), before the engine is loaded
  tuneJit();
  const row = await runCase(process.argv[at + 1]);
  process.stdout.write(`${JSON.stringify({ ...row, peakMB: peakMB() })}\n`);
} else if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const rows = await benchProtect(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
  for (const r of rows) {
    process.stdout.write(
      `${r.name.padEnd(34)} ${r.seconds.toFixed(2).padStart(8)} s ${r.peakMB.toFixed(0).padStart(6)} Mo  ${r.cells} cellules, ${r.primary} primaires, ${r.secondary} secondaires  ${r.note ?? ''}\n`,
    );
  }
}
