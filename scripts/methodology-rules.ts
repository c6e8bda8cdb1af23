/**
 * Rewrites the rules table of `docs/methodology.md` (between its two markers) from
 * `pipelines/config/protect.json`, as GaussSuppression prints its documentation table from its list
 * of specs. Run after changing a rule set:
 *
 *   node_modules/.bin/tsx scripts/methodology-rules.ts
 *
 * `tests/render/secrecy-rules.test.ts` fails while the document and the configuration disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPublicationConfig } from '../src/ingest/publication-config.ts';
import { rulesTable, withRulesTable } from '../src/render/secrecy-rules.ts';

const root = join(import.meta.dirname, '..');
const path = join(root, 'docs', 'methodology.md');
const { protect } = loadPublicationConfig(join(root, 'pipelines', 'config'));
const before = readFileSync(path, 'utf8');
const after = withRulesTable(before, rulesTable(protect), path);
if (after !== before) writeFileSync(path, after);
