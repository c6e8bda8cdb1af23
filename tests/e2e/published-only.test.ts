/**
 * The publication read as its readers read it: a full run on the shipped sample, then
 * - an attacker that reads only the publishable files (tests/e2e/published-attacker.ts) recovers no
 *   withheld cell exactly and narrows no primary cell below its protection interval, in any year;
 * - no publishable file (tables, long tables, HTML pages, every part of every workbook) tells a primary
 *   secret from a secondary one, or names the tool, an internal command or a producer-only path.
 * The audit trail (never published) keeps both kinds; the test reads it only to know the truth.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { annual } from '../../pipelines/annual.ts';
import { loadPublicationConfig } from '../../src/ingest/publication-config.ts';
import { renderMessages } from '../../src/render/messages.ts';
import { ruleLines } from '../../src/render/secrecy-rules.ts';
import { unzipText } from '../render/unzip.ts';
import { attackFollowUp, attackImpact, attackYear, loadPublicKnowledge } from './published-attacker.ts';
import { repoRoot } from './harness.ts';

let dir: string;
let out: string;
let reports: string;
const YEARS = ['2023', '2024', '2025'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mfer-published-'));
  out = join(dir, 'data-out');
  reports = join(dir, 'reports');
  const result = await annual({ input: join(repoRoot, 'data-raw'), out, reports, publication: join(repoRoot, 'pipelines', 'config'), dictionaries: join(repoRoot, 'pipelines', 'config', 'surveys') });
  expect(result.exitCode).toBe(0);
}, 600_000); // one in-process run without workers: 250 s and more on the shared 2-core machine under load
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function files(root: string): string[] {
  const list: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else list.push(path);
    }
  };
  walk(root);
  return list;
}

/** Every publishable file as text: tables/ of each year, and every report (XLSX: each XML part). */
function publishable(): { where: string; text: string }[] {
  const tables = YEARS.flatMap((y) => files(join(out, y, 'tables')));
  return [...tables, ...files(reports)].flatMap((path) =>
    path.endsWith('.xlsx')
      ? [...unzipText(new Uint8Array(readFileSync(path)))].map(([part, text]) => ({ where: `${relative(dir, path)}:${part}`, text }))
      : [{ where: relative(dir, path), text: readFileSync(path, 'utf8') }],
  );
}

describe('an attacker reading only the publishable files', () => {
  const knowledge = loadPublicKnowledge(repoRoot, join(repoRoot, 'data-raw', 'reference'));

  it.each(YEARS)('recovers no withheld cell of %s and narrows no primary cell below its protection interval', async (year) => {
    const { verdicts, secretCells, floorsHold } = await attackYear(out, year, knowledge);
    expect(secretCells).toBeGreaterThan(500); // the attacker did see the year's secret cells
    expect(floorsHold).toBe(true); // the notes say a secret cell is never zero: true
    expect(verdicts.map((v) => `${v.why} ${v.table} ${v.geo} ${v.code} = ${v.value} [${v.lo} ; ${v.hi}]`)).toEqual([]);
  }, 120_000);

  it('finds withheld cells when the long tables tell primary from secondary again (the former status column)', async () => {
    // the same run's 2025 files, with each withheld cell's status put back from the audit trail
    const copy = join(dir, 'with-kinds');
    cpSync(join(out, '2025'), join(copy, '2025'), { recursive: true, dereference: true }); // data-out/<year> is a link into the run's generation
    const truth = new Map<string, string>();
    for (const path of files(join(copy, '2025', 'audit')).filter((p) => p.endsWith('cells.csv'))) {
      const folders = relative(join(copy, '2025', 'audit'), path).split(/[\\/]/);
      const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
      const status = lines[0].split(',').indexOf('status'); // evidence columns follow it (rules, consents…)
      for (const line of lines.slice(1)) {
        const fields = line.split(',');
        const code = folders.length === 3 ? folders[1] : fields[1];
        truth.set(`${folders[0]}|${fields[0]}|${code}`, fields[status]);
      }
    }
    for (const path of files(join(copy, '2025', 'tables')).filter((p) => p.endsWith('.long.csv'))) {
      const table = relative(join(copy, '2025', 'tables'), path).replace(/\.long\.csv$/, '');
      const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
      const rewritten = lines.map((line, i) => {
        const [geo, code, value, status] = line.split(',');
        return i === 0 || status !== 'secret' ? line : [geo, code, value, truth.get(`${table}|${geo}|${code}`) ?? status].join(',');
      });
      writeFileSync(path, rewritten.join('\n') + '\n');
    }
    const { verdicts } = await attackYear(copy, '2025', knowledge);
    expect(verdicts.filter((v) => v.why === 'exact').length).toBeGreaterThan(0);
  }, 120_000);
});

