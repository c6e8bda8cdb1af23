/**
 * `mfer protect` as a user runs it: a new process on the 10-row example of `mfer protect --help`,
 * timed whole (start-up, solver load, protection, writing), five times; the row gives the median.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

export async function protectCliRow(root: string, mfer: string, runs = 5): Promise<BenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'mfer-bench-protect-'));
  try {
    const { spec, contrib } = helpExample();
    writeFileSync(join(dir, 'SPEC.json'), spec);
    writeFileSync(join(dir, 'CONTRIB.csv'), contrib);
    const times: number[] = [];
    let peak = 0;
    for (let k = 0; k < runs; k++) {
      const m = await measure(process.execPath, [mfer, 'protect', '--spec', join(dir, 'SPEC.json'), '--input', join(dir, 'CONTRIB.csv'), '--out', join(dir, 'CELLS.csv')], { cwd: root });
      if (m.exitCode !== 0) return { name: 'mfer protect, processus entier', size: '7 lignes (exemple de --help)', seconds: m.seconds, target: '< 1 s', ok: false, note: m.stderr.trim() };
      times.push(m.seconds);
      peak = Math.max(peak, m.peakMiB ?? 0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const seconds = sorted[Math.floor((sorted.length - 1) / 2)];
    return {
      name: 'mfer protect, processus entier',
      size: '7 lignes (exemple de --help)',
      seconds,
      peakMiB: peak || undefined,
      target: '< 1 s',
      ok: seconds < 1,
      note: `médiane de ${runs} processus : ${times.map((t) => t.toFixed(2).replace('.', ',')).join(' ; ')} s`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
