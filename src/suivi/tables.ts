/**
 * The follow-up publication as files of `data-out/<year>/`: for each scheme the long form
 * `tables/suivi-<scheme>.long.csv` (`,`, UTF-8: geo, cohort, horizon, group, outcome, value, status)
 * and the form for people `tables/suivi-<scheme>.csv` (`;`, decimal comma, UTF-8 with BOM, a title
 * above and a note below, one row per territory, cohort, horizon and outcome, one column per group); and, in the audit trail
 * (never published), the linkage-quality report and the reconciliation with the survey returns.
 *
 * @example
 *   followUpFiles(2025, publication, quality, reconciliation, geography).map((f) => f.path);
 *   // ["2025/tables/suivi-mediation.csv", "2025/tables/suivi-mediation.long.csv", …]
 */
import { toCsv } from '../io/csv.ts';
import type { OutputFile } from '../model/output.ts';
import { geoLevel, geoLevelLabels } from '../indicators/geo.ts';
import type { Geography } from '../model/geography.ts';
import { ENSEMBLE, type FollowUpPublication } from './publish.ts';
import { SCHEMES } from './outcomes.ts';
import type { LinkageQuality, Reconciliation } from './quality.ts';

const LONG = ['geo', 'cohort', 'horizon', 'group', 'outcome', 'value', 'status'];

const TITLE: Record<string, string> = {
  mediation: 'Suivi de cohortes – médiation familiale : enfants d’une médiation terminée et résultats à 12 et 24 mois (effectifs d’enfants ; taux en %)',
  rencontre: 'Suivi de cohortes – espaces de rencontre : enfants d’une mesure terminée et résultats à 12 et 24 mois (effectifs d’enfants ; taux en %)',
};
const NOTE = 'Note : résultats observés après le dispositif, non effets du dispositif. s : secret statistique ; ns : moins de 30 enfants au dénominateur.';

/** A territory's level and name as the other tables show them. */
function territory(geography: Geography, geo: string): { niveau: string; territoire: string } {
  return { niveau: geoLevelLabels[geoLevel(geography, geo)], territoire: geography.labels[geo] ?? geo };
}

export function followUpFiles(year: number, publication: FollowUpPublication, quality: LinkageQuality, reconciliation: readonly Reconciliation[], geography: Geography): OutputFile[] {
  const files: OutputFile[] = [];
  for (const scheme of SCHEMES) {
    const rows = publication.long[scheme];
    files.push({ root: 'data-out', path: `${year}/tables/suivi-${scheme}.long.csv`, content: toCsv(rows.map((r) => ({ ...r })), LONG, { sep: ',', decimalComma: false, bom: false }) });
    const groups = [...new Set(rows.map((r) => r.group))].sort((a, b) => (a === ENSEMBLE ? -1 : b === ENSEMBLE ? 1 : 0));
    const wide = new Map<string, Record<string, string | number>>();
    for (const r of rows) {
      const k = [r.geo, r.cohort, r.horizon, r.outcome].join('\u0000');
      if (!wide.has(k)) wide.set(k, { ...territory(geography, r.geo), code: r.geo, cohorte: r.cohort, horizon_mois: r.horizon, indicateur: r.outcome });
      wide.get(k)![r.group] = r.value;
    }
    files.push({ root: 'data-out', path: `${year}/audit/suivi/cells-${scheme}.csv`, content: toCsv(publication.audit[scheme].map((c) => ({ ...c })), ['cohort', 'horizon', 'outcome', 'geo', 'group', 'value', 'contributors', 'status'], { sep: ',', decimalComma: false, bom: false }) });
    const columns = ['niveau', 'code', 'territoire', 'cohorte', 'horizon_mois', 'indicateur', ...groups];
    const headers = ['Niveau', 'Code', 'Territoire', 'Cohorte (année de fin)', 'Horizon (mois)', 'Indicateur', ...groups];
    const table = toCsv([...wide.values()], columns, { sep: ';', decimalComma: true, bom: false, headers });
    files.push({ root: 'data-out', path: `${year}/tables/suivi-${scheme}.csv`, content: `\ufeff${TITLE[scheme]}\r\n\r\n${table}\r\n${NOTE}\r\n` });
  }
  files.push({ root: 'data-out', path: `${year}/audit/suivi/liaison.csv`, content: toCsv(quality.rows.map((r) => ({ ...r })), ['mesure', 'source', 'autre_source', 'departement', 'annee', 'valeur'], { sep: ',', decimalComma: false, bom: false }) });
  files.push({ root: 'data-out', path: `${year}/audit/suivi/rapprochement.csv`, content: toCsv(reconciliation.map((r) => ({ ...r })), ['annee', 'dispositif', 'departement', 'enquete', 'suivi', 'ecart', 'dans_tolerance'], { sep: ',', decimalComma: false, bom: false }) });
  files.push({ root: 'data-out', path: `${year}/audit/suivi/protection.json`, content: `${JSON.stringify({ ok: publication.failures.length === 0, failures: publication.failures }, null, 2)}\n` });
  return files;
}
