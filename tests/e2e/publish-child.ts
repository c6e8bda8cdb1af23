/**
 * Child process of `publish-kill.test.ts`: publishes 2023 and 2024 with many files (so that writing
 * takes long enough to be killed half-way), every file holding the tag given on the command line.
 * With a fifth argument `before` or `after`, it says `commit` on stdout just before (or just after)
 * the commit point and waits there, to be killed at that very moment.
 * Usage: node --import tsx tests/e2e/publish-child.ts <data-out> <reports> <tag> <files per year> [before|after]
 */
import { publishRun } from '../../src/io/publish-run.ts';
import type { OutputFile } from '../../src/model/output.ts';

const [out, reports, tag, count, pause] = process.argv.slice(2);
const files: OutputFile[] = [];
for (const year of [2023, 2024]) {
  for (let i = 0; i < Number(count); i++) {
    files.push({ root: 'data-out', path: `${year}/tables/t${String(i).padStart(5, '0')}.csv`, content: `${tag};${year};${i}\n`.repeat(200) });
    if (i % 10 === 0) files.push({ root: 'reports', path: `${year}/pages/p${i}.html`, content: `<p>${tag}</p>` });
  }
}
const wait = () => {
  process.stdout.write('commit\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000);
};
const hooks = pause === 'before' ? { beforeCommit: wait } : pause === 'after' ? { afterCommit: wait } : {};
process.stdout.write('start\n');
await publishRun({ roots: { 'data-out': out, reports }, years: [2023, 2024], files, onRecover: () => {}, hooks });
process.stdout.write('published\n');
