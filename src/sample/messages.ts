/** French messages of `mfer sample` (STYLE §6). */

export function sampleMissingInput(path: string): string {
  return `mfer sample : fichier introuvable « ${path} ».`;
}

export function sampleBadArgument(): string {
  return 'mfer sample : --seed attend un entier et --scale un nombre positif.';
}

export function sampleWritten(dir: string, files: number, defects: number): string {
  return `mfer sample : ${files} fichiers écrits dans « ${dir} » (${defects} défauts plantés, voir DEFECTS.md).`;
}

export function sampleWouldErase(dir: string, file: string): string {
  return `mfer sample : « ${dir} » contient des fichiers qu'il n'a pas écrits (par exemple « ${file} ») ; il remplace ce dossier en entier : déplacez ces réponses ou choisissez un autre --out.`;
}
