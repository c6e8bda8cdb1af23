/**
 * Atomic publication under `kill -9`, where it matters most: while the files are being written and
 * swapped. A child process publishes two years of many files over a previous publication and is
 * killed at random moments of its run; after the next run's recovery, every year is entirely the old
 * publication or entirely the new one, never a mix, and no temporary directory is left.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recoverInterruptedSwaps, tmpDirsBeside } from '../../src/io/publish-run.ts';
import { createRng } from '../../src/sample/prng.ts';
import { repoRoot, snapshot, yearPart } from './harness.ts';

const FILES_PER_YEAR = 800;
const child = join(import.meta.dirname, 'publish-child.ts');

/** Runs the child; `started` resolves when it begins to publish (after Node and tsx have loaded). */
function publish(out: string, reports: string, tag: string) {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, out, reports, tag, String(FILES_PER_YEAR)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let onStart: (t: number) => void = () => {};
  let onPublished: (t: number) => void = () => {};
  const started = new Promise<number>((resolve) => (onStart = resolve));
  const published = new Promise<number>((resolve) => (onPublished = resolve));
  proc.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('start')) onStart(performance.now());
    if (stdout.includes('published')) onPublished(performance.now());
  });
  const done = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  return { proc, started, published, done };
}

/** Every file of a year holds the same tag: which one (or "mix"). */
function tagOf(files: Record<string, string>, root: string, year: string): string {
  const tags = new Set(Object.keys(yearPart(files, year)).map((p) => readFileSync(join(root, p), 'utf8').replace(/^<p>/, '').split(/[;<]/)[0]));
  return tags.size === 1 ? [...tags][0] : tags.size === 0 ? 'absent' : 'mix';
}

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'mfer-publish-kill-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

it('leaves each year wholly old or wholly new when the writer is killed at random moments', async () => {
  const rng = createRng(6);
  // how long publishing itself takes here (the child says when it starts and when it is done)
  const dry = join(base, 'dry');
  const run = publish(join(dry, 'data-out'), join(dry, 'reports'), 'old');
  const seconds = ((await run.published) - (await run.started)) / 1000;
  expect(await run.done).toBe(0);
  const outcomes = new Set<string>();
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = join(base, `run${attempt}`);
    const out = join(dir, 'data-out');
    const reports = join(dir, 'reports');
    cpSync(dry, dir, { recursive: true });
    const { proc, started, done } = publish(out, reports, 'new');
    await started;
    // a random moment while the files are written and the years swapped
    await new Promise((wake) => setTimeout(wake, rng.uniform(0.05, 0.95) * seconds * 1000));
    proc.kill('SIGKILL');
    await done;
    recoverInterruptedSwaps(out);
    recoverInterruptedSwaps(reports);
    for (const year of ['2023', '2024']) {
      const outTag = tagOf(snapshot(out), out, year);
      const reportsTag = tagOf(snapshot(reports), reports, year);
      expect(['old', 'new']).toContain(outTag);
      expect(['old', 'new']).toContain(reportsTag);
      expect(Object.keys(yearPart(snapshot(out), year))).toHaveLength(FILES_PER_YEAR);
      outcomes.add(`${year}:${outTag}`);
    }
    expect(tmpDirsBeside(out)).toEqual([]);
  }
  // some kills did land before the swap (otherwise this test would prove nothing)
  expect([...outcomes]).toEqual(expect.arrayContaining(['2024:old']));
});
