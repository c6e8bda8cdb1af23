/**
 * Returns that once exhausted memory (issue 21), generated at bench time and never committed: the
 * shipped sample plus, in 2025, a 213 MB CSV of 1.3 million rows and a 7 KB workbook whose only value
 * sits in cell XFD1048576. `mfer annual` must refuse both quickly, naming them, and stay under 1 GB
 * whatever one input file holds (before issue 21 they ran it out of memory, exit 134).
 */
import { closeSync, cpSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { cellXml, handWrittenXlsx } from '../tests/bad-input/xlsx-bytes.ts';
import type { BenchRow } from './bench-row.ts';
import { measure } from './measure.ts';

const ROWS = 1_300_000;

/** Writes the huge CSV line by line in blocks (the writer itself stays small). */
function writeHugeCsv(path: string): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    const header = 'Année;Identifiant du service;Nom du service;Département;Gestionnaire;ETP de médiateurs;Médiateurs;Séances\r\n';
    bytes += writeSync(fd, header);
    for (let start = 0; start < ROWS; start += 10_000) {
      let block = '';
      for (let i = start; i < Math.min(ROWS, start + 10_000); i++) block += `2025;MF-75-${String(i).padStart(7, '0')};Médiation familiale de Paris n° ${i} — antenne;75;association;2,5;4;96;28;12;11;14;6;9;31;5;4;24;11;5;86;118450;9000;0;15000;4200;0;0\r\n`;
      bytes += writeSync(fd, block);
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

export async function hostileRow(root: string, mfer: string, scratch: string): Promise<BenchRow> {
  const input = join(scratch, 'raw-hostile');
  cpSync(join(root, 'data-raw'), input, { recursive: true });
  const folder = join(input, 'returns', '2025', 'mediation');
  const bytes = writeHugeCsv(join(folder, 'caf-75-paris-export-complet.csv'));
  writeFileSync(join(folder, 'caf-75-paris-coin.xlsx'), handWrittenXlsx([cellXml('XFD', 1_048_576, 7)]));
  const out = join(scratch, 'hostile');
  const files = ['caf-75-paris-export-complet.csv', 'caf-75-paris-coin.xlsx'];
  const m = await measure(process.execPath, [mfer, 'annual', '--input', input, '--out', join(out, 'data-out'), '--reports', join(out, 'reports'), '--quiet'], { cwd: root });
  let named = false;
  try {
    const rejects = readFileSync(join(out, 'data-out', '2025', 'rejects.csv'), 'utf8');
    named = files.every((file) => rejects.includes(`returns/2025/mediation/${file}`));
  } catch {
    named = false;
  }
  return {
    name: 'mfer annual, échantillon + CSV de 213 Mo + XLSX au coin XFD1048576',
    size: `${(bytes / 1e6).toFixed(0)} Mo, ${ROWS.toLocaleString('fr-FR')} lignes ; classeur de 7 Ko`,
    seconds: m.seconds,
    peakMiB: m.peakMiB,
    target: '< 1 Go, les deux refusés',
    ok: m.exitCode === 0 && named && (m.peakMiB ?? 0) < 1024,
    ...(m.exitCode !== 0 ? { note: `code de sortie ${m.exitCode} : ${m.stderr.trim().split('\n').slice(-3).join(' / ')}` } : {}),
  };
}
