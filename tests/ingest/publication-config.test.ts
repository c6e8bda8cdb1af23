/**
 * The catalogue and rule sets: the committed files load, carry every table of the shared contract with
 * its codes, and bad files fail with the messages module's sentences.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ruleBounds } from '../../src/protect/messages.ts';
import { loadPublicationConfig, parsePublicationConfig, parsePublisher } from '../../src/ingest/publication-config.ts';
import { configMessages } from '../../src/indicators/messages.ts';
import { changeOf } from '../../src/indicators/crossed.ts';

const dir = join(import.meta.dirname, '..', '..', 'pipelines', 'config');
const config = loadPublicationConfig(dir);

/** The table ids and second-dimension codes agreed with the renderers (issue 4). */
const contract: Record<string, string[]> = {
  'med-terminees-cadre': ['conventionnelle', 'judiciaire'],
  'med-terminees-issue': ['accord_ecrit', 'accord_oral', 'sans_accord', 'interrompue'],
  'med-terminees-conflit': ['separation', 'intergenerationnel', 'autre'],
  'med-terminees-duree': ['moins_3_mois', '3_6_mois', 'plus_6_mois'],
  'med-activite': ['reunions_information', 'entretiens_prealables', 'seances'],
  'med-moyens': ['services', 'etp_mediateurs', 'mediateurs', 'lieux_accueil'],
  'med-financement': ['caf', 'justice', 'msa', 'collectivites', 'familles', 'autre'],
  'er-accueil': ['structures', 'familles', 'enfants', 'rencontres'],
  'er-mesures-origine': ['jaf', 'je', 'cour_appel', 'conventionnelle_autre'],
  'er-mesures-nature': ['visites', 'remises'],
  'er-mesures-fin': ['exercice_autonome', 'interrompue', 'autre'],
  'er-violences': ['mesures_violences'],
  'er-attente': ['familles_attente', 'delai_median_jours'],
  'er-financement': ['caf', 'justice', 'departement', 'msa', 'autre'],
  'croise-taux': ['mediations_100k', 'enfants_er_100k', 'etp_100k', 'part_judiciaire', 'taux_accord', 'part_exercice_autonome'],
  'croise-couverture': ['departements', 'sans_mediation', 'sans_er', 'sans_aucun'],
  'croise-evolution': [
    'mediations_terminees',
    'reunions_information',
    'entretiens_prealables',
    'seances',
    'services',
    'etp_mediateurs',
    'mediateurs',
    'lieux_accueil',
    'financement_mediation',
    'structures_er',
    'familles_er',
    'enfants_er',
    'rencontres_er',
    'mesures_nouvelles',
    'mesures_terminees',
    'mesures_violences',
    'familles_attente',
    'delai_median_jours',
    'financement_er',
    'mediations_100k',
    'enfants_er_100k',
    'etp_100k',
    'part_judiciaire',
    'taux_accord',
    'part_exercice_autonome',
  ],
  'croise-reponse': ['med_connus', 'med_repondants', 'med_taux', 'er_connus', 'er_repondants', 'er_taux'],
};

