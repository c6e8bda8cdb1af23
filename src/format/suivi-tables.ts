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
import { toCsv } from './csv.ts';
import type { OutputFile } from '../model/output.ts';
import { geoLevel, geoLevelLabels } from '../indicators/geo.ts';
import type { Geography } from '../model/geography.ts';
import { ENSEMBLE, type FollowUpPublication } from '../suivi/publish.ts';
import { SCHEMES, type Scheme } from '../suivi/outcomes.ts';
import type { LinkageQuality, Reconciliation } from '../suivi/quality.ts';

const LONG = ['geo', 'cohort', 'horizon', 'group', 'outcome', 'value', 'status'];

const TITLE: Record<string, string> = {
  mediation: 'Suivi de cohortes – médiation familiale : enfants d’une médiation terminée et résultats à 12 et 24 mois (effectifs d’enfants ; taux en %)',
  rencontre: 'Suivi de cohortes – espaces de rencontre : enfants d’une mesure terminée et résultats à 12 et 24 mois (effectifs d’enfants ; taux en %)',
};
const note = (minDenominator: number) => `Note : résultats observés après le dispositif, non effets du dispositif. s : secret statistique ; ns : moins de ${minDenominator} enfants au dénominateur.`;

/** The outcomes and groups in words, in the form for people (the long form keeps the codes). */
const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  enfants: 'Enfants (nombre)',
  retour_juge: 'Enfants revenus devant le juge (nombre)',
  exercice_autonome: 'Enfants en exercice autonome du droit de visite à la fin (nombre)',
  autonomie_durable: 'Enfants en exercice autonome durable, 12 mois après la fin (nombre)',
  connus_caf: 'Enfants connus des Caf (nombre)',
  asf_avant: 'Enfants avec ASF avant le dispositif (nombre)',
  asf_horizon: "Enfants avec ASF à l'horizon (nombre)",
  intermediation_avant: 'Enfants avec intermédiation financière avant le dispositif (nombre)',
  intermediation_horizon: "Enfants avec intermédiation financière à l'horizon (nombre)",
  af_partagees_avant: 'Enfants avec allocations familiales partagées avant le dispositif (nombre)',
  af_partagees_horizon: "Enfants avec allocations familiales partagées à l'horizon (nombre)",
  taux_retour_juge: 'Retour devant le juge (%)',
  taux_exercice_autonome: 'Exercice autonome à la fin (%)',
  taux_autonomie_durable: 'Exercice autonome durable, 12 mois après la fin (%)',
  taux_asf_avant: 'ASF avant le dispositif (%)',
  taux_asf_horizon: "ASF à l'horizon (%)",
  taux_intermediation_avant: 'Intermédiation financière avant le dispositif (%)',
  taux_intermediation_horizon: "Intermédiation financière à l'horizon (%)",
  taux_af_partagees_avant: 'Allocations familiales partagées avant le dispositif (%)',
  taux_af_partagees_horizon: "Allocations familiales partagées à l'horizon (%)",
};
const GROUP_LABELS: Readonly<Record<Scheme, Readonly<Record<string, string>>>> = {
  mediation: {
    [ENSEMBLE]: 'Ensemble',
    conventionnelle: 'Médiation conventionnelle',
    judiciaire: 'Médiation judiciaire',
    accord_ecrit: 'Accord écrit',
    accord_oral: 'Accord oral',
    sans_accord: 'Sans accord',
    interrompue: 'Médiation interrompue',
  },
  rencontre: {
    [ENSEMBLE]: 'Ensemble',
    jaf: 'Mesure du juge aux affaires familiales',
    juge_enfants: 'Mesure du juge des enfants',
    spontanee: 'Démarche spontanée',
    exercice_autonome: 'Fin : exercice autonome',
    suspension: 'Fin : suspension',
    arret: 'Fin : arrêt',
    retour_juge: 'Fin : retour devant le juge',
  },
};

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
      if (!wide.has(k)) wide.set(k, { ...territory(geography, r.geo), code: r.geo, cohorte: r.cohort, horizon_mois: r.horizon, indicateur: OUTCOME_LABELS[r.outcome] ?? r.outcome });
      wide.get(k)![r.group] = r.value;
    }
    files.push({ root: 'data-out', path: `${year}/audit/suivi/cells-${scheme}.csv`, content: toCsv(publication.audit[scheme].map((c) => ({ ...c })), ['cohort', 'horizon', 'outcome', 'geo', 'group', 'value', 'contributors', 'status'], { sep: ',', decimalComma: false, bom: false }) });
    const columns = ['niveau', 'code', 'territoire', 'cohorte', 'horizon_mois', 'indicateur', ...groups];
    const headers = ['Niveau', 'Code', 'Territoire', 'Cohorte (année de fin)', 'Horizon (mois)', 'Indicateur', ...groups.map((g) => GROUP_LABELS[scheme][g] ?? g)];
    const table = toCsv([...wide.values()], columns, { sep: ';', decimalComma: true, bom: false, headers });
    files.push({ root: 'data-out', path: `${year}/tables/suivi-${scheme}.csv`, content: `\ufeff${TITLE[scheme]}\r\n\r\n${table}\r\n${note(publication.minDenominator)}\r\n${publication.champ}\r\n` });
  }
  files.push({ root: 'data-out', path: `${year}/audit/suivi/liaison.csv`, content: toCsv(quality.rows.map((r) => ({ ...r })), ['mesure', 'source', 'autre_source', 'departement', 'annee', 'valeur'], { sep: ',', decimalComma: false, bom: false }) });
  files.push({ root: 'data-out', path: `${year}/audit/suivi/rapprochement.csv`, content: toCsv(reconciliation.map((r) => ({ ...r })), ['annee', 'dispositif', 'departement', 'enquete', 'suivi', 'ecart', 'dans_tolerance'], { sep: ',', decimalComma: false, bom: false }) });
  files.push({ root: 'data-out', path: `${year}/audit/suivi/protection.json`, content: `${JSON.stringify({ ok: publication.failures.length === 0, failures: publication.failures }, null, 2)}\n` });
  return files;
}
