/** French messages of `mfer sample` (STYLE §6). */

export function sampleMissingInput(path: string): string {
  return `mfer sample : fichier introuvable « ${path} ».`;
}

export function sampleBadArgument(): string {
  return 'mfer sample : --seed attend un entier et --scale un nombre positif.';
}

export function sampleWritten(dir: string, files: number, defects: number, register: string): string {
  return `mfer sample : ${files} fichiers écrits dans « ${dir} » (${defects} défauts plantés, voir DEFECTS.md) et le registre des services connus « ${register} ».`;
}

export function sampleWouldErase(dir: string, file: string): string {
  return `mfer sample : « ${dir} » contient des fichiers qu'il n'a pas écrits (par exemple « ${file} ») ; il remplace ce dossier en entier : déplacez ces réponses ou choisissez un autre --out.`;
}

export function sampleWouldOverwrite(file: string): string {
  return `mfer sample : « ${file} » n'a pas été écrit par mfer sample (un vrai registre des services ?) ; il le remplacerait : déplacez-le ou choisissez un autre --out.`;
}
