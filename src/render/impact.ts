/**
 * The "Impact" section of the national report (issue 24), as HTML: what was compared and with whom,
 * the effects as a dot-and-interval chart (matched beside naive, one row per outcome), the survival
 * chart with its bands, the common support and the E-values, regional effects where published, and a
 * plain statement of what the figures cannot say. Only published rows and published survival steps
 * are drawn: an `insufficient` territory has no figure to leak.
 *
 * @example
 *   const html = await impactSection(result, geography.labels); // '<section class="impact" …'
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EffectRow, ImpactResult } from '../impact/impact.ts';
import { impactMessages } from '../impact/messages.ts';
import type { RencontreCurve } from '../impact/rencontre.ts';
import { impactRules, OUTCOMES, type ImpactRules, type Outcome } from '../impact/rules.ts';
import { FONT } from './charts.ts';
import { escapeHtml, formatNumber } from './format.ts';
import { vegaLiteToSvg } from './svg.ts';

const m = impactMessages.report;
/** Okabe–Ito blue and orange: distinguishable by colour-blind readers */
const COLOURS = ['#0072b2', '#e69f00'];

const points = (x: number | null): string => (x === null ? '' : formatNumber(x, 1));
const interval = (e: EffectRow): string => `[${points(e.ciLow)} ; ${points(e.ciHigh)}]`;

/** A share axis written the French way: « 95 % », with a narrow no-break space. */
const PERCENT_AXIS = { format: '.0%', labelExpr: "replace(datum.label, '%', '\u202f%')" };

function pick(effects: readonly EffectRow[], geo: string, cohort: number, outcome: Outcome, method: string): EffectRow | undefined {
  return effects.find((e) => e.geo === geo && e.cohort === cohort && e.outcome === outcome && e.method === method && e.status === 'published');
}

function effectSpec(values: Record<string, unknown>[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 420,
    padding: 12,
    config: { font: FONT, view: { stroke: null }, legend: { labelLimit: 400 } },
    data: { values },
    encoding: {
      y: { field: 'resultat', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } },
      yOffset: { field: 'methode', type: 'nominal', sort: null },
      color: { field: 'methode', type: 'nominal', sort: null, title: null, scale: { range: COLOURS }, legend: { orient: 'bottom' } },
    },
    layer: [
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'bas', type: 'quantitative', title: 'points de pourcentage' }, x2: { field: 'haut' } } },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: { x: { field: 'effet', type: 'quantitative' } } },
      { mark: { type: 'rule', color: '#555', strokeDash: [4, 3] }, data: { values: [{ zero: 0 }] }, encoding: { x: { field: 'zero', type: 'quantitative' }, y: null, yOffset: null, color: null } },
    ],
  } as TopLevelSpec;
}

/** what the two month-by-month curves share: size, padding, fonts, their data */
function curveFrame(values: Record<string, unknown>[]) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 420,
    height: 220,
    padding: { left: 40, top: 12, right: 12, bottom: 12 },
    config: { font: FONT, view: { stroke: null }, legend: { labelLimit: 400 } },
    data: { values },
  };
}

function survivalSpec(values: Record<string, unknown>[]): TopLevelSpec {
  return {
    ...curveFrame(values),
    encoding: {
      x: { field: 'mois', type: 'quantitative', title: 'mois après la fin de l’année de séparation', scale: { domain: [0, 24] } },
      color: { field: 'groupe', type: 'nominal', sort: null, title: null, scale: { range: COLOURS }, legend: { orient: 'bottom' } },
    },
    layer: [
      { mark: { type: 'area', opacity: 0.2, interpolate: 'step-after' }, encoding: { y: { field: 'bas', type: 'quantitative', title: 'part sans retour devant le juge', scale: { zero: false }, axis: PERCENT_AXIS }, y2: { field: 'haut' } } },
      { mark: { type: 'line', interpolate: 'step-after' }, encoding: { y: { field: 'survie', type: 'quantitative', title: 'part sans retour devant le juge', axis: PERCENT_AXIS } } },
    ],
  } as TopLevelSpec;
}

