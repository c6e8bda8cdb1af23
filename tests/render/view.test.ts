import { sealProtected } from '../../src/protect/protected-table.ts';
import { render } from '../../src/render/index.ts';
import { tableView, partCodes } from '../../src/render/view.ts';
import { fixturePublication, smallGeography } from './fixtures.ts';

const publication = fixturePublication(smallGeography);
const byId = (id: string) => publication.tables.find((t) => t.meta.id === id)!;

describe('tableView', () => {
  it('shows a published cell with its value and a suppressed one without it', () => {
    const table = byId('med-terminees-issue');
    const view = tableView(table);
    let secrets = 0;
    for (const cell of table.table.cells) {
      const shown = view.shown(cell.codes[0], cell.codes[1]);
      if (cell.status === 's') expect(shown).toEqual({ kind: 'value', value: cell.value });
      else {
        expect(shown).toEqual({ kind: 'secret' });
        expect(Object.values(shown)).not.toContain(cell.value);
        secrets++;
      }
    }
    expect(secrets).toBeGreaterThan(0);
  });

  it('orders codes as the publication says, total last and excluded from the parts', () => {
    const view = tableView(byId('med-terminees-cadre'));
    expect(view.codes).toEqual(['conventionnelle', 'judiciaire', 'ENS']);
    expect(view.total).toBe('ENS');
    expect(partCodes(view)).toEqual(['conventionnelle', 'judiciaire']);
    expect(tableView(byId('med-activite')).total).toBeNull();
  });

  it('reads an absent cell as a published zero, and shows the publication\'s mark where it has one, never over a secret', () => {
    expect(tableView(byId('er-attente')).shown('75', 'familles_attente')).toEqual({ kind: 'value', value: 0 });
    const table = byId('croise-taux');
    const secret = table.table.cells.find((c) => c.status !== 's')!;
    const published = table.table.cells.find((c) => c.status === 's')!;
    const marked = {
      ...table,
      marks: new Map([
        [`75\u0001delai_median_jours`, '///' as const],
        [`${published.codes[0]}\u0001${published.codes[1]}`, 'nd' as const],
        [`${secret.codes[0]}\u0001${secret.codes[1]}`, 'nd' as const],
      ]),
    };
    const view = tableView(marked);
    expect(view.shown('75', 'delai_median_jours')).toEqual({ kind: 'missing', mark: '///' });
    expect(view.shown(published.codes[0], published.codes[1])).toEqual({ kind: 'missing', mark: 'nd' });
    expect(view.shown(secret.codes[0], secret.codes[1])).toEqual({ kind: 'secret' });
  });

  it('gives a code its own decimals where the catalogue does (ETP)', () => {
    const view = tableView(byId('med-moyens'));
    expect(view.decimals('etp_mediateurs')).toBe(1);
    expect(view.decimals('services')).toBe(0);
  });

  it('labels codes and territories from the publication, falling back to the code', () => {
    const view = tableView(byId('er-mesures-nature'));
    expect(view.label('ENS')).toBe(byId('er-mesures-nature').labels.nature.ENS);
    expect(view.geoLabel('69')).toBe('Rhône');
    expect(view.label('inconnu')).toBe('inconnu');
  });
});

describe('a table over territories only', () => {
  const base = byId('er-violences');
  const geoOnly = {
    ...base,
    meta: { ...base.meta, id: 'test-geo-seul' },
    table: sealProtected(['geo'], [
      { codes: ['FR'], value: 42, contributors: 9, status: 's' },
      { codes: ['01'], value: 3, contributors: 1, status: 'u' },
    ]),
    order: {},
  };

  it('has one unnamed column labelled by its unit', () => {
    const view = tableView(geoOnly);
    expect(view.dimension).toBeNull();
    expect(view.codes).toEqual(['']);
    expect(view.label('')).toBe(base.meta.unit);
    expect(view.shown('FR', '')).toEqual({ kind: 'value', value: 42 });
    expect(view.shown('01', '')).toEqual({ kind: 'secret' });
  });

  it('renders in the report and the workbooks', async () => {
    const publication = { ...fixturePublication(smallGeography), tables: [geoOnly] };
    const files = await render(publication, { latest: true, generatedAt: null });
    expect(files[0].content).toContain('id="t-test-geo-seul"');
    expect(files.length).toBe(1 + 2 + 3);
  });
});
