/** Usage texts, in French, one per command (and the general one). */
import { DEFAULT_SEED } from '../sample/seed.ts';

const general = `mfer — statistiques annuelles de la médiation familiale et des espaces de rencontre

Usage :
  npx mfer annual  [--year AAAA] [--input data-raw] [--out data-out] [--reports reports] [--strict] [--sans-consentement] [--quiet]
  npx mfer protect --spec SPEC.json --input CONTRIB.csv --out CELLS.csv
  npx mfer audit   --spec SPEC.json --input CONTRIB.csv --cells CELLS.csv
  npx mfer sample  [--out data-raw] [--seed N] [--scale K] [--no-defects] [--quiet]
  npx mfer pseudonymise --key CLE --source SOURCE --input BRUT.csv --out PSEUDO.csv [--mois]
  npx mfer pseudonymise --new-key CLE
  npx mfer --help

Commandes :
  annual   exécute toute la chaîne (lecture, validation, harmonisation, secret, indicateurs, rendus)
           pour chaque année présente dans data-raw/returns/ (ou la seule année --year).
  protect  pose le secret statistique (primaire et secondaire) sur un cube décrit par SPEC.json.
  audit    vérifie par programmation linéaire qu'un fichier de cellules protège chaque cellule
           sous secret primaire ; code de sortie 1 si une vérification échoue.
  sample   régénère l'échantillon de réponses fictives (graine fixe).
  pseudonymise  remplace les identifiants d'un fichier de suivi (NIR, ou nom, prénoms, date de
           naissance et sexe) par des pseudonymes (HMAC-SHA-256 sous une clé secrète).
`;