/** lasting autonomy after an autonomous exit, one step line per origin of the measure */
function pathsSpec(values: Record<string, unknown>[]): TopLevelSpec {
  return {
    ...curveFrame(values),
    mark: { type: 'line', interpolate: 'step-after', point: true },
    encoding: {
      x: { field: 'mois', type: 'quantitative', title: 'mois après la fin de la mesure', scale: { domain: [0, 24] } },
      y: { field: 'part', type: 'quantitative', title: 'part en visite autonome durable', scale: { zero: false }, axis: PERCENT_AXIS },
      color: { field: 'origine', type: 'nominal', sort: null, title: null, scale: { range: [...COLOURS, '#009e73'] }, legend: { orient: 'bottom' } },
    },
  } as TopLevelSpec;
}

/** A chart as every chart of the report: numbered title and unit above, notes, Champ and Source under it. */
function figure(id: string, title: string, unit: string, alt: string, svg: string, note: string, champ: string): string {
  const n = note ? `<p class="chart-note">${escapeHtml(note)}</p>` : '';
  const sources = `<p class="chart-source"><b>Champ :</b> ${escapeHtml(champ)}</p><p class="chart-source"><b>Source :</b> ${escapeHtml(m.source)}</p>`;
  return `<figure class="chart" id="${escapeHtml(id)}"><figcaption><span class="chart-title">${escapeHtml(title)}</span><span class="chart-unit">${escapeHtml(unit)}</span></figcaption><div class="chart-svg" role="img" aria-label="${escapeHtml(alt)}">${svg}</div>${n}${sources}</figure>`;
}

