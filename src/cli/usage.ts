/** Usage texts, in French, one per command (and the general one). */
const general = `mfer — statistiques annuelles de la médiation familiale et des espaces de rencontre

Usage :
  npx mfer annual  [--year AAAA] [--input data-raw] [--out data-out] [--reports reports] [--strict] [--quiet]
  npx mfer protect --spec SPEC.json --input CONTRIB.csv --out CELLS.csv
  npx mfer audit   --spec SPEC.json --input CONTRIB.csv --cells CELLS.csv
  npx mfer sample  [--out data-raw] [--seed N]
  npx mfer --help

Commandes :
  annual   exécute toute la chaîne (lecture, validation, harmonisation, secret, indicateurs, rendus)
           pour chaque année présente dans data-raw/returns/ (ou la seule année --year).
  protect  pose le secret statistique (primaire et secondaire) sur un cube décrit par SPEC.json.
  audit    vérifie par programmation linéaire qu'un fichier de cellules protège chaque cellule
           sous secret primaire ; code de sortie 1 si une vérification échoue.
  sample   régénère l'échantillon de réponses fictives (graine fixe).
`;

const perCommand: Record<string, string> = {
  annual: `Usage : npx mfer annual [--year AAAA] [--input data-raw] [--out data-out] [--reports reports] [--strict] [--quiet]

  --year AAAA       ne traiter que cette année (par défaut : toutes les années présentes)
  --input DOSSIER   dossier des données brutes (défaut : data-raw)
  --out DOSSIER     dossier des tables produites (défaut : data-out)
  --reports DOSSIER dossier des rapports (défaut : reports)
  --strict          code de sortie non nul si une ligne a été rejetée
  --quiet           pas de ligne de progression sur la sortie d'erreur
`,
  protect: `Usage : npx mfer protect --spec SPEC.json --input CONTRIB.csv --out CELLS.csv\n`,
  audit: `Usage : npx mfer audit --spec SPEC.json --input CONTRIB.csv --cells CELLS.csv\n  Code de sortie 1 si une vérification échoue.\n`,
  sample: `Usage : npx mfer sample [--out data-raw] [--seed N]\n`,
};

export function usage(command?: string): string {
  return (command && perCommand[command]) || general;
}
