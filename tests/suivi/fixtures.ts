/** Tiny named fixtures of the follow-up tests, with the shipped dictionaries (read once). */
import { join } from 'node:path';
import { loadSuiviConfig } from '../../src/ingest/suivi.ts';
import { suiviDictionaryFor } from '../../src/suivi/contract.ts';

export const suiviConfig = loadSuiviConfig(join(import.meta.dirname, '..', '..', 'pipelines', 'config', 'suivi'));
export const mediationDictionary = suiviDictionaryFor(suiviConfig.dictionaries, 'mediation', 2025)!;

export const keyA = new Uint8Array(32).fill(1);
export const keyB = new Uint8Array(32).fill(2);

/** A partner's raw mediation file: NIRs for the first family, names for the second. */
export const rawMediation: string[][] = [
  ['nir_enfant', 'nom_enfant', 'prenoms_enfant', 'naissance_enfant', 'sexe_enfant', 'nir_parent1', 'nom_parent1', 'prenoms_parent1', 'naissance_parent1', 'sexe_parent1', 'nir_parent2', 'nom_parent2', 'prenoms_parent2', 'naissance_parent2', 'sexe_parent2', 'service', 'departement', 'debut', 'fin', 'cadre', 'issue'],
  ['269054958815780', '', '', '', '', '184127645108946', '', '', '', '', '1 85 05 2A 123 456 33', '', '', '', '', 'S01', '2A', '2024-01-15', '2024-06-30', 'judiciaire', 'accord_ecrit'],
  ['', 'Lefèvre', 'Zoé', '07/03/2015', 'F', '', 'Lefèvre', 'Marc', '01/02/1980', 'M', '', 'Durand', 'Anne', '03/04/1982', 'F', 'S02', '13', '2024-02-01', '2024-09-10', 'conventionnelle', 'sans_accord'],
  ['269054958815781', '', '', '', '', '184127645108946', '', '', '', '', '', '', '', '', '', 'S01', '2A', '2024-01-15', '2024-06-30', 'judiciaire', 'interrompue'],
  ['', 'Lefèvre', 'Zoé', '2015-02-30', 'F', '', 'Lefèvre', 'Marc', '01/02/1980', 'M', '', '', '', '', '', 'S02', '13', '2024-02-01', '2024-09-10', 'conventionnelle', 'sans_accord'],
  ['', 'LEFEVRE', 'zoe', '2015-03-07', '2', '', 'Durand', 'Anne', '1982-04-03', '2', '', 'LEFÈVRE', 'MARC', '1980-02-01', 'H', 'S02', '13', '2025-01-03', '2025-03-10', 'conventionnelle', 'accord_oral'],
  ['269054958815780', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 'S01', '2A', '2024-01-15', '2024-06-30', 'judiciaire', 'accord_ecrit'],
];
