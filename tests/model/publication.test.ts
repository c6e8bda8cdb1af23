/**
 * Lecture lines agree with the figure they read: « 1 espace de rencontre était connu », never
 * « 1 espaces de rencontre étaient connus » (a court or a small department often reads 0 or 1).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLecture } from '../../src/model/publication.ts';

const catalogue = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'pipelines', 'config', 'tables.json'), 'utf8')) as { tables: { id: string; lecture: string }[] };
const template = catalogue.tables.find((t) => t.id === 'er-accueil')?.lecture ?? '';

describe('readLecture', () => {
  it('reads the singular below 2 and the plural from 2, as French counts', () => {
    const t = 'En 2025, {valeur} [famille attendait|familles attendaient] une place.';
    expect(readLecture(t, 0, '0')).toBe('En 2025, 0 famille attendait une place.');
    expect(readLecture(t, 1, '1')).toBe('En 2025, 1 famille attendait une place.');
    expect(readLecture(t, 1.5, '1,5')).toBe('En 2025, 1,5 famille attendait une place.');
    expect(readLecture(t, 2, '2')).toBe('En 2025, 2 familles attendaient une place.');
    expect(readLecture(t, 12_345, '12 345')).toBe('En 2025, 12 345 familles attendaient une place.');
  });

  it('leaves a sentence without alternatives as it is', () => {
    expect(readLecture('Le nombre a évolué de {valeur} %.', 1, '1,0')).toBe('Le nombre a évolué de 1,0 %.');
  });

  it('agrees the catalogue sentence on espaces de rencontre', () => {
    expect(template).toContain('{valeur}');
    expect(readLecture(template, 1, '1')).toContain('1 espace de rencontre était connu');
    expect(readLecture(template, 3, '3')).toContain('3 espaces de rencontre étaient connus');
  });

  it('every catalogue sentence that reads a count before its noun has both forms', () => {
    for (const t of catalogue.tables) {
      // "{valeur} %" reads a percentage: nothing to agree
      if (!t.lecture.includes('{valeur}') || t.lecture.includes('{valeur} %')) continue;
      expect([t.id, /\{valeur\} \[[^|\]]+\|[^\]]+\]/.test(t.lecture)]).toEqual([t.id, true]);
    }
  });
});
