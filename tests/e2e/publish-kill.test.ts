/**
 * Atomic publication under `kill -9`, where it matters most: while the files are being written and
 * swapped. A child process publishes two years of many files over a previous publication and is
 * killed at random moments of its run, and at the commit point itself; right after the kill (before
 * any recovery), both roots show the same publication for every year — both old or both new, never a
 * mix, never `data-out/` new with `reports/` old — and after the next run's recovery no temporary
 * directory is left.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recoverRoots, tmpDirsBeside } from '../../src/io/publish-run.ts';
import { createRng } from '../../src/sample/prng.ts';
import { repoRoot, snapshot, yearPart } from './harness.ts';

const FILES_PER_YEAR = 800;
const child = join(import.meta.dirname, 'publish-child.ts');

/** Runs the child; `started` resolves when it begins to publish (after Node and tsx have loaded). */
function publish(out: string, reports: string, tag: string, pause?: 'before' | 'after') {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, out, reports, tag, String(FILES_PER_YEAR), ...(pause ? [pause] : [])], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let onStart: (t: number) => void = () => {};
  let onPublished: (t: number) => void = () => {};
  let onCommit: () => void = () => {};
  const atCommit = new Promise<void>((resolve) => (onCommit = resolve));
  const started = new Promise<number>((resolve) => (onStart = resolve));
  const published = new Promise<number>((resolve) => (onPublished = resolve));
  proc.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('start')) onStart(performance.now());
    if (stdout.includes('published')) onPublished(performance.now());
    if (stdout.includes('commit')) onCommit();
  });
  const done = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  return { proc, started, published, done, atCommit };
}

/** Every file of a year holds the same tag: which one (or "mix"). */
function tagOf(files: Record<string, string>, root: string, year: string): string {
  const tags = new Set(Object.keys(yearPart(files, year)).map((p) => readFileSync(join(root, p), 'utf8').replace(/^<p>/, '').split(/[;<]/)[0]));
  return tags.size === 1 ? [...tags][0] : tags.size === 0 ? 'absent' : 'mix';
}

/** The tag of each year in each root: [data-out 2023, data-out 2024, reports 2023, reports 2024]. */
function tags(out: string, reports: string): string[] {
  return [out, reports].flatMap((root) => ['2023', '2024'].map((year) => tagOf(snapshot(root), root, year)));
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
    // what a reader sees right after the kill, before any recovery: one publication in both roots
    const seen = tags(out, reports);
    expect(seen).toEqual(seen.map(() => seen[0]));
    expect(['old', 'new']).toContain(seen[0]);
    outcomes.add(`2024:${seen[0]}`);
    recoverRoots({ 'data-out': out, reports });
    expect(tags(out, reports)).toEqual(seen);
    expect(Object.keys(yearPart(snapshot(out), '2024'))).toHaveLength(FILES_PER_YEAR);
    expect(tmpDirsBeside(out)).toEqual([]);
  }
  // some kills did land before the swap (otherwise this test would prove nothing)
  expect([...outcomes]).toEqual(expect.arrayContaining(['2024:old']));
});

it.each([
  ['before', 'old'],
  ['after', 'new'],
] as const)('killed just %s the commit point, both roots show the %s publication, and the next run tidies up', async (pause, expected) => {
  const dry = join(base, `dry-${pause}`);
  const first = publish(join(dry, 'data-out'), join(dry, 'reports'), 'old');
  expect(await first.done).toBe(0);
  const out = join(dry, 'data-out');
  const reports = join(dry, 'reports');
  const { proc, atCommit, done } = publish(out, reports, 'new', pause);
  await atCommit;
  proc.kill('SIGKILL');
  await done;
  expect(tags(out, reports)).toEqual([expected, expected, expected, expected]);
  recoverRoots({ 'data-out': out, reports });
  expect(tags(out, reports)).toEqual([expected, expected, expected, expected]);
  expect(tmpDirsBeside(out)).toEqual([]);
}, 60_000);
