import { readFileSync } from 'node:fs';
import { buildGeography, DEPARTMENT_COUNT, loadGeography, REFERENCE_FILES, type ReferenceTexts } from '../../src/ingest/geography.ts';
import { geographyMessages as m } from '../../src/ingest/messages.ts';

const DIR = 'data-raw/reference';
const shipped: ReferenceTexts = {
  departements: readFileSync(`${DIR}/departements.csv`, 'utf8'),
  region: readFileSync(`${DIR}/region.csv`, 'utf8'),
  courAppel: readFileSync(`${DIR}/cour-appel.csv`, 'utf8'),
};
const withoutLine = (text: string, startsWith: string) =>
  text.split('\n').filter((line) => !line.startsWith(startsWith)).join('\n');

describe('loadGeography on the shipped reference', () => {
  const geography = loadGeography(DIR);

  it('has 101 departments in two hierarchies that do not nest', () => {
    expect(geography.departments).toHaveLength(DEPARTMENT_COUNT);
    expect(geography.regions).toHaveLength(18);
    expect(geography.courts).toHaveLength(34);
    const hautesAlpes = geography.departments.find((d) => d.code === '05');
    expect(hautesAlpes).toMatchObject({ region: 'R93', court: 'CA-GRENOBLE' });
  });

  it('keeps codes as strings and leaves out overseas collectivities', () => {
    const codes = geography.departments.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['01', '2A', '2B', '976']));
    expect(codes).not.toContain('975');
  });

  it('has one edge per department, per area and per zone in each hierarchy, areas under the two zones', () => {
    for (const edges of [geography.regionHierarchy, geography.courtHierarchy]) {
      const children = edges.map((e) => e.child);
      expect(new Set(children).size).toBe(children.length);
      for (const d of geography.departments) expect(children).toContain(d.code);
      expect(edges.filter((e) => e.parent === 'FR').map((e) => e.child)).toEqual(['FRM', 'DROM']);
    }
    expect(geography.courtHierarchy.filter((e) => e.parent === 'FRM')).toHaveLength(30);
    expect(geography.courtHierarchy.filter((e) => e.parent === 'DROM').map((e) => e.child)).toEqual(['CA-BASSE-TERRE', 'CA-CAYENNE', 'CA-FORT-DE-FRANCE', 'CA-SAINT-DENIS']);
    expect(geography.regionHierarchy.filter((e) => e.parent === 'DROM').map((e) => e.child)).toEqual(['R01', 'R02', 'R03', 'R04', 'R06']);
  });

  it('puts the five overseas departments, and only them, in the DROM; metropolitan areas come first', () => {
    expect(geography.zones).toEqual([
      { code: 'FRM', name: 'France métropolitaine' },
      { code: 'DROM', name: "Départements et régions d'outre-mer" },
    ]);
    const drom = geography.departments.filter((d) => d.zone === 'DROM').map((d) => d.code);
    expect(drom).toEqual(['971', '972', '973', '974', '976']);
    expect(geography.departments.filter((d) => d.zone === 'FRM')).toHaveLength(96);
    expect(geography.regions.slice(0, 2).map((r) => r.code)).toEqual(['R11', 'R24']);
    expect(geography.regions.slice(-5).map((r) => r.code)).toEqual(['R01', 'R02', 'R03', 'R04', 'R06']);
    expect(geography.courts.slice(-4).map((r) => r.code)).toEqual(['CA-BASSE-TERRE', 'CA-CAYENNE', 'CA-FORT-DE-FRANCE', 'CA-SAINT-DENIS']);
  });

  it('sums populations up both hierarchies to the same national total', () => {
    const total = geography.departments.reduce((sum, d) => sum + d.population, 0);
    expect(geography.population.FR).toBe(total);
    expect(geography.regions.reduce((sum, r) => sum + geography.population[r.code], 0)).toBe(total);
    expect(geography.courts.reduce((sum, c) => sum + geography.population[c.code], 0)).toBe(total);
    expect(geography.population.FRM + geography.population.DROM).toBe(total);
    expect(geography.labels.FR).toBe('France');
    expect(geography.labels['CA-AIX-EN-PROVENCE']).toBe("Cour d'appel d'Aix-en-Provence");
  });
});