describe('the follow-up tables (issue 23)', () => {
  const knowledge = loadPublicKnowledge(repoRoot, join(repoRoot, 'data-raw', 'reference'));
  const publication = JSON.parse(readFileSync(join(repoRoot, 'pipelines', 'config', 'suivi', 'publication.json'), 'utf8')) as { rules: { protectionPercent: number }; minDenominator: number };

  it('let the attacker recover no withheld count nor narrow a primary one (additive counts by geography and group)', async () => {
    const { verdicts, secretCells } = await attackFollowUp(out, '2025', knowledge, publication.rules.protectionPercent);
    expect(secretCells).toBeGreaterThan(100);
    expect(verdicts.map((v) => `${v.why} ${v.table} ${v.geo} ${v.code} = ${v.value} [${v.lo} ; ${v.hi}]`)).toEqual([]);
  }, 300_000);

  it('publish a rate only with its numerator and denominator, the denominator at least the precision threshold', () => {
    for (const scheme of ['mediation', 'rencontre']) {
      const lines = readFileSync(join(out, '2025', 'tables', `suivi-${scheme}.long.csv`), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
      const value = new Map(lines.map(([geo, cohort, horizon, group, outcome, v]) => [[geo, cohort, horizon, group, outcome].join('|'), v]));
      const rates = lines.filter((l) => l[4].startsWith('taux_') && l[5] !== 's' && l[5] !== 'ns');
      expect(rates.length).toBeGreaterThan(50);
      for (const [geo, cohort, horizon, group, outcome] of rates) {
        const denominator = /^taux_(asf|intermediation|af_partagees)_/.test(outcome) ? 'connus_caf' : 'enfants';
        const numerator = outcome.replace(/^taux_/, '');
        const n = value.get([geo, cohort, horizon, group, numerator].join('|')) ?? '0';
        const d = value.get([geo, cohort, horizon, group, denominator].join('|'));
        expect([outcome, n === 's', d === undefined || d === 's', Number(d) >= publication.minDenominator]).toEqual([outcome, false, false, true]);
      }
    }
  });

  it('leave no pseudonym of any input in any publishable file', () => {
    const pseudonyms = new Set<string>();
    for (const path of files(join(repoRoot, 'data-raw', 'suivi')).filter((p) => /\.csv$/.test(p))) {
      for (const token of readFileSync(path, 'utf8').match(/[A-Z2-7]{16,64}/g) ?? []) pseudonyms.add(token);
    }
    expect(pseudonyms.size).toBeGreaterThan(1000);
    const leaks: string[] = [];
    for (const { where, text } of publishable()) for (const token of text.match(/[A-Z2-7]{16,64}/g) ?? []) if (pseudonyms.has(token)) leaks.push(`${where}: ${token}`);
    expect(leaks).toEqual([]);
  });
});

describe('the publishable files', () => {
  it('give every withheld cell of a long table the same status, of two public values', () => {
    for (const year of YEARS) {
      for (const path of files(join(out, year, 'tables')).filter((p) => p.endsWith('.long.csv'))) {
        const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
        const status = lines[0].split(',').indexOf('status');
        const statuses = new Set(lines.slice(1).map((l) => l.split(',')[status]));
        // the impact table's contract (issue 24) names its withheld rows `insufficient`
        const withheld = path.endsWith('impact-mediation.long.csv') ? 'insufficient' : 'secret';
        expect([...statuses].filter((s) => s !== 'published' && s !== withheld)).toEqual([]);
      }
    }
  });

  it('never tell primary from secondary secrecy, nor name the tool, an internal command or a producer-only path', () => {
    // the methodology explains what `s` covers (both kinds, in words): that sentence may stay
    const explained = [renderMessages.methodology.sMeaning(), ...ruleLines(loadPublicationConfig(join(repoRoot, 'pipelines', 'config')).protect)];
    const texts = publishable();
    expect(texts.length).toBeGreaterThan(1000);
    const hits: string[] = [];
    for (const { where, text } of texts) {
      let rest = text;
      for (const sentence of explained) for (const spelling of [sentence, sentence.replace(/'/g, '&#39;').replace(/’/g, '&#39;')]) rest = rest.split(spelling).join('');
      const found = rest.match(/primaire|secondaire|\bprimary\b|\bsecondary\b|\bmfer\b|npx|data-out|spec\.json|contrib\.csv|cells\.csv/i);
      if (found) hits.push(`${where}: ${found[0]}`);
    }
    expect(hits).toEqual([]);
  });
});

describe('the impact estimates (issue 24)', () => {
  /** region → France métropolitaine or DROM, from the public geography */
  const halves = (): Map<string, string> => {
    const rows = readFileSync(join(repoRoot, 'data-raw', 'reference', 'departements.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    return new Map(rows.map((f) => [`R${f[2]}`, f[0].startsWith('97') ? 'DROM' : 'FRM']));
  };
  const minCount = (JSON.parse(readFileSync(join(repoRoot, 'pipelines', 'config', 'impact.json'), 'utf8')) as { minCount: number }).minCount;

  it('publish France in at least one cohort of the sample, every figure of a published row present', () => {
    const lines = readFileSync(join(out, '2025', 'tables', 'impact-mediation.long.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('geo,cohort,outcome,method,effect,ci_low,ci_high,treated,compared,support,e_value,status');
    const rows = lines.slice(1).map((l) => l.split(','));
    const france = rows.filter((r) => r[0] === 'FR' && r[11] === 'published');
    expect(france.length).toBeGreaterThanOrEqual(2);
    for (const r of france.filter((x) => x[3] === 'matched')) {
      expect(Number(r[7])).toBeGreaterThanOrEqual(200);
      expect(Number(r[8])).toBeGreaterThanOrEqual(200);
    }
    // the run of 2025 estimates cohorts whose 24-month outcomes are observed only
    expect(Math.max(...rows.map((r) => Number(r[1])))).toBeLessThanOrEqual(2023);
    // a withheld row has no figure
    for (const r of rows.filter((x) => x[11] === 'insufficient')) expect(r.slice(4, 11).join('')).toBe('');
  });

  it('let the attacker derive no count of 1 to 10 children from the published estimates (within and between territories)', () => {
    const { learned, verdicts } = attackImpact(out, '2025', halves(), minCount);
    expect(learned).toBeGreaterThan(20); // the attacker did recover counts (sizes, and children with each outcome)
    expect(verdicts).toEqual([]);
  });

  it('catches a remainder of 1 to 10 children when two territories differ by it (the check can fail)', () => {
    const crafted = join(dir, 'crafted');
    mkdirSync(join(crafted, '2025', 'tables'), { recursive: true });
    writeFileSync(join(crafted, '2025', 'tables', 'impact-mediation.long.csv'), [
      'geo,cohort,outcome,method,effect,ci_low,ci_high,treated,compared,support,e_value,status',
      'FR,2023,retour_juge,matched,-5,-8,-2,300,600,100,,published',
      'R93,2023,retour_juge,matched,-5,-8,-2,295,600,100,,published',
    ].join('\n') + '\n');
    expect(attackImpact(crafted, '2025', halves(), minCount).verdicts).toEqual(['2023|retour_juge FR moins R93 : Tm = 5']);
  });

  it('show the Impact section in the national report, with the espaces de rencontre curves', () => {
    const html = readFileSync(join(reports, '2025', 'index.html'), 'utf8');
    expect(html).toContain('id="impact"');
    expect(html).toContain('id="impact-effets"');
    expect(html).toContain('id="impact-rencontre"');
  });
});
