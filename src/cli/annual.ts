/** `mfer annual` — placeholder until the stage lands. */
export async function runAnnual(_argv: string[]): Promise<number> {
  process.stderr.write('mfer annual : pas encore disponible.\n');
  return 2;
}
