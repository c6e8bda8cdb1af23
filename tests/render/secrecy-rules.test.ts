/**
 * The secrecy rules in words are written from protect.json (src/render/secrecy-rules.ts): a threshold
 * changed in a copy of the configuration changes the methodology of the report, of the workbooks and
 * the rules table of docs/methodology.md; the committed document agrees with the committed configuration.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPublicationConfig } from '../../src/ingest/publication-config.ts';
import type { SecrecyRules } from '../../src/model/publication.ts';
import { renderMessages as m } from '../../src/render/messages.ts';
import { methodologySection } from '../../src/render/methodology.ts';
import { ruleLines, rulesTable, withRulesTable } from '../../src/render/secrecy-rules.ts';
import { fixturePublication, fixtureSecrecy, smallGeography } from './fixtures.ts';

const repo = join(import.meta.dirname, '..', '..');
const configDir = join(repo, 'pipelines', 'config');

/** The configuration of a temporary copy of pipelines/config whose protect.json went through `edit`. */
function editedConfig(edit: (protect: { ruleSets: Record<string, Record<string, unknown>>; medianMinStructures: number }) => void): SecrecyRules {
  const copy = mkdtempSync(join(tmpdir(), 'mfer-rules-'));
  try {
    cpSync(configDir, copy, { recursive: true });
    const protect = JSON.parse(readFileSync(join(copy, 'protect.json'), 'utf8'));
    edit(protect);
    writeFileSync(join(copy, 'protect.json'), JSON.stringify(protect, null, 2));
    return loadPublicationConfig(copy).protect;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

describe('secrecy rules in words', () => {
  it('states the thresholds of the configuration', () => {
    const lines = ruleLines(fixtureSecrecy).join('\n');
    for (const phrase of ['entre 1 et 4', 'moins de 3 services', 'plus de 85 %', 'marge de protection de 10 %', 'à partir de 3 structures', 'faits publics, sans règle']) expect(lines).toContain(phrase);
    expect(ruleLines(fixtureSecrecy)).toHaveLength(Object.keys(fixtureSecrecy.ruleSets).length + 2);
  });

  it('changes with a threshold changed in a copy of protect.json: report, workbook lines and docs table', () => {
    const committed = loadPublicationConfig(configDir).protect;
    const edited = editedConfig((p) => {
      p.ruleSets.personnes.minValue = 11;
      p.ruleSets.personnes.protectionPercent = 15;
      p.ruleSets.services.minFrequency = 4;
      p.ruleSets.services.dominance = { n: 2, k: 70.5 };
      p.medianMinStructures = 5;
    });
    const before = methodologySection({ ...fixturePublication(smallGeography), secrecy: committed }, 'Méthodologie');
    const after = methodologySection({ ...fixturePublication(smallGeography), secrecy: edited }, 'Méthodologie');
    expect(before).toContain('entre 1 et 4');
    expect(after).not.toContain('entre 1 et 4');
    for (const phrase of ['entre 1 et 10', 'moins de 4 services', 'les 2 plus grands services en représentent plus de 70,5 %', 'de 15 % ou de 10 % selon le tableau', 'à partir de 5 structures']) expect(after).toContain(phrase);
    const table = rulesTable(edited);
    expect(table).toContain('`minValue: 11`');
    expect(table).toContain('`dominance: {n: 2, k: 70.5}`');
    expect(table).toContain('`medianMinStructures: 5`');
  });

  it('words every rule and the edge thresholds', () => {
    const lines = ruleLines({
      ruleSets: { a: { label: 'A', minValue: 2 }, b: { label: 'B', minValue: 5, pPercent: 12 }, c: { label: 'C | D', minFrequency: 2 } },
      medianMinStructures: 3,
    });
    expect(lines[0]).toBe(m.methodology.rules.ruleSet('A', m.methodology.rules.smallValuesOnly('égale à 1')));
    expect(lines[1]).toContain('quand sa valeur est comprise entre 1 et 4 ou quand le deuxième service pourrait estimer la part du premier à moins de 12 % près');
    // no protectionPercent: the engine keeps one unit around a withheld cell
    expect(lines[3]).toContain('avec une marge de protection d’une unité.');
    expect(rulesTable({ ruleSets: { c: { label: 'C | D', minFrequency: 2 } }, medianMinStructures: 3 })).toContain('| C \\| D |');
  });

  it('says, under every rule set on services and under no other, that the services\' consents lift those rules', () => {
    // a reader who finds a figure of one service published must find why (the figure is not a breach)
    const lines = ruleLines({
      ruleSets: { a: { label: 'A', minValue: 5 }, b: { label: 'B', minFrequency: 3 }, c: { label: 'C', dominance: { n: 1, k: 85 } }, d: { label: 'D' } },
      medianMinStructures: 3,
    });
    const consent = m.methodology.rules.consent();
    expect(lines.slice(0, 4).map((line) => line.includes(consent))).toEqual([false, true, true, false]);
    expect(consent).toContain('a accepté la publication de ses chiffres');
    const table = rulesTable({ ruleSets: { a: { label: 'A', minValue: 5 }, b: { label: 'B', minFrequency: 3 } }, medianMinStructures: 3 });
    expect(table).toContain(m.methodology.rulesDoc.consent('`b`'));
    expect(rulesTable({ ruleSets: { a: { label: 'A', minValue: 5 } }, medianMinStructures: 3 })).not.toContain('Accord de publication');
  });

  it('refuses a document without the markers of its rules table', () => {
    expect(() => withRulesTable('# Méthodologie\n', rulesTable(fixtureSecrecy), 'm.md')).toThrow(m.methodology.rulesDoc.markersMissing('m.md'));
  });

  it('docs/methodology.md holds the table written from the committed protect.json (else: node_modules/.bin/tsx scripts/methodology-rules.ts)', () => {
    const doc = readFileSync(join(repo, 'docs', 'methodology.md'), 'utf8');
    expect(withRulesTable(doc, rulesTable(loadPublicationConfig(configDir).protect))).toBe(doc);
  });
});
