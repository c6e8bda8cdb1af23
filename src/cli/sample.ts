/** `mfer sample` — placeholder until the stage lands. */
export async function runSample(_argv: string[]): Promise<number> {
  process.stderr.write('mfer sample : pas encore disponible.\n');
  return 2;
}