describe('buildGeography refuses a broken reference with a French message', () => {
  it('a department missing from a hierarchy', () => {
    const texts = { ...shipped, courAppel: withoutLine(shipped.courAppel, '69,') };
    expect(() => buildGeography(texts)).toThrow(m.departmentMissing(REFERENCE_FILES.courAppel, '69'));
  });

  it.each([['', 'empty'], ['0', 'zero'], ['1,9 M', 'not a whole number']])('a population %j (%s): every rate per inhabitant would be wrong', (value) => {
    const line = shipped.departements.split('\n').find((l) => l.startsWith('69,'))!;
    const cells = line.split(',');
    const at = shipped.departements.split('\n')[0].split(',').indexOf('population_municipale');
    const broken = [...cells.slice(0, at), value.includes(',') ? `"${value}"` : value, ...cells.slice(at + 1)].join(',');
    const texts = { ...shipped, departements: shipped.departements.replace(line, broken) };
    expect(() => buildGeography(texts)).toThrow(m.badPopulation(REFERENCE_FILES.departements, '69', value));
  });

  it('a department missing from the list', () => {
    const texts = { ...shipped, departements: withoutLine(shipped.departements, '69,') };
    expect(() => buildGeography(texts)).toThrow(m.departmentCount(DEPARTMENT_COUNT - 1, DEPARTMENT_COUNT));
  });

  it('a cycle', () => {
    const region = shipped.region.replace('R84,Auvergne-Rhône-Alpes,FRM', 'R84,Auvergne-Rhône-Alpes,01');
    expect(() => buildGeography({ ...shipped, region })).toThrow(m.cycle(REFERENCE_FILES.region, 'R84'));
  });

  it('a second root', () => {
    const region = shipped.region.replace('R84,Auvergne-Rhône-Alpes,FRM', 'R84,Auvergne-Rhône-Alpes,');
    expect(() => buildGeography({ ...shipped, region })).toThrow(m.roots(REFERENCE_FILES.region, ['FR', 'R84']));
  });

  it('a department with two parents', () => {
    const courAppel = `${shipped.courAppel}01,Ain,CA-PARIS\n`;
    expect(() => buildGeography({ ...shipped, courAppel })).toThrow(m.duplicateChild(REFERENCE_FILES.courAppel, '01'));
  });

  it('a region straight under FR, without its zone', () => {
    const region = shipped.region.replace('R84,Auvergne-Rhône-Alpes,FRM', 'R84,Auvergne-Rhône-Alpes,FR');
    expect(() => buildGeography({ ...shipped, region })).toThrow(m.wrongDepth(REFERENCE_FILES.region, '01'));
  });

  it('a court in the other zone than the region of one of its departments: the zones would not nest', () => {
    const courAppel = shipped.courAppel.replace("CA-CAYENNE,Cour d'appel de Cayenne,DROM", "CA-CAYENNE,Cour d'appel de Cayenne,FRM");
    expect(() => buildGeography({ ...shipped, courAppel })).toThrow(m.zoneMismatch('973', 'DROM', 'FRM'));
  });

  it('zones named differently in the two files', () => {
    const courAppel = shipped.courAppel.replace('FRM,France métropolitaine,FR', 'FRM,Métropole,FR');
    expect(() => buildGeography({ ...shipped, courAppel })).toThrow(/zones de « region.csv » .* doivent être les mêmes/);
  });

  it('an unknown parent', () => {
    const courAppel = shipped.courAppel.replace('01,Ain,CA-LYON', '01,Ain,CA-NULLEPART');
    expect(() => buildGeography({ ...shipped, courAppel })).toThrow(m.unknownParent(REFERENCE_FILES.courAppel, '01', 'CA-NULLEPART'));
  });
});
