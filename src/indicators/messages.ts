/**
 * French messages of the publication stage (catalogue, rule sets, audit). Code and tests call the same
 * functions, so no test hard-codes a sentence (STYLE §6).
 */

export const configMessages = {
  missingFile: (path: string) => `Configuration de la publication : fichier introuvable « ${path} ».`,
  invalidJson: (path: string, why: string) => `Configuration de la publication : « ${path} » n'est pas un JSON valide (${why}).`,
  invalid: (path: string, where: string, why: string) => `Configuration de la publication : « ${path} », ${where} : ${why}.`,
  duplicateId: (id: string) => `Configuration de la publication : l'identifiant de tableau « ${id} » apparaît deux fois.`,
  unknownRuleSet: (id: string, ruleSet: string) =>
    `Configuration de la publication : le tableau « ${id} » renvoie au jeu de règles « ${ruleSet} », absent de protect.json.`,
  missingRuleSet: (id: string) => `Configuration de la publication : le tableau « ${id} » n'indique pas de jeu de règles.`,
  missingAggregate: (id: string, code: string) =>
    `Configuration de la publication : l'indicateur « ${code} » du tableau « ${id} » n'indique pas comment il se calcule (« aggregate » : sum, count ou median) ; sans cela il échapperait aux règles du secret.`,
  noPrimaryRule: (id: string, code: string, ruleSet: string) =>
    `Configuration de la publication : l'indicateur « ${code} » du tableau « ${id} » compte des personnes ou additionne des chiffres de services, mais le jeu de règles « ${ruleSet} » n'a aucune règle primaire (minValue, minFrequency, dominance ou pPercent) : il publierait tout. Seuls les nombres de services (« aggregate » : count) peuvent s'en passer.`,
  missingField: (id: string, code: string) => `Configuration de la publication : le code « ${code} » du tableau « ${id} » n'indique pas de champ source.`,
  unknownField: (id: string, code: string, field: string, survey: string) =>
    `Configuration de la publication : le code « ${code} » du tableau « ${id} » lit le champ « ${field} », inconnu de l'enquête ${survey} (voir src/validate/fields.ts) ; il publierait des zéros.`,
  linkMismatch: (link: string) =>
    `Configuration de la publication : les tableaux liés « ${link} » doivent être des cubes de la même enquête avec le même jeu de règles.`,
};

export const publishMessages = {
  auditFailed: (id: string, detail: string) => `Tableau « ${id} » : l'audit du secret statistique a échoué (${detail}).`,
  linkedAuditFailed: (link: string, detail: string) =>
    `Tableaux liés « ${link} » : l'audit conjoint du secret statistique a échoué (${detail}).`,
  derivedLeak: (id: string, codes: string) =>
    `Tableau « ${id} » : la cellule ${codes} est publiée alors qu'une cellule dont elle dérive est masquée.`,
  lectureUnavailable: () => 'le chiffre que lirait cette ligne pour la France est couvert par le secret statistique.',
  /** line under a published table: how much the secrecy hid */
  suppressedShare: (suppressed: number, cells: number, share: string) =>
    `Secret statistique : ${suppressed} cellule(s) masquée(s) sur ${cells} (${share}).`,
};

export const progressMessages = {
  surveyAbsent: (year: number, survey: 'mediation' | 'rencontre') =>
    `${year} · ${survey === 'mediation' ? 'médiation familiale' : 'espaces de rencontre'} : aucune réponse acceptée (dossier absent ou retours tous rejetés) ; ` +
    'ses tableaux et les tableaux croisés ne sont pas publiés pour cette année, plutôt que des zéros',
  published: (year: number, tables: number, suppressed: number, cells: number, failed: number) =>
    `${year} · publication : ${tables} tableau(x), ${suppressed} cellule(s) masquée(s) sur ${cells}, ` +
    (failed === 0 ? 'tous les audits du secret réussis' : `${failed} audit(s) du secret en échec`),
};

