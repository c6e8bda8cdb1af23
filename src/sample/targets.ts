/**
 * National orders of magnitude the sample aims at, per year (domain README: 2023 and 2024 published
 * figures; 2025 a plausible drift of +2 to +3 %). Figures not published are marked "choice" and
 * derived from published ratios. The generator lands within ±15 % of every published figure.
 */

export interface MediationTargets {
  services: number;
  etp: number;
  lieux: number; // 2023: choice (2024 figure)
  reunions: number;
  entretiens: number;
  seances: number;
  terminees: number;
  personnes: number; // 2023: choice (≈ 2,15 per ended mediation)
  finCaf: number;
  finJustice: number; // choice (share of programme 101 action 04)
  finMsa: number; // choice
  finCollectivites: number; // choice
  finFamilles: number; // choice
  finAutre: number; // choice
}

export interface RencontreTargets {
  structures: number;
  enfants: number; // ≈ 30 000–33 000 a year
  familles: number; // choice: ≈ 1,45 children per family
  rencontres: number; // ≈ 3,4 meetings per child
  mesuresNouvelles: number; // choice
  attente31dec: number; // choice (475 families at the end of 2018, grown since)
  etp: number; // choice (≈ 2,6 per structure)
  finCaf: number;
  finJustice: number;
  finDepartement: number;
  finMsa: number;
  finAutre: number;
}

export const MEDIATION_TARGETS: Readonly<Record<number, MediationTargets>> = {
  2023: { services: 277, etp: 493, lieux: 1690, reunions: 14997, entretiens: 96519, seances: 54391, terminees: 22809, personnes: 49040, finCaf: 29_600_000, finJustice: 5_300_000, finMsa: 850_000, finCollectivites: 6_900_000, finFamilles: 2_200_000, finAutre: 1_400_000 },
  2024: { services: 272, etp: 499, lieux: 1709, reunions: 17247, entretiens: 107250, seances: 56786, terminees: 23807, personnes: 51164, finCaf: 31_300_000, finJustice: 5_500_000, finMsa: 880_000, finCollectivites: 7_000_000, finFamilles: 2_300_000, finAutre: 1_450_000 },
  2025: { services: 270, etp: 508, lieux: 1725, reunions: 17900, entretiens: 110100, seances: 58200, terminees: 24350, personnes: 52300, finCaf: 32_200_000, finJustice: 5_600_000, finMsa: 900_000, finCollectivites: 7_100_000, finFamilles: 2_350_000, finAutre: 1_500_000 },
};

export const RENCONTRE_TARGETS: Readonly<Record<number, RencontreTargets>> = {
  2023: { structures: 226, enfants: 30600, familles: 21100, rencontres: 104000, mesuresNouvelles: 11600, attente31dec: 640, etp: 590, finCaf: 20_500_000, finJustice: 8_700_000, finDepartement: 4_100_000, finMsa: 420_000, finAutre: 1_500_000 },
  2024: { structures: 230, enfants: 31500, familles: 21700, rencontres: 107000, mesuresNouvelles: 11900, attente31dec: 680, etp: 600, finCaf: 21_200_000, finJustice: 9_000_000, finDepartement: 4_200_000, finMsa: 430_000, finAutre: 1_550_000 },
  2025: { structures: 233, enfants: 32300, familles: 22300, rencontres: 109500, mesuresNouvelles: 12200, attente31dec: 720, etp: 612, finCaf: 21_800_000, finJustice: 9_200_000, finDepartement: 4_300_000, finMsa: 440_000, finAutre: 1_600_000 },
};

export const SAMPLE_YEARS = [2023, 2024, 2025] as const;

/**
 * Which years each unit is open: most every year, a few close or open (so services 2023 → 2024 →
 * 2025 go 277 → 272 → 270 and structures 226 → 230 → 233), and every year sees openings and closings.
 */
export const MEDIATION_LIFESPANS: readonly { years: readonly number[]; count: number }[] = [
  { years: [2023, 2024, 2025], count: 266 },
  { years: [2023], count: 6 },
  { years: [2023, 2024], count: 5 },
  { years: [2024, 2025], count: 1 },
  { years: [2025], count: 3 },
];

export const RENCONTRE_LIFESPANS: readonly { years: readonly number[]; count: number }[] = [
  { years: [2023, 2024, 2025], count: 220 },
  { years: [2023], count: 4 },
  { years: [2023, 2024], count: 2 },
  { years: [2024, 2025], count: 8 },
  { years: [2025], count: 5 },
];

/**
 * How a unit's activity moves from one year to the next, on top of the national trend: a random walk
 * of at most ±`drift` a year for the unit as a whole, and ±`wobble` more for each figure it reports.
 * Together with the trend and the openings and closings this keeps a continuing service's yearly
 * change within ±15 % (a test bounds it), as in a real panel of services.
 */
export const PANEL_MOVES = { drift: 0.05, wobble: 0.025 } as const;

/**
 * Facts of the sample that the published tables must show, whatever the seed (when the department is
 * among those generated):
 * - `silentMediation`: known mediation services there (in the register) but never a return (`nd`);
 * - `noRencontre`: no espace de rencontre at all (neither in the register nor in a return: `-`);
 * - `missingReturns`: besides those, how many other known services send no return, each year and survey.
 * The non-responses are part of the planted defects: `--no-defects` gives a return for every service.
 */
export const SAMPLE_FACTS = {
  silentMediation: ['976'],
  noRencontre: ['89', '976'],
  missingReturns: { mediation: 3, rencontre: 2 },
} as const;
