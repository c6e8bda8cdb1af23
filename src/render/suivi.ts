/**
 * The cohort-outcome section of the reports (issue 23): for one territory, per scheme, one row per
 * cohort and horizon with the cohort's size and its outcome rates for the whole scheme, `s` where
 * secret, `ns` where the denominator is under the precision threshold. The text says, as the
 * methodology does, that these are outcomes observed after the scheme, not its effects.
 * `followUpPage` wraps it as a page of its own (`reports/<year>/suivi-cohortes.html`).
 *
 * @example
 *   followUpSection(publication, 'FR'); // "<section class=\"suivi\">…"
 */
import type { FollowUpView, LongRow } from '../suivi/publish.ts';
import { escapeHtml, formatNumber } from './format.ts';
import { renderMessages as m, signs } from './messages.ts';
import { publisherBlock } from './publisher.ts';
import type { Publisher } from '../model/publication.ts';
import { htmlPage } from './page.ts';

type Scheme = 'mediation' | 'rencontre';

const text = {
  title: (year: number) => `Suivi de cohortes d'enfants – données ${year}`,
  heading: 'Ce que deviennent les enfants après une médiation ou une mesure en espace de rencontre',
  absent: (territories: readonly string[]) =>
    `Aucun résultat pour ${territories.join(', ')} (« ${signs.missing} » sur toutes les lignes) : ${territories.length > 1 ? 'ces territoires sont' : 'ce territoire est'} hors du champ des fichiers de suivi ; les autres colonnes ne couvrent que les départements de ce champ (voir le champ sous le tableau).`,
  caution: (minDenominator: number) =>
    `Résultats observés à 12 et 24 mois après la fin de la médiation ou de la mesure, et non effets de ces dispositifs : les familles qui y recourent, ou qui parviennent à un accord, diffèrent des autres. s : secret statistique ; ns : moins de ${minDenominator} enfants, taux non significatif ; ${signs.missing} : non disponible (territoire hors du champ des fichiers de suivi, ou résultat non calculé).`,
  scheme: { mediation: 'Médiation familiale', rencontre: 'Espaces de rencontre' } as Record<Scheme, string>,
  columns: {
    cohort: 'Cohorte (année de fin)',
    horizon: 'Horizon (mois)',
    enfants: 'Enfants',
    taux_retour_juge: 'Retour devant le juge (%)',
    taux_exercice_autonome: 'Exercice autonome à la fin (%)',
    taux_autonomie_durable: 'Autonomie durable, 12 mois après la fin (%)',
    taux_asf_avant: 'ASF avant (%)',
    taux_asf_horizon: "ASF à l'horizon (%)",
    taux_intermediation_avant: 'Intermédiation avant (%)',
    taux_intermediation_horizon: "Intermédiation à l'horizon (%)",
  } as Record<string, string>,
};

const SHOWN: Record<Scheme, string[]> = {
  mediation: ['enfants', 'taux_retour_juge', 'taux_asf_avant', 'taux_asf_horizon', 'taux_intermediation_avant', 'taux_intermediation_horizon'],
  rencontre: ['enfants', 'taux_retour_juge', 'taux_exercice_autonome', 'taux_autonomie_durable', 'taux_asf_avant', 'taux_asf_horizon'],
};

const cell = (row: LongRow | undefined) =>
  row === undefined ? signs.missing : typeof row.value === 'number' ? formatNumber(row.value, row.outcome.startsWith('taux_') ? 1 : 0) : row.value;

/** The section's title, as the report's table of contents shows it. */
export const followUpTitle = (): string => text.heading;