describe('publication config', () => {
  it('gives a change in points exactly to the shares and rates in %, and in % to every level', () => {
    const unitOf = (id: string, code: string) => {
      const t = config.tables.find((x) => x.id === id)!;
      return t.dimension.codes.find((c) => c.code === code)?.unit ?? t.unit;
    };
    const evolution = config.tables.find((t) => t.id === 'croise-evolution')!;
    for (const c of evolution.dimension.codes) {
      const recipe = changeOf(c, evolution.id);
      const inPercent = unitOf(recipe.source.table, recipe.source.code) === 'En %';
      expect({ code: c.code, change: recipe.change, unit: c.unit }).toEqual({ code: c.code, change: inPercent ? 'points' : 'percent', unit: inPercent ? 'En points de %' : 'En %' });
    }
  });

  it('lists every contract table with its codes, numbered 1…n', () => {
    expect(Object.fromEntries(config.tables.map((t) => [t.id, t.dimension.codes.map((c) => c.code)]))).toEqual(contract);
    expect(config.tables.map((t) => t.number)).toEqual(config.tables.map((_, i) => i + 1));
  });

  it('gives the breakdown tables the total ENS', () => {
    for (const t of config.tables.filter((t) => t.kind === 'cube')) expect(t.dimension.total).toBe('ENS');
  });

  it('protects counts of people with minValue 5 and amounts with the business rule', () => {
    const { ruleSets } = config.protect;
    expect(ruleSets.personnes.minValue).toBe(5);
    expect(ruleSets.services).toMatchObject({ minFrequency: 3, dominance: { n: 1, k: 85 }, protectionPercent: 10 });
    const rulesOf = (id: string) => config.tables.find((t) => t.id === id)?.ruleSet;
    expect(rulesOf('med-terminees-cadre')).toBe('personnes');
    expect(rulesOf('med-financement')).toBe('services');
    expect(rulesOf('er-financement')).toBe('services');
    expect(config.protect.medianMinStructures).toBe(3);
  });

  it('links the four breakdowns of ended mediations, which share their totals', () => {
    expect(config.tables.filter((t) => t.link === 'med-terminees').map((t) => t.id)).toEqual([
      'med-terminees-cadre',
      'med-terminees-issue',
      'med-terminees-conflit',
      'med-terminees-duree',
    ]);
  });

  const tablesText = JSON.stringify({ tables: config.tables });
  const protectText = JSON.stringify(config.protect);
  const protectFile = config.protect;
  const withRuleSet = (name: string, rules: object) => JSON.stringify({ ...protectFile, ruleSets: { ...protectFile.ruleSets, [name]: { label: 'jeu de test', ...rules } } });

  it('rejects a duplicate table id', () => {
    const twice = JSON.stringify({ tables: [...config.tables, config.tables[0]] });
    expect(() => parsePublicationConfig(twice, protectText)).toThrow(configMessages.duplicateId(config.tables[0].id));
  });

  it('rejects a rule set absent from protect.json', () => {
    const tables = config.tables.map((t) => (t.id === 'med-financement' ? { ...t, ruleSet: 'inconnu' } : t));
    expect(() => parsePublicationConfig(JSON.stringify({ tables }), protectText)).toThrow(configMessages.unknownRuleSet('med-financement', 'inconnu'));
  });

  it('names the file and the place of a schema error', () => {
    const tables = config.tables.map((t, i) => (i === 2 ? { ...t, decimals: -1 } : t));
    expect(() => parsePublicationConfig(JSON.stringify({ tables }), protectText)).toThrow(configMessages.invalid('tables.json', 'tables.2.decimals', '').slice(0, -1));
  });

  it('refuses a misspelt key instead of dropping it (a rule lost to a typo would publish what it should hide), in French', () => {
    const typo = withRuleSet('services', { minFrequence: 3 });
    expect(() => parsePublicationConfig(tablesText, typo)).toThrow(/^Configuration de la publication : « protect\.json », ruleSets\.services : Clé non reconnue : "minFrequence"/);
    const tables = config.tables.map((t, i) => (i === 0 ? { ...t, ruleset: 'personnes' } : t));
    expect(() => parsePublicationConfig(JSON.stringify({ tables }), protectText)).toThrow(/tables\.0 : Clé non reconnue : "ruleset"/);
  });

  it('fails closed: a measure without aggregate, or counting persons under a rule set without primary rule, is refused', () => {
    const withCode = (id: string, code: string, change: object) =>
      config.tables.map((t) => (t.id === id ? { ...t, dimension: { ...t.dimension, codes: t.dimension.codes.map((c) => (c.code === code ? { ...c, ...change } : c)) } } : t));
    // no aggregate: it used to skip the rule-set check and fall to the public set (no rule at all)
    const { aggregate: _a, ...seances } = config.tables.find((t) => t.id === 'med-activite')!.dimension.codes.find((c) => c.code === 'seances')!;
    const noAggregate = config.tables.map((t) => (t.id === 'med-activite' ? { ...t, dimension: { ...t.dimension, codes: t.dimension.codes.map((c) => (c.code === 'seances' ? seances : c)) } } : t));
    expect(() => parsePublicationConfig(JSON.stringify({ tables: noAggregate }), protectText)).toThrow(configMessages.missingAggregate('med-activite', 'seances'));
    // persons counted under the public set (no primary rule)
    expect(() => parsePublicationConfig(JSON.stringify({ tables: withCode('er-accueil', 'enfants', { ruleSet: 'public' }) }), protectText)).toThrow(configMessages.noPrimaryRule('er-accueil', 'enfants', 'public'));
    // a cube under the public set
    const publicCube = config.tables.map((t) => (t.id === 'med-financement' ? { ...t, ruleSet: 'public' } : t));
    expect(() => parsePublicationConfig(JSON.stringify({ tables: publicCube }), protectText)).toThrow(configMessages.noPrimaryRule('med-financement', 'caf', 'public'));
    // a rule set emptied of its rules
    const emptied = withRuleSet('personnes', { protectionPercent: 10 });
    expect(() => parsePublicationConfig(tablesText, emptied)).toThrow(configMessages.noPrimaryRule('med-terminees-cadre', 'conventionnelle', 'personnes'));
    // a derived table's count through the engine: its rule set is checked at load too
    const { ruleSet: _r, ...knownWithoutSet } = config.tables.find((t) => t.id === 'croise-reponse')!.dimension.codes.find((c) => c.code === 'med_connus')!;
    const noSet = config.tables.map((t) => (t.id === 'croise-reponse' ? { ...t, dimension: { ...t.dimension, codes: t.dimension.codes.map((c) => (c.code === 'med_connus' ? knownWithoutSet : c)) } } : t));
    expect(() => parsePublicationConfig(JSON.stringify({ tables: noSet }), protectText)).toThrow(configMessages.missingRuleSet('croise-reponse'));
    expect(() => parsePublicationConfig(JSON.stringify({ tables: withCode('croise-reponse', 'med_connus', { ruleSet: 'inconnu' }) }), protectText)).toThrow(configMessages.unknownRuleSet('croise-reponse', 'inconnu'));
    // counts of services are public facts: no primary rule needed
    expect(() => parsePublicationConfig(tablesText, protectText)).not.toThrow();
  });

  it('refuses a code reading a field its survey does not have (it would publish zeros)', () => {
    const tables = config.tables.map((t) =>
      t.id === 'med-activite' ? { ...t, dimension: { ...t.dimension, codes: t.dimension.codes.map((c) => (c.code === 'seances' ? { ...c, field: 'seance' } : c)) } } : t,
    );
    expect(() => parsePublicationConfig(JSON.stringify({ tables }), protectText)).toThrow(configMessages.unknownField('med-activite', 'seances', 'seance', 'mediation'));
  });

  it('reads $comment and keeps it out of the rules', () => {
    const commented = JSON.stringify({ $comment: 'seuils', ...protectFile, ruleSets: { personnes: { $comment: 'effectifs', ...protectFile.ruleSets.personnes } } });
    const rules = parsePublicationConfig(tablesText.replace(/"ruleSet":"(services|public)"/g, '"ruleSet":"personnes"'), commented).protect.ruleSets.personnes;
    expect(rules).toEqual(config.protect.ruleSets.personnes);
    expect(Object.keys(rules)).not.toContain('$comment');
  });

  it('refuses a rule set without its label: the methodology says what each set applies to', () => {
    const { label: _label, ...unlabelled } = protectFile.ruleSets.personnes;
    const text = JSON.stringify({ ...protectFile, ruleSets: { ...protectFile.ruleSets, personnes: unlabelled } });
    expect(() => parsePublicationConfig(tablesText, text)).toThrow(/« protect\.json », ruleSets\.personnes\.label :/);
    expect(config.protect.ruleSets.personnes.label).toBe('Effectifs de personnes, de familles, d’enfants ou de mesures');
  });

  it('refuses, naming the file and the key, a threshold under which the rule would hide nothing (the one rule-set schema, as SPEC.json)', () => {
    const cases: [object, string, string][] = [
      [{ minValue: 1 }, 'minValue', ruleBounds.minValue],
      [{ minValue: 4.5 }, 'minValue', ruleBounds.minValue],
      [{ minFrequency: 1 }, 'minFrequency', ruleBounds.minFrequency],
      [{ minFrequency: 0 }, 'minFrequency', ruleBounds.minFrequency],
      [{ dominance: { n: 1, k: 100 } }, 'dominance.k', ruleBounds.dominanceK],
      [{ dominance: { n: 0, k: 85 } }, 'dominance.n', ruleBounds.dominanceN],
      [{ pPercent: 0 }, 'pPercent', ruleBounds.pPercent],
      [{ minValue: 5, protectionPercent: 0 }, 'protectionPercent', ruleBounds.protectionPercent],
    ];
    for (const [rules, key, why] of cases) {
      expect(() => parsePublicationConfig(tablesText, withRuleSet('personnes', rules))).toThrow(configMessages.invalid('protect.json', `ruleSets.personnes.${key}`, why));
    }
    // and it accepts the smallest thresholds that still hide something
    const smallest = { minValue: 2, minFrequency: 2, dominance: { n: 1, k: 0.5 }, pPercent: 0.5, protectionPercent: 0.5 };
    expect(parsePublicationConfig(tablesText, withRuleSet('personnes', smallest)).protect.ruleSets.personnes).toEqual({ label: 'jeu de test', ...smallest });
  });

  it('refuses a median over fewer than 3 structures (over two, each would learn the other\'s value)', () => {
    expect(() => parsePublicationConfig(tablesText, JSON.stringify({ ...protectFile, medianMinStructures: 2 }))).toThrow(/« protect\.json », medianMinStructures :/);
  });

  it('fails closed at load: loadPublicationConfig refuses a measure without aggregate in a copy of the configuration', () => {
    const copy = mkdtempSync(join(tmpdir(), 'mfer-config-'));
    try {
      cpSync(dir, copy, { recursive: true });
      const tables = config.tables.map((t) => (t.id === 'er-accueil' ? { ...t, dimension: { ...t.dimension, codes: t.dimension.codes.map(({ aggregate: _a, ...c }) => c) } } : t));
      writeFileSync(join(copy, 'tables.json'), JSON.stringify({ tables }));
      expect(() => loadPublicationConfig(copy)).toThrow(configMessages.missingAggregate('er-accueil', 'structures'));
      // a cube without rule set
      const bare = config.tables.map((t) => {
        if (t.id !== 'med-terminees-cadre') return t;
        const { ruleSet: _r, ...withoutRuleSet } = t;
        return withoutRuleSet;
      });
      writeFileSync(join(copy, 'tables.json'), JSON.stringify({ tables: bare }));
      expect(() => loadPublicationConfig(copy)).toThrow(configMessages.missingRuleSet('med-terminees-cadre'));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('accepts its own output (round trip)', () => {
    const { publisher: _publisher, ...catalogue } = config;
    expect(parsePublicationConfig(tablesText, protectText)).toEqual(catalogue);
  });

  it('reads the publication block, marks the sample fictitious, and refuses a misspelt key or a bad date', () => {
    expect(config.publisher?.producers.length).toBeGreaterThan(0);
    expect(config.publisher?.fictitious).toBe(true);
    const good = { producteurs: ['Cnaf'], contact: 'a@exemple.invalid', date: '2027-01-31', fictif: false };
    expect(parsePublisher(JSON.stringify(good))).toEqual({ producers: ['Cnaf'], contact: 'a@exemple.invalid', date: '2027-01-31', fictitious: false });
    expect(() => parsePublisher(JSON.stringify({ ...good, producteur: 'Cnaf' }))).toThrow(/publication\.json/);
    expect(() => parsePublisher(JSON.stringify({ ...good, date: '31/01/2027' }))).toThrow(/publication\.json », date :/);
  });
});
