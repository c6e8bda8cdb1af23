/** mfer's name and version, read from `package.json` (recorded in every manifest). */
import { readFileSync } from 'node:fs';

export function toolVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
  return { name: String(pkg.name ?? 'mfer'), version: String(pkg.version ?? '0.0.0') };
}
