import {
  EXPORT_TABLES,
  CSV_MIME,
  JSON_MIME,
  exportFileName,
  toCsv,
  toJson,
  type ExportTable,
} from '../data/exportTables';
import { useAppState, useT } from '../state/StoreContext';
import { saveBlob } from './saveBlob';
import { selectDataset } from '../state/selectors';

/** Saves a string as a file (no network, works offline). */
function saveText(text: string, mime: string, fileName: string): void {
  saveBlob(new Blob([text], { type: mime }), fileName);
}

/** The dataset as downloads: each table as CSV with its sources joined in, and everything as JSON. */
export function Downloads() {
  const t = useT();
  const dataset = useAppState(selectDataset);
  if (!dataset) return null;
  const csv = (table: ExportTable) => () =>
    saveText(toCsv(dataset, table, { bom: true }), CSV_MIME, exportFileName(table, 'csv'));
  return (
    <details className="byru-downloads">
      <summary>{t('download.title')}</summary>
      <ul>
        {EXPORT_TABLES.map((table) => (
          <li key={table}>
            <button type="button" onClick={csv(table)}>
              {t('download.table', { table: t(`table.${table}`) })}
            </button>
          </li>
        ))}
        <li>
          <button type="button" onClick={() => saveText(toJson(dataset), JSON_MIME, exportFileName('dataset', 'json'))}>
            {t('download.all')}
          </button>
        </li>
      </ul>
    </details>
  );
}
