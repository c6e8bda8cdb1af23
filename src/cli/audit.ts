/**
 * `mfer audit --spec SPEC.json --input CONTRIB.csv --cells CELLS.csv` — checks a cells file against
 * the contributions: every cell present with its true value, every unsafe cell suppressed, and for
 * every primary cell the attacker's LP interval (requirements A and B), also as seen by each
 * contributor that alone makes up suppressed cells (requirement C: a failure names it).
 * Exit codes: 0 all checks pass, 1 a check fails (listed on stderr), 2 bad input.
 */
import { audit } from '../protect/index.ts';
import { preloadHighs } from '../runtime/highs.ts';
import { INSIDER_MAX_CELLS } from '../protect/insider.ts';
import * as msg from '../protect/messages.ts';
import type { AuditFailure } from '../protect/types.ts';
import { loadCells, loadContributions, loadSpec } from './contract-files.ts';
import { auditFailed, auditInsiderSkipped, auditPassed } from './messages.ts';
import { required } from './protect.ts';

/** One French line per failed check. */
export function describeFailure(f: AuditFailure): string {
  switch (f.check) {
    case 'value':
      return msg.auditWrongValue(f.codes, f.expected ?? NaN, f.value);
    case 'missing':
      return msg.auditMissingCell(f.codes);
    case 'status':
      return msg.auditNotSuppressed(f.codes);
    case 'A':
      return msg.auditInterval(f.codes, f.value, f.lo, f.hi, f.requiredLo ?? 0, f.requiredHi ?? 0);
    case 'B':
      return msg.auditExact(f.codes, f.value);
    case 'C': {
      const who = f.insider ?? { contributor: '?', knows: 0, exact: true };
      return msg.auditInsider(f.codes, f.value, who.contributor, who.knows, who.exact, f.lo, f.hi, f.requiredLo ?? 0, f.requiredHi ?? 0);
    }
  }
}

export async function runAudit(argv: string[]): Promise<number> {
  try {
    const [specPath, inputPath, cellsPath] = required('audit', argv, ['--spec', '--input', '--cells']);
    preloadHighs(); // the solver compiles while the input is read, as for `mfer protect`
    const spec = loadSpec(specPath);
    const contributions = loadContributions(inputPath, spec);
    const cells = loadCells(cellsPath, spec);
    const report = await audit(spec, contributions, cells);
    if (!report.insiderChecked) process.stderr.write(`${auditInsiderSkipped(cells.length, INSIDER_MAX_CELLS)}\n`);
    if (report.ok) {
      process.stdout.write(`${auditPassed(report.checked)}\n`);
      return 0;
    }
    for (const f of report.failures) process.stderr.write(`${describeFailure(f)}\n`);
    process.stderr.write(`${auditFailed(report.failures.length)}\n`);
    return 1;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
}
