/**
 * `mfer protect` as a user runs it: a new process on the 10-row example of `mfer protect --help`,
 * timed whole (start-up, solver load, protection, writing), five times; the row gives the median of
 * the wall times, and its note each run's wall and processor (user + system) time, the machine's
 * load, and which code ran: the JavaScript of `make build` (as `make bench` builds it first) or,
 * when it is stale, the TypeScript through tsx, whose loader alone costs about a second.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
// @ts-expect-error plain JavaScript module of the entry point, without type declarations
import { compiledIsFresh } from '../bin/compiled.mjs';
import { join } from 'node:path';
import { usage } from '../src/cli/usage.ts';
import type { BenchRow } from './bench-row.ts';
import { measure } from './measure.ts';

/** The SPEC.json and CONTRIB.csv printed by `mfer protect --help`. */
export function helpExample(): { spec: string; contrib: string } {
  const help = usage('protect');
  const spec = help.slice(help.indexOf('SPEC.json :\n') + 'SPEC.json :\n'.length, help.indexOf('\n\nExemple complet de CONTRIB.csv'));
  const start = help.indexOf(':\n', help.indexOf('Exemple complet de CONTRIB.csv')) + 2;
  const contrib = help.slice(start, help.indexOf('\n\n', start)).split('\n').map((l) => l.trim()).join('\n');
  return { spec, contrib };
}

const NAME = 'mfer protect, processus entier';
const SIZE = '10 lignes (exemple de --help)';
const fr = (x: number) => x.toFixed(2).replace('.', ',');

export async function protectCliRow(root: string, mfer: string, runs = 5): Promise<BenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'mfer-bench-protect-'));
  const compiled = (compiledIsFresh as (root: string) => boolean)(root);
  const load = loadavg()[0];
  try {
    const { spec, contrib } = helpExample();
    writeFileSync(join(dir, 'SPEC.json'), spec);
    writeFileSync(join(dir, 'CONTRIB.csv'), contrib);
    const times: number[] = [];
    const cpu: number[] = [];
    let peak = 0;
    for (let k = 0; k < runs; k++) {
      const m = await measure(process.execPath, [mfer, 'protect', '--spec', join(dir, 'SPEC.json'), '--input', join(dir, 'CONTRIB.csv'), '--out', join(dir, 'CELLS.csv')], { cwd: root });
      if (m.exitCode !== 0) return { name: NAME, size: SIZE, seconds: m.seconds, target: '< 1 s', ok: false, note: m.stderr.trim() };
      times.push(m.seconds);
      if (m.cpuSeconds !== undefined) cpu.push(m.cpuSeconds);
      peak = Math.max(peak, m.peakMiB ?? 0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const seconds = sorted[Math.floor((sorted.length - 1) / 2)];
    const cpuNote = cpu.length > 0 ? ` ; temps processeur ${cpu.map(fr).join(' ; ')} s` : '';
    return {
      name: NAME,
      size: SIZE,
      seconds,
      peakMiB: peak || undefined,
      target: '< 1 s',
      ok: seconds < 1,
      note: `médiane de ${runs} processus : ${times.map(fr).join(' ; ')} s${cpuNote} ; ${compiled ? 'JavaScript compilé' : 'TypeScript par tsx (compilé périmé)'} ; charge ${fr(load)}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
