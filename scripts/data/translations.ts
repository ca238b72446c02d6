/**
 * data/translations.csv: the data's own prose (remarks, descriptions, publishers, what is counted) in
 * each interface language, keyed by the text as the tables write it. Checked and compiled apart from
 * the other tables: it adds no column to them (src/i18n/dataText.ts explains the lookup).
 */
import type { DataTranslation, TextTranslation } from '../../src/data/types.ts';
import { textKey } from '../../src/i18n/dataText.ts';
import { readCsv, type DataError } from './csv.ts';

export const TRANSLATION_COLUMNS = ['text', 'ru', 'be', 'en'] as const;

/**
 * Parses and checks the table (every cell filled, each text once, no two texts with one key) and packs
 * it for dataset.json: `textKey(text) → [ru, be]`, plus `en` where the text is not English already.
 * The English text is not repeated as the key: the app has it from the tables, and the rows weigh a
 * third less on the first view's transfer without it.
 */
export function compileTranslations(
  file: string,
  csv: string,
): { rows: DataTranslation[]; packed: Record<string, TextTranslation>; errors: DataError[] } {
  const { rows: csvRows, errors } = readCsv(file, csv, TRANSLATION_COLUMNS);
  const rows: DataTranslation[] = [];
  const packed: Record<string, TextTranslation> = {};
  const firstLine = new Map<string, number>();
  const keyLine = new Map<string, number>();
  for (const { line, cells } of csvRows) {
    const row = { text: cells.text ?? '', ru: cells.ru ?? '', be: cells.be ?? '', en: cells.en ?? '' };
    const empty = TRANSLATION_COLUMNS.filter((c) => row[c] === '');
    for (const c of empty) errors.push({ file, line, field: c, reason: 'is empty: every text needs ru, be and en' });
    const seen = firstLine.get(row.text);
    if (seen !== undefined) errors.push({ file, line, field: 'text', reason: `is already translated on line ${seen}` });
    if (empty.length || seen !== undefined) continue;
    const key = textKey(row.text);
    const clash = keyLine.get(key);
    if (clash !== undefined) {
      errors.push({ file, line, field: 'text', reason: `has the same key as line ${clash}: reword one of them` });
      continue;
    }
    firstLine.set(row.text, line);
    keyLine.set(key, line);
    rows.push(row);
    packed[key] = row.en === row.text ? [row.ru, row.be] : [row.ru, row.be, row.en];
  }
  return { rows, packed, errors };
}