function table(header: readonly string[], rows: readonly string[][]): string {
  const th = header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('');
  return `<table class="impact-table"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function counter(): () => number {
  let n = 0;
  return () => ++n;
}

/** The section's title, as the report's table of contents shows it. */
export const impactTitle = (): string => m.title;

/**
 * `labels`: French names of the territory codes (the geography's labels); `rencontre`: the
 * descriptive curves of the espaces de rencontre (published steps only), drawn when one has a step.
 */
export async function impactSection(
  result: ImpactResult,
  labels: Readonly<Record<string, string>>,
  {
    rencontre = [],
    nextChart = counter(),
    survivalRule = impactRules,
    champ,
  }: {
    rencontre?: readonly RencontreCurve[];
    /** the report's chart numbering, continued here (« Graphique 31 – … ») */
    nextChart?: () => number;
    /** the rule on the curves' steps, quoted under them (the run's `impact.json`) */
    survivalRule?: Pick<ImpactRules, 'minAtRisk' | 'minEvents'>;
    /** the departments the follow-up files cover (`FollowUpView.champ`), under the title */
    champ?: string;
  } = {},
): Promise<string> {
  const survivalNote = m.survivalNote(survivalRule.minAtRisk, survivalRule.minEvents);
  const numbered = (title: string) => `Graphique ${nextChart()} – ${title}`;
  const parts: string[] = [`<h2>${escapeHtml(m.title)}</h2>`, ...(champ ? [`<p class="champ">${escapeHtml(champ)}</p>`] : [])];
  const published = result.effects.filter((e) => e.status === 'published' && e.geo === 'FR');
  const cohort = published.length > 0 ? Math.max(...published.map((e) => e.cohort)) : undefined;
  if (cohort === undefined) {
    parts.push(`<p>${escapeHtml(m.none)}</p>`);
  } else {
    // the sizes of the first outcome published for France: an outcome withheld (a secret count) is
    // skipped, and a cohort with naive estimates only has no matched sizes to state
    const first = OUTCOMES.map((outcome) => pick(result.effects, 'FR', cohort, outcome, 'matched')).find((e) => e !== undefined);
    if (first) parts.push(`<p>${escapeHtml(m.compared(cohort, first.treated ?? 0, first.compared ?? 0, first.support))}</p>`);
    const values: Record<string, unknown>[] = [];
    const rows: string[][] = [];
    for (const outcome of OUTCOMES) {
      const matched = pick(result.effects, 'FR', cohort, outcome, 'matched');
      const naive = pick(result.effects, 'FR', cohort, outcome, 'naive');
      for (const e of [matched, naive]) {
        if (e) values.push({ resultat: impactMessages.outcomeShort(outcome), methode: impactMessages.method(e.method), effet: e.effect, bas: e.ciLow, haut: e.ciHigh });
      }
      if (matched) rows.push([impactMessages.outcome(outcome), points(matched.effect), interval(matched), naive ? points(naive.effect) : '', matched.eValue === null ? '' : formatNumber(matched.eValue, 2)]);
    }
    const alt = m.chartAlt(values.map((v) => `${String(v.resultat)}, ${String(v.methode)} : ${points(v.effet as number)} [${points(v.bas as number)} ; ${points(v.haut as number)}]`));
    parts.push(figure('impact-effets', numbered(m.chartTitle(cohort)), m.units.effects, alt, await vegaLiteToSvg(effectSpec(values), 'impact-effets'), m.reading, m.champ));
    parts.push(table(m.tableHeader, rows));
    parts.push(`<p>${escapeHtml(m.evalue)}</p>`);
    const regions = result.effects.filter((e) => e.status === 'published' && e.cohort === cohort && e.method === 'matched' && e.outcome === 'retour_juge' && e.geo !== 'FR');
    if (regions.length > 0) {
      const names = { ...labels, ...impactMessages.territoryLabels };
      parts.push(`<h3>${escapeHtml(m.regionsTitle)}</h3>`);
      parts.push(table(m.regionsHeader, regions.map((e) => [names[e.geo] ?? e.geo, points(e.effect), interval(e), String(e.treated ?? ''), String(e.compared ?? '')])));
    }
  }
  if (result.survival.steps.length > 0) {
    const values = [
      { mois: 0, groupe: m.armTreated, survie: 1, bas: 1, haut: 1 },
      { mois: 0, groupe: m.armCompared, survie: 1, bas: 1, haut: 1 },
      ...result.survival.steps.flatMap((s) => [
        { mois: s.month, groupe: m.armTreated, survie: s.treated.survival, bas: s.treated.low, haut: s.treated.high },
        { mois: s.month, groupe: m.armCompared, survie: s.compared.survival, bas: s.compared.low, haut: s.compared.high },
      ]),
    ];
    const last = result.survival.steps[result.survival.steps.length - 1];
    const alt = m.survivalAlt(`${m.armTreated} ${formatNumber(100 * last.treated.survival, 1)} %, ${m.armCompared} ${formatNumber(100 * last.compared.survival, 1)} % au mois ${last.month}`);
    parts.push(figure('impact-survie', numbered(m.survivalTitle), m.units.survival, alt, await vegaLiteToSvg(survivalSpec(values), 'impact-survie'), survivalNote, m.champ));
  }
  const paths = rencontre.filter((c) => c.steps.length > 0);
  if (paths.length > 0) {
    const values = paths.flatMap((c) => [{ mois: 0, origine: m.origin[c.origin], part: 1 }, ...c.steps.map((s) => ({ mois: s.month, origine: m.origin[c.origin], part: s.survival }))]);
    const alt = m.pathsAlt(paths.map((c) => {
      const last = c.steps[c.steps.length - 1];
      return `${m.origin[c.origin]} ${formatNumber(100 * last.survival, 1)} % au mois ${last.month}`;
    }).join(' ; '));
    parts.push(`<h3>${escapeHtml(m.pathsHeading)}</h3><p>${escapeHtml(m.pathsIntro)}</p>`);
    // an origin without a published step has no curve: said, so no reader takes the chart for all origins
    const absent = (Object.keys(m.origin) as (keyof typeof m.origin)[]).filter((o) => !paths.some((c) => c.origin === o)).map((o) => m.origin[o]);
    const note = absent.length > 0 ? `${survivalNote} ${m.pathsAbsent(absent)}` : survivalNote;
    parts.push(figure('impact-rencontre', numbered(m.pathsTitle), m.units.paths, alt, await vegaLiteToSvg(pathsSpec(values), 'impact-rencontre'), note, m.champPaths));
  }
  parts.push(`<ul class="impact-limits">${m.limits.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
  return `<section class="impact" id="impact">${parts.join('')}</section>`;
}
