/**
 * The two forms of the published impact table, as text (the caller writes them to
 * `data-out/<year>/tables/`):
 * - `impact-mediation.long.csv`, for machines (issue 24's contract): `,`, UTF-8, one row per territory,
 *   cohort, outcome and method; empty figures and `status` = `insufficient` below the size rule;
 * - `impact-mediation.csv`, for people: `;`, decimal comma, UTF-8 with BOM, title and unit above,
 *   French labels, notes below, as every table of mfer.
 *
 * @example
 *   formatImpactLongCsv(result.effects).split('\n')[0];
 *   // "geo,cohort,outcome,method,effect,ci_low,ci_high,treated,compared,support,e_value,status"
 */
import { toCsv } from './csv.ts';
import type { EffectRow } from '../impact/impact.ts';
import { impactMessages as m } from '../impact/messages.ts';

export const LONG_COLUMNS = ['geo', 'cohort', 'outcome', 'method', 'effect', 'ci_low', 'ci_high', 'treated', 'compared', 'support', 'e_value', 'status'] as const;

const longRow = (e: EffectRow): Record<string, string | number | null> => ({
  geo: e.geo, cohort: e.cohort, outcome: e.outcome, method: e.method,
  effect: e.effect, ci_low: e.ciLow, ci_high: e.ciHigh, treated: e.treated, compared: e.compared,
  support: e.support, e_value: e.eValue, status: e.status,
});

export function formatImpactLongCsv(effects: readonly EffectRow[]): string {
  return toCsv(effects.map(longRow), LONG_COLUMNS, { sep: ',', decimalComma: false, bom: false });
}

/** `labels`: the French name of every territory code (the geography's labels; métropole and DROM added here) */
export function formatImpactCsv(effects: readonly EffectRow[], year: number, labels: Readonly<Record<string, string>>): string {
  const names = { ...labels, ...m.territoryLabels };
  const rows = effects.map((e) => ({
    code: e.geo,
    territoire: names[e.geo] ?? e.geo,
    cohorte: e.cohort,
    resultat: m.outcome(e.outcome),
    methode: e.status === 'published' ? m.method(e.method) : '',
    effet: e.effect, bas: e.ciLow, haut: e.ciHigh, traites: e.treated, compares: e.compared,
    support: e.support, evalue: e.eValue,
    statut: m.status[e.status],
  }));
  const table = toCsv(rows, ['code', 'territoire', 'cohorte', 'resultat', 'methode', 'effet', 'bas', 'haut', 'traites', 'compares', 'support', 'evalue', 'statut'], {
    sep: ';', decimalComma: true, bom: false, headers: m.csvHeader,
  });
  const notes = m.csvNotes.map((n) => toCsv([], [n], { sep: ';', decimalComma: true, bom: false })).join('');
  return `\ufeff${m.csvTitle(year)}\r\n${m.csvUnit}\r\n\r\n${table}\r\n${notes}`;
}
