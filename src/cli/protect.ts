/** `mfer protect` — placeholder until the stage lands. */
export async function runProtect(_argv: string[]): Promise<number> {
  process.stderr.write('mfer protect : pas encore disponible.\n');
  return 2;
}
