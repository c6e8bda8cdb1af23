import { escapeHtml } from '../../src/render/format.ts';
import { choropleth, classBreaks, INNER_RING, pathsBox, NO_DATA, NO_SERVICE, OVERSEAS, PALETTE } from '../../src/render/map.ts';
import { renderMessages as m, signs } from '../../src/render/messages.ts';
import { fullGeography } from './fixtures.ts';

const geography = fullGeography();

describe('classBreaks', () => {
  it('gives up to five ascending quantile bounds ending at the maximum', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(classBreaks(values)).toEqual([20, 40, 60, 80, 100]);
    expect(classBreaks([3, 3, 3])).toEqual([3]);
    expect(classBreaks([])).toEqual([]);
  });
});

describe('choropleth', () => {
  const departments = geography.departments.map((d, i) => ({
    code: d.code,
    name: d.name,
    shown:
      d.code === '2A'
        ? ({ kind: 'secret' } as const)
        : d.code === '976'
          ? ({ kind: 'missing', mark: 'nd' } as const)
          : d.code === '89'
            ? ({ kind: 'missing', mark: '-' } as const)
            : ({ kind: 'value', value: i } as const),
  }));
  const html = choropleth({ id: 'carte', title: 'Taux', decimals: 1, departments });

  it('draws every department once, the overseas ones as labelled insets, each with a title', () => {
    const titles = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((x) => x[1].replace(/&#39;/g, "'"));
    // every department once, and Paris and the inner ring once more in their enlarged inset
    expect(titles.length).toBe(101 + INNER_RING.length);
    for (const code of INNER_RING) expect(titles.filter((t) => t.includes(`(${code}) :`))).toHaveLength(2);
    for (const d of geography.departments) expect(titles.some((t) => t.startsWith(`${d.name} (${d.code}) :`))).toBe(true);
    for (const code of OVERSEAS) expect(html).toContain(`>${escapeHtml(geography.departments.find((d) => d.code === code)!.name)}</text>`);
  });

  it('hatches a secret department, greys one without data, and says so in the legend', () => {
    expect(html).toMatch(/<path d="[^"]*" fill="url\(#carte-hatch\)"[^>]*><title>Corse-du-Sud \(2A\) : s<\/title>/);
    expect(html).toMatch(new RegExp(`<path transform="[^"]*" d="[^"]*" fill="${NO_DATA}"[^>]*><title>Mayotte \\(976\\) : nd</title>`));
    expect(html).toContain(m.map.secret);
    expect(html).toContain(m.map.noData);
  });

  it('draws a department without any service (-) apart from the lowest class and from no data, with its legend item', () => {
    expect(html).toMatch(new RegExp(`<path d="[^"]*" fill="${NO_SERVICE}"[^>]*><title>Yonne \\(89\\) : -</title>`));
    expect(NO_SERVICE).not.toBe(PALETTE[0]);
    expect(NO_SERVICE).not.toBe(NO_DATA);
    // told apart on the legend's small swatches: WCAG contrast ratio of at least 2 between the greys
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect((luminance(NO_SERVICE) + 0.05) / (luminance(NO_DATA) + 0.05)).toBeGreaterThanOrEqual(2);
    expect(html).toContain(escapeHtml(m.map.noService));
    const without = choropleth({ id: 'c2', title: 'Taux', decimals: 1, departments: departments.filter((d) => d.code !== '89') });
    expect(without).not.toContain(escapeHtml(m.map.noService));
    for (const colour of PALETTE) expect(html).toContain(`fill="${colour}"`);
  });

  it('credits the outlines (CC-BY-4.0; IGN, Licence ouverte for the overseas departments)', () => {
    expect(html).toContain('CC-BY-4.0');
    expect(html).toContain('IGN, Admin Express');
  });

  it('draws each overseas department from its outline, at the size of a mid-sized department, in a labelled frame', () => {
    for (const d of departments.filter((x) => /^97/.test(x.code))) {
      const inset = html.match(new RegExp(`<g><rect [^>]*width="(\\d+)" height="(\\d+)"[^>]*/><path transform="translate\\(([\\d.-]+) ([\\d.-]+)\\)" d="(M[^"]+)"[^>]*><title>${d.name} \\(${d.code}\\)[^<]*</title></path><text [^>]*>${d.name}</text></g>`));
      expect([d.code, inset !== null]).toEqual([d.code, true]);
      const box = pathsBox([inset![5]])!;
      // the longer side of the outline: that of a mid-sized metropolitan department (its median is ≈ 64 map units)
      const side = Math.max(box.x1 - box.x0, box.y1 - box.y0);
      expect(side).toBeGreaterThan(50);
      expect(side).toBeLessThan(70);
      // inside its frame
      expect(box.x1 - box.x0).toBeLessThanOrEqual(Number(inset![1]));
      expect(box.y1 - box.y0).toBeLessThanOrEqual(Number(inset![2]));
    }
  });
});

describe('pathsBox', () => {
  it('follows relative moves, and a new subpath from where the last one closed', () => {
    // a unit square at (10, 20), then a second one 5 to its right, relative to the first's start
    expect(pathsBox(['m 10,20 1,0 0,1 -1,0 z m 5,0 1,0 0,1 z'])).toEqual({ x0: 10, y0: 20, x1: 16, y1: 21 });
    expect(pathsBox([])).toBeNull();
  });
});

