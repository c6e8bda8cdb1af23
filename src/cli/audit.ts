/** `mfer audit` — placeholder until the stage lands. */
export async function runAudit(_argv: string[]): Promise<number> {
  process.stderr.write('mfer audit : pas encore disponible.\n');
  return 2;
}