const perCommand: Record<string, string> = {
  annual: `Usage : npx mfer annual [--year AAAA] [--input data-raw] [--out data-out] [--reports reports] [--strict] [--sans-consentement] [--quiet]

  --year AAAA       ne traiter que cette année (par défaut : toutes les années présentes)
  --input DOSSIER   dossier des données brutes (défaut : data-raw)
  --out DOSSIER     dossier des tables produites (défaut : data-out)
  --reports DOSSIER dossier des rapports (défaut : reports)
  --strict          code de sortie 3 si rejects.csv n'est pas vide (une ligne ou un fichier rejeté)
  --sans-consentement
                    ignorer la colonne consentement du registre des services : le secret est posé
                    comme si aucun service n'avait accepté la publication de ses chiffres (mesure)
  --quiet           pas de ligne de progression sur la sortie d'erreur

Les fichiers de suivi pseudonymisés (DOSSIER/suivi/<année>/), quand ils existent, donnent les tableaux
de cohortes suivi-mediation et suivi-rencontre de la dernière année.

Codes de sortie :
  0  terminé
  1  rien n'a pu être traité (aucune ligne acceptée, référentiel ou dictionnaires illisibles), ou un
     fichier de suivi contient un identifiant direct (nom, prénom, adresse, téléphone, courriel, NIR)
  2  arguments invalides
  3  --strict et au moins un rejet (ligne ou fichier) dans rejects.csv
  4  une autre exécution détient le verrou du dossier --out
  5  un audit du secret statistique a échoué
`,
  protect: `Usage : npx mfer protect --spec SPEC.json --input CONTRIB.csv --out CELLS.csv

  Pose le secret statistique sur le tableau décrit par SPEC.json et écrit chaque cellule (valeur,
  nombre de contributeurs, statut : s publiée, u secret primaire, x secret secondaire) dans CELLS.csv.
  CONTRIB.csv : une ligne par contributeur et par cellule la plus fine ; CSV séparé par des virgules
  (point décimal) ou par des points-virgules (virgule décimale), en UTF-8 (avec ou sans BOM) ou
  Windows-1252, détecté comme pour les réponses aux enquêtes.

Exemple complet de SPEC.json :
  {
    "dimensions": [
      { "name": "geo", "total": "FR",
        "hierarchies": {
          "region": { "01": "R84", "03": "R84", "R84": "FR" },
          "ca": { "01": "CA-LYON", "03": "CA-RIOM", "CA-LYON": "FR", "CA-RIOM": "FR" } } },
      { "name": "origine", "total": "ENS",
        "hierarchies": { "origine": { "JAF": "ENS", "JE": "ENS" } } }
    ],
    "contributor": "structure",
    "value": "enfants",
    "rules": { "minValue": 5, "minFrequency": 2, "protectionPercent": 10 }
  }

Exemple complet de CONTRIB.csv (la même chose en « ; » et virgule décimale est acceptée) :
  geo,origine,structure,enfants
  01,JAF,S1,40
  01,JAF,S2,30
  01,JAF,S5,18
  01,JE,S1,3
  03,JAF,S3,25
  03,JAF,S4,20
  03,JAF,S6,9
  03,JE,S3,12
  03,JE,S4,8
  03,JE,S6,2

Codes de sortie : 0 terminé ; 2 entrée invalide (message sur la sortie d'erreur).
`,
  audit: `Usage : npx mfer audit --spec SPEC.json --input CONTRIB.csv --cells CELLS.csv
  SPEC.json et CONTRIB.csv comme pour mfer protect (exemple : npx mfer protect --help) ; CELLS.csv
  tel que mfer protect l'écrit. Les deux CSV : virgules et point décimal, ou points-virgules et
  virgule décimale ; UTF-8 (avec ou sans BOM) ou Windows-1252.
  Code de sortie 1 si une vérification échoue.
`,
  sample: `Usage : npx mfer sample [--out data-raw] [--seed N] [--scale K] [--no-defects] [--quiet]

  --out DOSSIER            dossier de l'échantillon (défaut : data-raw) ; son sous-dossier returns/
                           (réponses, DEFECTS.md, defects.json) est remplacé
  --seed N                 graine entière du générateur (défaut : ${DEFAULT_SEED})
  --scale K                multiplie le nombre de services et de structures par K (nombre > 0, défaut : 1)
  --no-defects             ne plante aucun défaut (réponses toutes valides)
  --suivi-scale national   fichiers de suivi (suivi/<année>/) pour tous les départements, à la taille
                           nationale (3 millions d'enfants CAF et 300 000 décisions par an sur les
                           quatre dernières années, ≈ 15 millions de lignes, écrits au fil de l'eau),
                           pour make bench (défaut : quelques départements pilotes ; à ne pas verser)
  --quiet                  pas de ligne de bilan sur la sortie d'erreur
  --departements FICHIER   référentiel des départements, region.csv et cour-appel.csv à côté
                           (défaut : data-raw/reference/departements.csv)
  --dictionnaires DOSSIER  dictionnaires d'enquête (défaut : pipelines/config/surveys)

Codes de sortie : 0 terminé ; 1 entrée introuvable ou illisible ; 2 arguments invalides.
`,
  pseudonymise: `Usage : npx mfer pseudonymise --key CLE --source SOURCE --input BRUT.csv --out PSEUDO.csv [--rejets FICHIER] [--mois] [--annee AAAA]
        npx mfer pseudonymise --new-key CLE

  --key CLE         fichier de la clé secrète (32 octets, lisible par son seul propriétaire, hors de tout dépôt git)
  --source SOURCE   mediation, rencontre, justice ou caf (dictionnaire de pipelines/config/suivi/)
  --input BRUT.csv  fichier du partenaire avec ses identifiants : nir_enfant, ou nom_enfant, prenoms_enfant,
                    naissance_enfant, sexe_enfant ; de même pour parent1 et parent2
  --out PSEUDO.csv  fichier pseudonymisé (colonnes du contrat, enfant et famille en pseudonymes)
  --rejets FICHIER  lignes dont l'identifiant est invalide, avec le motif (défaut : PSEUDO.rejets.csv)
  --mois            ramène les dates exactes (debut, fin, saisine, decision) au mois AAAA-MM
  --annee AAAA      année du dictionnaire (défaut : le plus récent)
  --new-key CLE     écrit une nouvelle clé aléatoire de 32 octets (jamais par-dessus un fichier existant)

Codes de sortie : 0 terminé ; 1 clé, fichier ou configuration refusés ; 2 arguments invalides.
`,
};

export function usage(command?: string): string {
  return (command && perCommand[command]) || general;
}
