import { barChart, LABEL_LINE, wrapLabel } from '../../src/render/charts.ts';
import { renderMessages as m } from '../../src/render/messages.ts';
import { escapeHtml } from '../../src/render/format.ts';
import { cleanSvg, FRENCH, vegaLiteToSvg } from '../../src/render/svg.ts';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { createRng } from '../../src/sample/prng.ts';

describe('cleanSvg', () => {
  it('renumbers ids and their references per chart', () => {
    const svg = '<svg><defs><clipPath id="clip7"><rect/></clipPath></defs><g clip-path="url(#clip7)"></g></svg>';
    expect(cleanSvg(svg, 'c')).toBe('<svg><defs><clipPath id="c-1"><rect/></clipPath></defs><g clip-path="url(#c-1)"></g></svg>');
  });

  it('drops invisible text', () => {
    expect(cleanSvg('<svg><text opacity="0">12</text><text opacity="1">34</text></svg>', 'c')).toBe('<svg><text opacity="1">34</text></svg>');
  });

  it.each([
    '<svg><script>alert(1)</script></svg>',
    '<svg><foreignObject></foreignObject></svg>',
    '<svg><rect onclick="x()"/></svg>',
    '<svg><image href="http://example.org/x.png"/></svg>',
    '<svg><!-- 987654 --></svg>',
    '<svg><rect data-value="987654"/></svg>',
    '<svg><metadata>987654</metadata></svg>',
    '<svg><style>rect { fill: red }</style></svg>',
  ])('refuses anything but drawing: %s', (svg) => {
    expect(() => cleanSvg(svg, 'c')).toThrow();
  });
});

