/**
 * The sample generator's default seed, in a module of its own: the CLI's usage text quotes it
 * without loading the generator (and, through its encoders, exceljs).
 */
export const DEFAULT_SEED = 20240601;
