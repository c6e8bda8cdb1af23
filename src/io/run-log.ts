/**
 * The content of `data-out/<year>/run.log`: parameters, one line per stage with its counts, then the
 * warnings. Timings vary from run to run while every output must be byte-identical, so a stage's
 * duration is written only when asked (`timings: true`, which `mfer annual` sets when the environment
 * has `MFER_LOG_TIMINGS=1`); by default the log is as byte-stable as the other outputs.
 * Pure: builds a string; the pipeline hands it to `publishRun` like any other output file.
 *
 * @example
 *   const log = createRunLog();
 *   const rows = await log.stage('lecture', async () => read(), (r) => ({ fichiers: r.files.length }));
 *   log.warn('fichier vide : returns/2024/mediation/caf-01-ain.csv');
 *   const text = log.render({ year: 2024, version: '0.1.0', parameters: { strict: false }, timings: false });
 */

export interface StageRecord {
  name: string;
  counts: Readonly<Record<string, number>>;
  /** milliseconds, measured with the injected clock (none for counts recorded after the fact) */
  ms?: number;
}

export interface RunLogHeader {
  year: number;
  version: string;
  parameters: Readonly<Record<string, string | number | boolean | null>>;
  /** write each stage's duration (not byte-stable) */
  timings: boolean;
}

export interface RunLog {
  /** runs one stage, recording its duration and the counts `count` reads from its result */
  stage<T>(name: string, fn: () => T | Promise<T>, count?: (result: T) => Record<string, number>): Promise<T>;
  /** records a stage measured elsewhere */
  record(stage: StageRecord): void;
  warn(message: string): void;
  readonly stages: readonly StageRecord[];
  readonly warnings: readonly string[];
  render(header: RunLogHeader): string;
}

const number = new Intl.NumberFormat('fr-FR', { useGrouping: false });

/** Formats a run log (exported for callers that collect stages themselves). */
export function formatRunLog(header: RunLogHeader, stages: readonly StageRecord[], warnings: readonly string[]): string {
  const lines = [`mfer ${header.version} — exécution annuelle ${header.year}`, '', 'Paramètres :'];
  for (const key of Object.keys(header.parameters).sort()) lines.push(`  ${key} = ${String(header.parameters[key])}`);
  lines.push('', 'Étapes :');
  for (const s of stages) {
    const counts = Object.entries(s.counts)
      .map(([k, v]) => `${k} ${number.format(v)}`)
      .join(', ');
    const time = header.timings && s.ms !== undefined ? ` (${number.format(Math.round(s.ms))} ms)` : '';
    lines.push(`  ${s.name}${counts ? ` : ${counts}` : ''}${time}`);
  }
  lines.push('', warnings.length === 0 ? 'Avertissements : aucun' : `Avertissements (${warnings.length}) :`);
  for (const w of warnings) lines.push(`  - ${w}`);
  if (!header.timings) lines.push('', 'Durées non écrites (MFER_LOG_TIMINGS=1 pour les avoir) : ce journal reste identique octet pour octet d\'une exécution à l\'autre.');
  return lines.join('\n') + '\n';
}

/** A recorder of stages; `clock` is injected so tests (and byte-stable logs) do not depend on time. */
export function createRunLog(clock: () => number = () => performance.now()): RunLog {
  const stages: StageRecord[] = [];
  const warnings: string[] = [];
  return {
    async stage(name, fn, count) {
      const start = clock();
      const result = await fn();
      stages.push({ name, counts: count ? count(result) : {}, ms: clock() - start });
      return result;
    },
    record: (stage) => void stages.push(stage),
    warn: (message) => void warnings.push(message),
    stages,
    warnings,
    render: (header) => formatRunLog(header, stages, warnings),
  };
}

/** Whether the environment asks for timings in run.log (`MFER_LOG_TIMINGS=1`). */
export function timingsRequested(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.MFER_LOG_TIMINGS === '1';
}
