/**
 * One line of the `make bench` table. Every benchmark (the end-to-end runs in `bench/run.ts`, the
 * protection engine's `benchProtect()` in `bench/protect.ts`) returns rows of this shape.
 */
export interface BenchRow {
  /** what was measured, in French ("mfer annual, échantillon livré (3 ans)") */
  name: string;
  /** size of the input ("≈ 500 réponses / an", "cube 101 × 12") */
  size: string;
  /** wall time in seconds (NaN: not a timed row, shown –) */
  seconds: number;
  /** peak resident memory in MiB, when measured */
  peakMiB?: number;
  /** the target, in words ("< 15 s et < 1 Go") */
  target?: string;
  /** whether the target is met (undefined: no target) */
  ok?: boolean;
  note?: string;
}

/** Formats rows as an aligned text table (the output of `make bench`). */
export function formatBenchTable(rows: readonly BenchRow[], machine: string): string {
  const head = ['mesure', 'taille', 'durée (s)', 'mémoire max (Mio)', 'objectif', 'atteint'];
  const cells = rows.map((r) => [
    r.name,
    r.size,
    Number.isNaN(r.seconds) ? '–' : r.seconds.toFixed(2).replace('.', ','),
    r.peakMiB === undefined ? '–' : String(Math.round(r.peakMiB)),
    r.target ?? '–',
    r.ok === undefined ? '–' : r.ok ? 'oui' : 'NON',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  const out = [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)];
  for (const r of rows) if (r.note) out.push(`  ${r.name} : ${r.note}`);
  out.push('', `Machine : ${machine}`);
  return out.join('\n') + '\n';
}