describe('barChart', () => {
  const bars = [
    { label: 'Accord écrit', shown: { kind: 'value' as const, value: 6512 } },
    { label: 'Accord oral', shown: { kind: 'secret' as const } },
    { label: 'Sans accord', shown: { kind: 'value' as const, value: 3571 } },
  ];

  it('draws published bars only and names the suppressed ones under the chart', async () => {
    const html = await barChart({ id: 'g-1', title: 'Issue', decimals: 0, bars });
    const svg = html.match(/<svg[\s\S]*<\/svg>/)![0];
    expect(svg).toContain('>Accord écrit<');
    expect(svg).toContain('>6\u202f512<');
    expect(svg).not.toContain('Accord oral');
    expect(html).toContain(m.chartSuppressed(['Accord oral']));
    expect(svg).not.toMatch(/<script|<foreignObject/);
  });

  it('is the same string twice (ids do not depend on how many charts came before)', async () => {
    const a = await barChart({ id: 'g-1', title: 'Issue', decimals: 0, bars });
    await barChart({ id: 'g-2', title: 'Autre', decimals: 0, bars });
    expect(await barChart({ id: 'g-1', title: 'Issue', decimals: 0, bars })).toBe(a);
  });

  it('writes the figure of a negative bar after zero, off the dark bar, where a zero bar\'s figure stands', async () => {
    const html = await barChart({
      id: 'g-6',
      title: 'Évolution',
      decimals: 0,
      bars: [{ label: 'Baisse', shown: { kind: 'value', value: -5 } }, { label: 'Stable', shown: { kind: 'value', value: 0 } }, { label: 'Hausse', shown: { kind: 'value', value: 10 } }],
    });
    const svg = html.match(/<svg[\s\S]*<\/svg>/)![0];
    // the bars' figures (start-anchored, the axis ticks are centred)
    const xOf = (text: string) => Number(svg.match(new RegExp(`<text text-anchor="start" transform="translate\\(([-\\d.]+),[^"]*"[^>]*>${text}</text>`))![1]);
    expect(xOf('-5')).toBeCloseTo(xOf('0'), 6);
    expect(xOf('10')).toBeGreaterThan(xOf('0'));
  });

  it('draws the bar of the figure shown: a change printed « 0,0 » is drawn as zero', async () => {
    const chart = (stable: number) =>
      barChart({ id: 'g-7', title: 'Évolution', decimals: 1, bars: [{ label: 'Stable', shown: { kind: 'value', value: stable } }, { label: 'Hausse', shown: { kind: 'value', value: 2 } }] });
    expect(await chart(0.04)).toBe(await chart(0));
    expect(await chart(0.06)).not.toBe(await chart(0));
  });

  it('names the territories shown by a mark, which have no bar either', async () => {
    const html = await barChart({
      id: 'g-5',
      title: 'Attente',
      decimals: 0,
      bars: [{ label: 'Paris', shown: { kind: 'value', value: 26 } }, { label: 'Yonne', shown: { kind: 'missing', mark: '-' } }, { label: 'Mayotte', shown: { kind: 'missing', mark: 'nd' } }],
    });
    const svg = html.match(/<svg[\s\S]*<\/svg>/)![0];
    expect(svg).not.toContain('Yonne');
    expect(html).toContain(escapeHtml(m.chartMarked('-', ['Yonne'])));
    expect(html).toContain(escapeHtml(m.chartMarked('nd', ['Mayotte'])));
  });

  it('wraps a long label on several lines instead of cutting it', async () => {
    const long = 'Départements sans service de médiation familiale ni espace de rencontre';
    const html = await barChart({ id: 'g-4', title: 'Couverture', decimals: 0, bars: [{ label: long, shown: { kind: 'value', value: 12 } }, ...bars] });
    const svg = html.match(/<svg[\s\S]*<\/svg>/)![0];
    // a line is a text element's content or, for a label of several lines, one of its tspans
    const texts = [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]+)<\/(?:text|tspan)>/g)].map((t) => t[1]);
    expect(texts.join(' ')).not.toContain('…');
    // every word of the label is drawn, in order, across lines of at most LABEL_LINE characters
    const lines = texts.filter((t) => long.includes(t) && t.length > 1);
    expect(lines.join(' ')).toBe(long);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(LABEL_LINE);
    // the accessible description keeps the label whole
    expect(html).toContain(`Couverture. Valeurs représentées : ${long} : 12 ;`);
  });

  it('wraps at spaces, keeps a word longer than a line whole, and leaves short labels alone', () => {
    expect(wrapLabel('Accord écrit')).toEqual(['Accord écrit']);
    expect(wrapLabel('Mesures dans un contexte de violences conjugales')).toEqual(['Mesures dans un contexte de violences', 'conjugales']);
    const word = 'x'.repeat(LABEL_LINE + 5);
    expect(wrapLabel(`a ${word} b`)).toEqual(['a', word, 'b']);
    for (const line of wrapLabel('un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze')) expect(line.length).toBeLessThanOrEqual(LABEL_LINE);
  });

  it('says so when nothing can be drawn', async () => {
    const html = await barChart({ id: 'g-3', title: 'Tout masqué', decimals: 0, bars: [{ label: 'A', shown: { kind: 'secret' } }] });
    expect(html).not.toContain('<svg');
    expect(html).toContain(m.chartEmpty());
  });
});

describe('vegaLiteToSvg', () => {
  const spec = (values: { libelle: string; valeur: number }[]): vl.TopLevelSpec => ({
    width: 300,
    height: { step: 20 },
    data: { values },
    mark: 'bar',
    encoding: { y: { field: 'libelle', type: 'nominal', sort: null }, x: { field: 'valeur', type: 'quantitative', axis: { tickCount: 4 } } },
  });
  const fresh = async (s: vl.TopLevelSpec, id: string) => {
    const view = new vega.View(vega.parse(vl.compile(s).spec), { renderer: 'none', locale: FRENCH });
    try {
      return cleanSvg(await view.toSVG(), id);
    } finally {
      view.finalize();
    }
  };

  it('draws, through the view it keeps per shape, the SVG a new view draws — in sequence and side by side', async () => {
    const rng = createRng(8);
    const charts = Array.from({ length: 60 }, () =>
      spec(Array.from({ length: rng.int(1, 8) }, (_, i) => ({ libelle: `L${rng.int(0, 9)}-${i}`, valeur: rng.chance(0.2) ? rng.int(0, 3) : rng.int(0, 5000) }))),
    );
    const expected = await Promise.all(charts.map((c, k) => fresh(c, `v-${k}`)));
    for (let k = 0; k < charts.length; k++) expect(await vegaLiteToSvg(charts[k], `v-${k}`)).toBe(expected[k]);
    expect(await Promise.all(charts.map((c, k) => vegaLiteToSvg(c, `v-${k}`)))).toEqual(expected);
  });
});
