/**
 * data/translations.csv: the data's own prose (remarks, descriptions, publishers, what is counted) in
 * each interface language, keyed by the text as the tables write it. Checked and compiled apart from
 * the other tables: it adds no column to them (src/i18n/dataText.ts explains the lookup).
 */
import type { DataTranslation } from '../../src/data/types.ts';
import { readCsv, type DataError } from './csv.ts';

export const TRANSLATION_COLUMNS = ['text', 'ru', 'be', 'en'] as const;

/** Parses and checks the table: every cell filled, each text once. */
export function compileTranslations(
  file: string,
  csv: string,
): { translations: DataTranslation[]; errors: DataError[] } {
  const { rows, errors } = readCsv(file, csv, TRANSLATION_COLUMNS);
  const translations: DataTranslation[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of rows) {
    const row = { text: cells.text ?? '', ru: cells.ru ?? '', be: cells.be ?? '', en: cells.en ?? '' };
    const empty = TRANSLATION_COLUMNS.filter((c) => row[c] === '');
    for (const c of empty) errors.push({ file, line, field: c, reason: 'is empty: every text needs ru, be and en' });
    const seen = firstLine.get(row.text);
    if (seen !== undefined) errors.push({ file, line, field: 'text', reason: `is already translated on line ${seen}` });
    if (empty.length || seen !== undefined) continue;
    firstLine.set(row.text, line);
    translations.push(row);
  }
  return { translations, errors };
}
