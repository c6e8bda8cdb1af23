/**
 * Publishes every harmonized year, oldest first, handing each year the previous year's publication
 * (evolutions) — the one call the annual pipeline makes for the publish stage.
 *
 * @example
 *   const { publications, files, failures } = await publishYears(history, loadPublicationConfig('pipelines/config'), { engine: protectionEngine });
 *   publications.at(-1)?.history.length; // number of earlier years
 */
import { startedEarly } from '../runtime/early.ts';
import type { HarmonizedYear } from '../model/harmonized.ts';
import type { OutputFile } from '../model/output.ts';
import type { Publication } from '../model/publication.ts';
import type { PublicationConfig } from './config.ts';
import { progressMessages } from './messages.ts';
import type { Engine } from '../runtime/engine.ts';
import { absentSurveys, finishYear, protectYear, type ProtectedYear } from './publish.ts';

/**
 * Begins protecting a year as soon as it is harmonized, so that an engine on worker threads works
 * while the next years are still being read. A failure surfaces when `publishYears` awaits it.
 */
export function startProtection(engine: Engine, year: HarmonizedYear, config: PublicationConfig): Promise<ProtectedYear> {
  return startedEarly(protectYear(engine, year, config));
}

export interface PublishedYears {
  /** one per year, oldest first */
  publications: Publication[];
  files: OutputFile[];
  /** French messages, one per table (or group of linked tables) whose audit failed */
  failures: string[];
  /** progress lines for the run log: one per published year, then the failures */
  lines: string[];
}

/** How `publishYears` runs; every field but `engine` is optional. */
export interface PublishOptions {
  /**
   * the years whose publication is wanted (default: every year of `history`); a year of `history`
   * outside `only` is still protected, to give the next year its evolutions, but yields no file, no
   * failure and no publication
   */
  only?: readonly number[];
  /** the protection engine (src/runtime/engine.ts: `protectionEngine` in-process, `pooledEngine` side by side) */
  engine: Engine;
  /** protections the caller began earlier (`startProtection`), by year */
  started?: ReadonlyMap<number, Promise<ProtectedYear>>;
  /**
   * gets each wanted year's publication as soon as it is complete, oldest first (the caller may
   * render it while later years are still being protected)
   */
  onPublished?: (publication: Publication) => void;
}

/**
 * Every year's tables are protected at once (an engine on worker threads runs them side by side);
 * the derived tables then follow year by year, each needing the year before.
 */
export async function publishYears(history: readonly HarmonizedYear[], config: PublicationConfig, options: PublishOptions): Promise<PublishedYears> {
  const { only, engine, started = new Map(), onPublished } = options;
  const all: Publication[] = [];
  const publications: Publication[] = [];
  const files: OutputFile[] = [];
  const failures: string[] = [];
  const lines: string[] = [];
  const years = [...history].sort((a, b) => a.year - b.year);
  const protecting = years.map((year) => started.get(year.year) ?? startProtection(engine, year, config));
  for (const [i, year] of years.entries()) {
    const previous = i > 0 && years[i - 1].year === year.year - 1 ? all[i - 1] : null;
    const result = await finishYear(await protecting[i], previous);
    all.push(result.publication);
    if (only !== undefined && !only.includes(year.year)) continue;
    publications.push(result.publication);
    onPublished?.(result.publication);
    files.push(...result.files);
    failures.push(...result.failures.map((f) => `${year.year} : ${f}`));
    for (const survey of absentSurveys(year)) lines.push(progressMessages.surveyAbsent(year.year, survey));
    const tables = result.publication.tables;
    const count = (f: (p: (typeof tables)[number]['protection']) => number) => tables.reduce((sum, t) => sum + f(t.protection), 0);
    lines.push(progressMessages.published(year.year, tables.length, count((p) => p.suppressed), count((p) => p.cells), result.failures.length));
  }
  return { publications, files, failures, lines: [...lines, ...failures] };
}