const SURVEY_SERVICES = { mediation: 'services de médiation familiale', rencontre: 'espaces de rencontre' } as const;
const percentFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const coverageMessages = {
  /** note of every table: figures on respondents, with the response rate when the register is known */
  respondents: (survey: 'mediation' | 'rencontre', year: number, respondents: number, known: number, fromRegister: boolean) =>
    fromRegister
      ? `Chiffres sur les ${SURVEY_SERVICES[survey]} répondants, sans imputation des non-réponses : en ${year}, ${respondents} des ${known} ${SURVEY_SERVICES[survey]} connus ont envoyé une réponse exploitable (taux de réponse ${percentFormat.format((100 * respondents) / Math.max(1, known))} %).`
      : `Chiffres sur les ${respondents} ${SURVEY_SERVICES[survey]} répondants, sans imputation des non-réponses (registre des services connus absent : taux de réponse non calculé).`,
  /** the conventions, in every table's note */
  signs: (minBase: number) =>
    `Signes conventionnels : 0 zéro ; - aucun service de ce type dans le territoire ; nd non disponible (services connus, aucune réponse exploitable) ; /// sans objet (calcul impossible, dénominateur nul) ; ns non significatif (évolution sur moins de ${minBase} de part et d'autre, ou sur des répondants qui ont changé de plus de 10 %) ; s secret statistique.`,
};

/** The secret mark; the other marks (`-`, `nd`, `///`, `ns`) are `Mark`s, set by src/indicators/marks.ts. */
export const signs = {
  /** secret statistique */
  secret: 's',
};

/** The `status` column of the long tables: the only two values a reader ever sees. */
export const longStatus = {
  published: 'published',
  secret: 'secret',
} as const;

export type LongStatus = (typeof longStatus)[keyof typeof longStatus];

export const recipeMessages = {
  missingTable: (id: string) => `Indicateur croisé : le tableau source « ${id} » est absent de la publication.`,
  unknownDerived: (id: string) => `Tableau dérivé « ${id} » : aucune recette de calcul connue (« recipe » du tableau dans tables.json : rates, evolution, coverage ou response).`,
  unknownCode: (id: string, code: string) => `Tableau dérivé « ${id} » : l'indicateur « ${code} » n'a pas de recette de calcul.`,
  /** catalogue checks of the recipes and of what the renderers show (tables.json) */
  missingTableRecipe: (id: string) =>
    `Configuration de la publication : le tableau dérivé « ${id} » n'indique pas comment il se construit (« recipe » : rates, evolution, coverage ou response).`,
  recipeOutsideDerived: (id: string) => `Configuration de la publication : le tableau « ${id} » n'est pas dérivé (« kind » : derived) ; ses codes ne peuvent pas porter de recette.`,
  wrongCodeRecipe: (id: string, code: string, recipe: string, allowed: readonly string[]) =>
    `Configuration de la publication : l'indicateur « ${code} » du tableau « ${id} » (recette « ${recipe} ») doit indiquer une recette parmi : ${allowed.join(', ')}.`,
  unknownSource: (id: string, code: string, table: string, sourceCode: string) =>
    `Configuration de la publication : l'indicateur « ${code} » du tableau « ${id} » se calcule sur la cellule « ${sourceCode} » du tableau « ${table} », absente du catalogue.`,
  unknownDisplayCode: (id: string, role: string, code: string) =>
    `Configuration de la publication : « display.${role} » du tableau « ${id} » nomme le code « ${code} », absent du tableau.`,
};

export const auditMessages = {
  failure: (f: { table: string; codes: readonly string[]; check: string; lo?: number; hi?: number }) =>
    `cellule ${f.codes.join(' × ')}${f.table === 'table' ? '' : ` de « ${f.table} »`}, contrôle ${f.check}` +
    (f.lo !== undefined && f.hi !== undefined ? ` (intervalle de l'attaquant [${f.lo} ; ${f.hi}])` : ''),
  more: (count: number) => `et ${count} autre(s)`,
};
