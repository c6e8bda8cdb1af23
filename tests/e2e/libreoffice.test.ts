/**
 * One department workbook opened by a real spreadsheet client: LibreOffice Calc in headless mode
 * (Debian's `libreoffice-calc-nogui`, installed by scripts/ensure-libreoffice.sh when missing, as
 * chromium is for the browser test). The conversion to PDF must succeed (a file that needs repairing
 * is refused by the headless filter), and the first sheet, converted to CSV, must hold the workbook's
 * title, its column headers and the department's figures as the renderer wrote them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { departmentWorkbook } from '../../src/render/workbook.ts';
import { fixturePublication, fullGeography } from '../render/fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CODE = '69';

let dir: string;
let bytes: Uint8Array;

beforeAll(async () => {
  const ensured = spawnSync('bash', [join(ROOT, 'scripts', 'ensure-libreoffice.sh')], { encoding: 'utf8' });
  if (ensured.status !== 0) throw new Error(`LibreOffice indisponible : ${ensured.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'mfer-soffice-'));
  bytes = await departmentWorkbook(fixturePublication(fullGeography()), CODE, { generatedAt: null });
  writeFileSync(join(dir, `${CODE}.xlsx`), bytes);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `soffice --convert-to` in its own profile (a shared one would be locked by another run). */
function convert(to: string): { status: number | null; out: string } {
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--nologo', '--convert-to', to, '--outdir', join(dir, 'out'), join(dir, `${CODE}.xlsx`)],
    { encoding: 'utf8', timeout: 240_000 },
  );
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

it('converts to PDF (A4 pages) without a repair', () => {
  const run = convert('pdf');
  expect(run.status).toBe(0);
  const pdf = join(dir, 'out', `${CODE}.pdf`);
  expect(existsSync(pdf)).toBe(true);
  const head = readFileSync(pdf);
  expect(head.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // A4 is 595 × 842 points (landscape: 842 × 595), as the workbook's page set-up asks
  expect(head.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 (841\.8|842)\d* (595\.[23]|595)\d*\s*\]/);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `classeur-${CODE}.pdf`), head);
  expect(statSync(pdf).size).toBeGreaterThan(1000);
}, 300_000);

it("keeps the first sheet's text intact", async () => {
  // the filter's options: comma-separated, UTF-8 (76), first sheet
  const run = convert('csv:Text - txt - csv (StarCalc):44,34,76,1');
  expect(run.status).toBe(0);
  const csv = readFileSync(join(dir, 'out', `${CODE}.csv`), 'utf8');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const first = book.worksheets[0];
  // every text cell of the sheet, as written, is in LibreOffice's reading of it
  const texts: string[] = [];
  first.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string' && cell.value.trim() !== '') texts.push(cell.value);
  }));
  expect(texts.length).toBeGreaterThan(5);
  for (const text of texts) expect(csv).toContain(text.replace(/"/g, '""'));
}, 300_000);
