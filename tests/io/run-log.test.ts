import { createRunLog, formatRunLog, timingsRequested } from '../../src/io/run-log.ts';

/** A clock that advances 5 ms at every reading. */
function steppingClock(step = 5): () => number {
  let t = 0;
  return () => (t += step);
}

const header = { year: 2024, version: '0.1.0', parameters: { strict: false, input: 'data-raw' }, timings: false };

describe('run log', () => {
  it('lists the stages in order with their counts, and the warnings', async () => {
    const log = createRunLog(steppingClock());
    const rows = await log.stage('lecture', async () => [1, 2, 3], (r) => ({ lignes: r.length }));
    await log.stage('validation', () => rows.filter((x) => x > 1), (r) => ({ acceptees: r.length, rejetees: rows.length - r.length }));
    log.warn('fichier vide');
    const text = log.render(header);
    expect(text.indexOf('lecture : lignes 3')).toBeGreaterThan(0);
    expect(text.indexOf('validation : acceptees 2, rejetees 1')).toBeGreaterThan(text.indexOf('lecture'));
    expect(text).toContain('  - fichier vide');
    expect(text).toContain('  input = data-raw');
  });

  it('leaves timings out by default, so two runs at different speeds give the same bytes', async () => {
    const run = async (step: number) => {
      const log = createRunLog(steppingClock(step));
      await log.stage('lecture', () => 1);
      return log.render(header);
    };
    expect(await run(1)).toBe(await run(1000));
    expect(await run(1)).not.toMatch(/\d+ ms/);
  });

  it('writes each stage duration when asked', () => {
    const text = formatRunLog({ ...header, timings: true }, [{ name: 'lecture', counts: {}, ms: 1234.4 }], []);
    expect(text).toContain('lecture (1234 ms)');
  });

  it('reads MFER_LOG_TIMINGS from the environment', () => {
    expect(timingsRequested({ MFER_LOG_TIMINGS: '1' })).toBe(true);
    expect(timingsRequested({})).toBe(false);
  });
});
