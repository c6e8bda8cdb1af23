import type { EffectRow, ImpactResult } from '../../src/impact/impact.ts';
import { impactMessages } from '../../src/impact/messages.ts';
import { OUTCOMES } from '../../src/impact/rules.ts';
import { impactSection } from '../../src/render/impact.ts';
import { escapeHtml } from '../../src/render/format.ts';

const row = (geo: string, outcome: EffectRow['outcome'], method: EffectRow['method'], effect: number): EffectRow => ({
  geo, cohort: 2023, outcome, method, effect, ciLow: effect - 2.5, ciHigh: effect + 2.5, treated: 1234, compared: 5678, support: 96.4, eValue: 1.71, status: 'published',
});
const insufficient = (geo: string, outcome: EffectRow['outcome']): EffectRow => ({
  geo, cohort: 2023, outcome, method: 'matched', effect: null, ciLow: null, ciHigh: null, treated: null, compared: null, support: null, eValue: null, status: 'insufficient',
});

/** France published; Île-de-France published; Corse below the size rule */
const franceAndOneRegion: ImpactResult = {
  year: 2025,
  cohorts: [2023],
  effects: [
    ...OUTCOMES.flatMap((o, i) => [row('FR', o, 'matched', -6 + i), row('FR', o, 'naive', -9 + i)]),
    ...OUTCOMES.flatMap((o) => [row('R11', o, 'matched', -7.25), row('R11', o, 'naive', -10)]),
    ...OUTCOMES.map((o) => insufficient('R94', o)),
  ],
  survival: {
    cohorts: [2023, 2024],
    steps: [
      { month: 3, treated: { survival: 0.97, low: 0.96, high: 0.98 }, compared: { survival: 0.95, low: 0.94, high: 0.96 } },
      { month: 12, treated: { survival: 0.9, low: 0.88, high: 0.92 }, compared: { survival: 0.85, low: 0.83, high: 0.87 } },
    ],
  },
};
const labels = { FR: 'France', R11: 'Île-de-France', R94: 'Corse' };

describe('the Impact section', () => {
  test('shows what was compared, the effect chart with matched beside naive, the survival chart and the limits', async () => {
    const html = await impactSection(franceAndOneRegion, labels);
    expect(html).toContain(impactMessages.report.title.replaceAll('’', '’'));
    expect((html.match(/<svg/g) ?? []).length).toBe(2);
    expect(html).toContain('id="impact-effets"');
    expect(html).toContain('id="impact-survie"');
    // each outcome's matched and naive estimates appear in the chart's text alternative, French decimals
    for (const o of OUTCOMES) expect(html).toContain(impactMessages.outcome(o).replaceAll("'", '&#39;'));
    expect(html).toContain('-6,0 [-8,5 ; -3,5]');
    expect(html).toContain('-9,0 [-11,5 ; -6,5]');
    expect(html).toContain('96,4 %');
    expect(html).toContain('1,71');
    for (const limit of impactMessages.report.limits) expect(html).toContain(limit.slice(0, 40));
  });

  test('writes every outcome of the effect chart in full, none cut with an ellipsis', async () => {
    const html = await impactSection(franceAndOneRegion, labels);
    const svg = html.match(/<svg[\s\S]*?<\/svg>/)![0];
    expect(svg).not.toContain('…');
    for (const o of OUTCOMES) expect(svg).toContain(`>${escapeHtml(impactMessages.outcomeShort(o))}<`);
  });

  test('writes the survival chart\'s shares the French way (« 95 % »), never « 95% »', async () => {
    const html = await impactSection(franceAndOneRegion, labels);
    const survival = html.slice(html.indexOf('id="impact-survie"'));
    const svg = survival.match(/<svg[\s\S]*?<\/svg>/)![0];
    expect(svg).toMatch(/>\d+\u202f%</);
    expect(svg).not.toMatch(/>\d+%</);
  });

  test('regional effects only where published', async () => {
    const html = await impactSection(franceAndOneRegion, labels);
    expect(html).toContain('Île-de-France');
    expect(html).toContain('-7,3');
    expect(html).not.toContain('Corse');
  });

  test('a year without any published estimate says so and draws no effect chart', async () => {
    const none: ImpactResult = { ...franceAndOneRegion, effects: OUTCOMES.map((o) => insufficient('FR', o)), survival: { cohorts: [], steps: [] } };
    const html = await impactSection(none, labels);
    expect(html).toContain(impactMessages.report.none.slice(0, 30));
    expect(html).not.toContain('<svg');
  });

  test('France with its first outcome withheld: the section states the sizes of the next published one', async () => {
    // the ×10 sample's 2025 run: France's first outcome rests on a secret count, the others are published
    const firstWithheld: ImpactResult = {
      ...franceAndOneRegion,
      effects: [insufficient('FR', OUTCOMES[0]), ...OUTCOMES.slice(1).flatMap((o) => [{ ...row('FR', o, 'matched', -4), treated: 321, compared: 654 }, row('FR', o, 'naive', -5)])],
    };
    const html = await impactSection(firstWithheld, labels);
    expect(html).toContain(impactMessages.report.compared(2023, 321, 654, 96.4).slice(0, 60).replaceAll("'", '&#39;'));
    expect(html).toContain('id="impact-effets"');
  });

  test('the note under the curves quotes the run\'s rule on their steps, not a copy of it', async () => {
    const html = await impactSection(franceAndOneRegion, labels, { survivalRule: { minAtRisk: 20, minEvents: 7 }, champ: 'Champ : essai.' });
    expect(html).toContain('<p class="champ">Champ : essai.</p>');
    expect(html).toContain('au moins 20 enfants suivis');
    expect(html).toContain('sont 0 ou au moins 7 ;');
    expect(html).not.toContain('au moins 11');
  });

  test('the espaces de rencontre chart names the origins it has no curve for', async () => {
    const jafOnly = [{ origin: 'jaf' as const, steps: [{ month: 6, survival: 0.9 }, { month: 12, survival: 0.8 }] }, { origin: 'spontanee' as const, steps: [] }];
    const html = await impactSection(franceAndOneRegion, labels, { rencontre: jafOnly });
    const figure = html.match(/<figure class="chart" id="impact-rencontre">[\s\S]*?<\/figure>/)![0];
    const o = impactMessages.report.origin;
    expect(figure).toContain(escapeHtml(impactMessages.report.pathsAbsent([o.juge_enfants, o.spontanee])));
    const all = await impactSection(franceAndOneRegion, labels, { rencontre: (['jaf', 'juge_enfants', 'spontanee'] as const).map((origin) => ({ origin, steps: jafOnly[0].steps })) });
    expect(all).not.toContain('Sans courbe');
  });
});
