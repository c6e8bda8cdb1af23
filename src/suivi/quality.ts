/**
 * The audit trail of the follow-up (never published): linkage quality and the reconciliation of the
 * follow-up files with the survey returns.
 *
 * Linkage quality, per source, department and year of file: the share of a scheme's children found
 * in each other source (`appariement`, in %), the children of a mediation or measure unknown to every
 * CAF file (`inconnus_caf`), rows repeated exactly (`doublons`), children whose CAF department that
 * year differs from the scheme's (`departements_discordants`).
 *
 * Reconciliation, per year, scheme and department present in the follow-up: the ended mediations
 * (`terminees_*`) or measures (`fin_*`) of the survey returns against the distinct (family, unit,
 * end) of the follow-up. Tolerance: a gap of at most 3 or 10 % of the survey's figure (a missing or
 * rejected return, children whose NIR was refused, a child of two families).
 *
 * @example
 *   linkageQuality(files).rows.find((r) => r.mesure === 'inconnus_caf'); // { …, valeur: 12 }
 */
import type { MediationRow, RencontreRow } from '../model/rows.ts';
import type { SuiviFile } from '../format/suivi.ts';

export interface QualityRow {
  mesure: 'appariement' | 'inconnus_caf' | 'doublons' | 'departements_discordants';
  source: string;
  autre_source: string;
  departement: string;
  annee: number;
  valeur: number;
}

export interface LinkageQuality {
  rows: QualityRow[];
}

export interface Reconciliation {
  annee: number;
  dispositif: 'mediation' | 'rencontre';
  departement: string;
  enquete: number;
  suivi: number;
  ecart: number;
  dans_tolerance: boolean;
}

export const TOLERANCE = { absolute: 3, relative: 0.1 };

export function linkageQuality(files: readonly SuiviFile[]): LinkageQuality {
  const children = new Map<string, Set<string>>();
  for (const f of files) {
    const set = children.get(f.source) ?? new Set<string>();
    for (const r of f.rows) set.add(String(r.enfant));
    children.set(f.source, set);
  }
  const cafDepartment = new Map<string, string>();
  for (const f of files) if (f.source === 'caf') for (const r of f.rows) cafDepartment.set(`${r.enfant}|${r.annee}`, String(r.departement));
  const rows: QualityRow[] = [];
  for (const f of files) {
    const seen = new Set<string>();
    let repeated = 0;
    for (const r of f.rows) {
      const k = JSON.stringify(r);
      if (seen.has(k)) repeated++;
      seen.add(k);
    }
    if (repeated > 0) rows.push({ mesure: 'doublons', source: f.source, autre_source: '', departement: '', annee: f.year, valeur: repeated });
    if (f.source !== 'mediation' && f.source !== 'rencontre') continue;
    const byDepartment = new Map<string, Set<string>>();
    const discordant = new Map<string, Set<string>>();
    for (const r of f.rows) {
      const dep = String(r.departement);
      (byDepartment.get(dep) ?? byDepartment.set(dep, new Set()).get(dep)!).add(String(r.enfant));
      const caf = cafDepartment.get(`${r.enfant}|${String(r.fin).slice(0, 4)}`);
      if (caf !== undefined && caf !== dep) (discordant.get(dep) ?? discordant.set(dep, new Set()).get(dep)!).add(String(r.enfant));
    }
    for (const [dep, kids] of [...byDepartment].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const other of ['mediation', 'rencontre', 'justice', 'caf'].filter((s) => s !== f.source)) {
        const known = children.get(other) ?? new Set<string>();
        const found = [...kids].filter((k) => known.has(k)).length;
        rows.push({ mesure: 'appariement', source: f.source, autre_source: other, departement: dep, annee: f.year, valeur: Math.round((1000 * found) / kids.size) / 10 });
      }
      const caf = children.get('caf') ?? new Set<string>();
      rows.push({ mesure: 'inconnus_caf', source: f.source, autre_source: 'caf', departement: dep, annee: f.year, valeur: [...kids].filter((k) => !caf.has(k)).length });
      rows.push({ mesure: 'departements_discordants', source: f.source, autre_source: 'caf', departement: dep, annee: f.year, valeur: discordant.get(dep)?.size ?? 0 });
    }
  }
  return { rows };
}

/** The survey's ended mediations and measures per department against the follow-up's, for the survey years. */
export function reconcile(files: readonly SuiviFile[], surveys: readonly { year: number; mediation: readonly MediationRow[]; rencontre: readonly RencontreRow[] }[]): Reconciliation[] {
  const out: Reconciliation[] = [];
  for (const { year, mediation, rencontre } of surveys) {
    for (const scheme of ['mediation', 'rencontre'] as const) {
      const followed = new Map<string, Set<string>>();
      for (const f of files) {
        if (f.source !== scheme || f.year !== year) continue;
        const unit = scheme === 'mediation' ? 'service' : 'structure';
        for (const r of f.rows) {
          const dep = String(r.departement);
          (followed.get(dep) ?? followed.set(dep, new Set()).get(dep)!).add(`${r.famille}|${r[unit]}|${r.fin}`);
        }
      }
      const survey = new Map<string, number>();
      if (scheme === 'mediation') for (const r of mediation) survey.set(r.departement, (survey.get(r.departement) ?? 0) + r.terminees_conventionnelles + r.terminees_judiciaires);
      else for (const r of rencontre) survey.set(r.departement, (survey.get(r.departement) ?? 0) + r.fin_exercice_autonome + r.fin_interrompue + r.fin_autre);
      for (const dep of [...followed.keys()].sort()) {
        const enquete = survey.get(dep) ?? 0;
        const suivi = followed.get(dep)!.size;
        const ecart = suivi - enquete;
        out.push({ annee: year, dispositif: scheme, departement: dep, enquete, suivi, ecart, dans_tolerance: Math.abs(ecart) <= Math.max(TOLERANCE.absolute, TOLERANCE.relative * enquete) });
      }
    }
  }
  return out;
}
