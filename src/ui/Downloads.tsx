import { EXPORT_TABLES, CSV_MIME, JSON_MIME, exportFileName, type ExportTable } from '../data/exportNames';
import { useState } from 'react';
import { requestDetails } from '../data/detailsLoader';
import type { Dataset } from '../data/types';
import { useAppState, useT } from '../state/StoreContext';
import { saveBlob } from './saveBlob';
import { selectDataset } from '../state/selectors';

/** Saves a string as a file (no network, works offline). */
function saveText(text: string, mime: string, fileName: string): void {
  saveBlob(new Blob([text], { type: mime }), fileName);
}

/** The table maker, loaded when a download is first asked for (it is not part of the first view). */
const loadTables = () => import('../data/exportTables');

/**
 * The dataset as downloads: each table as CSV with its sources joined in, and everything as JSON.
 * Always the complete dataset, quotes included: a download waits for the details if they are not
 * there yet (usually they are, fetched after the first view).
 */
export function Downloads() {
  const t = useT();
  const dataset = useAppState(selectDataset);
  const [failed, setFailed] = useState(false);
  if (!dataset) return null;
  type Tables = Awaited<ReturnType<typeof loadTables>>;
  const save = (make: (full: Dataset, tables: Tables) => void) => () => {
    setFailed(false);
    Promise.all([requestDetails(dataset), loadTables()]).then(
      ([full, tables]) => make(full, tables),
      () => setFailed(true),
    );
  };
  const csv = (table: ExportTable) =>
    save((full, { toCsv }) => saveText(toCsv(full, table, { bom: true }), CSV_MIME, exportFileName(table, 'csv')));
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
          <button
            type="button"
            onClick={save((full, { toJson }) => saveText(toJson(full), JSON_MIME, exportFileName('dataset', 'json')))}
          >
            {t('download.all')}
          </button>
        </li>
      </ul>
      {failed && <p role="alert">{t('download.failed')}</p>}
    </details>
  );
}
