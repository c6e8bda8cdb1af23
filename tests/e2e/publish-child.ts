/**
 * Child process of `publish-kill.test.ts`: publishes 2023 and 2024 with many files (so that writing
 * takes long enough to be killed half-way), every file holding the tag given on the command line.
 * Usage: node --import tsx tests/e2e/publish-child.ts <data-out> <reports> <tag> <files per year>
 */
import { publishRun } from '../../src/io/publish-run.ts';
import type { OutputFile } from '../../src/model/output.ts';

const [out, reports, tag, count] = process.argv.slice(2);
const files: OutputFile[] = [];
for (const year of [2023, 2024]) {
  for (let i = 0; i < Number(count); i++) {
    files.push({ root: 'data-out', path: `${year}/tables/t${String(i).padStart(5, '0')}.csv`, content: `${tag};${year};${i}\n`.repeat(200) });
    if (i % 10 === 0) files.push({ root: 'reports', path: `${year}/pages/p${i}.html`, content: `<p>${tag}</p>` });
  }
}
process.stdout.write('start\n');
await publishRun({ roots: { 'data-out': out, reports }, years: [2023, 2024], files, onRecover: () => {} });
process.stdout.write('published\n');