/** The section for one territory; empty when nothing is published for it. */
export function followUpSection({ long, minDenominator, champ }: FollowUpView, geo: string): string {
  const parts: string[] = [];
  for (const scheme of ['mediation', 'rencontre'] as const) {
    const rows = long[scheme].filter((r) => r.geo === geo && r.group === 'ensemble');
    if (rows.length === 0) continue;
    const at = new Map(rows.map((r) => [`${r.cohort}|${r.horizon}|${r.outcome}`, r]));
    const keys = [...new Set(rows.map((r) => `${r.cohort}|${r.horizon}`))];
    const head = ['cohort', 'horizon', ...SHOWN[scheme]].map((c) => `<th scope="col">${escapeHtml(text.columns[c])}</th>`).join('');
    const body = keys.map((k) => {
      const [cohort, horizon] = k.split('|');
      return `<tr><th scope="row">${cohort}</th><td>${horizon}</td>${SHOWN[scheme].map((o) => `<td>${escapeHtml(cell(at.get(`${k}|${o}`)))}</td>`).join('')}</tr>`;
    });
    parts.push(`<h3>${escapeHtml(text.scheme[scheme])}</h3>\n<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table></div>`);
  }
  if (parts.length === 0) return '';
  return `<section class="suivi" id="suivi">\n<h2>${escapeHtml(text.heading)}</h2>\n<p>${escapeHtml(text.caution(minDenominator))}</p>\n<p class="champ">${escapeHtml(champ)}</p>\n${parts.join('\n')}\n</section>`;
}

/** The section for France as a page of its own: the producer block (« Données fictives » on the sample) and a link to the report. */
export function followUpPage(view: FollowUpView, year: number, publisher?: Publisher): string {
  const header = [`<h1>${escapeHtml(text.title(year))}</h1>`, `<p class="previous"><a href="index.html">${escapeHtml(m.nationalLink(year))}</a></p>`, publisherBlock(publisher)].join('\n');
  return htmlPage({ title: text.title(year), body: `<header>\n${header}\n</header>\n<main>\n${followUpSection(view, 'FR')}\n</main>` });
}

/** The cohort outcomes for a workbook sheet (laid out by src/render/workbook.ts). */
export interface FollowUpRows {
  heading: string;
  /** Dispositif, cohort, horizon, indicator, then one per territory */
  headers: string[];
  /** per row: its cells, and the decimals of its figures (a rate 1, a count 0) */
  rows: { cells: (string | number)[]; decimals: number }[];
  /** said above the rows: the territories of the workbook without any result (outside the follow-up files) */
  lead: string[];
  notes: string[];
}

/**
 * The cohort outcomes of a departmental workbook: one row per scheme, cohort, horizon and
 * indicator (whole scheme), one column per territory of the workbook (department, region, court of
 * appeal, France); `s`, `ns` as published; undefined when none of these territories has a figure.
 */
export function followUpRows({ long, minDenominator, champ }: FollowUpView, geo: readonly string[], labels: Readonly<Record<string, string>>): FollowUpRows | undefined {
  const rows = (['mediation', 'rencontre'] as const).flatMap((scheme) => {
    const ofScheme = long[scheme].filter((r) => r.group === 'ensemble' && geo.includes(r.geo));
    const at = new Map(ofScheme.map((r) => [`${r.cohort}|${r.horizon}|${r.outcome}|${r.geo}`, r]));
    const keys = [...new Set(ofScheme.map((r) => `${r.cohort}|${r.horizon}`))];
    return keys.flatMap((k) =>
      SHOWN[scheme].map((outcome) => {
        const [cohort, horizon] = k.split('|');
        const figures = geo.map((g) => {
          const r = at.get(`${k}|${outcome}|${g}`);
          return r === undefined ? signs.missing : r.value;
        });
        return { cells: [text.scheme[scheme], Number(cohort), Number(horizon), text.columns[outcome], ...figures], decimals: outcome.startsWith('taux_') ? 1 : 0 };
      }),
    );
  });
  if (rows.length === 0) return undefined;
  const headers = ['Dispositif', text.columns.cohort, text.columns.horizon, 'Indicateur', ...geo.map((g) => labels[g] ?? g)];
  const first = headers.length - geo.length; // the territories' first column
  const empty = geo.filter((_, k) => rows.every((r) => r.cells[first + k] === signs.missing)).map((g) => labels[g] ?? g);
  return {
    heading: text.heading,
    headers,
    rows,
    lead: empty.length > 0 ? [text.absent(empty)] : [],
    notes: [text.caution(minDenominator), champ],
  };
}
