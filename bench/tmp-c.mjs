import { readFileSync } from 'node:fs';
import { protect } from '../src/protect/index.js';
import { highs } from '../src/protect/lp.js';
const { spec, contributions } = JSON.parse(readFileSync(process.argv[2] ?? '/tmp/case101.json', 'utf8'));
await highs();
for (let k = 0; k < Number(process.env.K ?? 1); k++) {
  const t = performance.now();
  const ph = [];
  const table = await protect(spec, contributions, { onPhase: (p, s) => ph.push(`${p} ${(s * 1000).toFixed(0)}`) });
  const s = (performance.now() - t) / 1000;
  process.stderr.write(`${k}: ${s.toFixed(3)} ${table.stats.secondary} | ${ph.join(', ')}\n`);
}
