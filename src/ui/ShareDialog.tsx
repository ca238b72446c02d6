import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { classRange, COUNT_BREAKS } from '../scene/regionMeasure';
import { PALETTES, resolveTheme } from '../scene/palette';
import { requestDetails } from '../data/detailsLoader';
import { lineSample } from '../scene/linkKinds';
import { LINK_KINDS } from '../data/types';
import { yearCsv, yearFileName } from '../data/exportYear';
import { CSV_MIME } from '../data/exportTables';
import { THEME_FLAGS, type ThemeFlag } from '../config';
import { embedUrl, iframeSnippet, scriptSnippet, shareLink, type EmbedChoice } from '../embed/shareSnippets';
import { useAppState, useAppStore, useT } from '../state/StoreContext';
import { selectDataset } from '../state/selectors';
import type { Translator } from '../i18n/translate';
import { canvasToPng, composeExport, pngFileName, type ExportSpec, type LegendItem } from './exportPng';
import { saveBlob } from './saveBlob';
import './share.css';

/** Draws the current view at `scale` device px per CSS px (handed over by the entry point). */
export type Snapshot = (scale: number) => Promise<HTMLCanvasElement>;

export interface ShareProps {
  /** Address of the app page (where index.html, embed.js and byru-map.js are served). */
  appUrl: string;
  /** The map's picture for the PNG export; the PNG button is left out without it. */
  snapshot?: Snapshot | undefined;
}

/** Export scale: the PNG is twice the view's CSS size. */
export const EXPORT_SCALE = 2;

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** Copies text: the Clipboard API where allowed, else the selected field and execCommand. */
async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

function legendItems(t: Translator, theme: ReturnType<typeof resolveTheme>): LegendItem[] {
  const p = PALETTES[theme];
  return [
    { kind: 'fill', label: t('legend.none'), colours: [p.none], hatched: true },
    { kind: 'fill', label: '0', colours: [p.byBase, p.ruBase] },
    ...COUNT_BREAKS.map((_, i): LegendItem => ({
      kind: 'fill',
      label: classRange(i + 1),
      colours: [p.byRamp[i] ?? p.byBase, p.ruRamp[i] ?? p.ruBase],
    })),
    { kind: 'fill', label: t('country.BY'), colours: [p.byRamp[2] ?? p.byBase] },
    { kind: 'fill', label: t('country.RU'), colours: [p.ruRamp[2] ?? p.ruBase] },
    ...LINK_KINDS.map((k): LegendItem => ({
      kind: 'line',
      label: t(`kind.${k}`),
      colour: p.link[k],
      sample: lineSample(k),
    })),
  ];
}

function CopyField({ label, value, multiline }: { label: string; value: string; multiline?: boolean }) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // Which value was copied: a changed snippet is not "copied" any more.
  const [copiedValue, setCopiedValue] = useState<string | null>(null);
  const copied = copiedValue === value;
  const select = (): void => ref.current?.select();
  return (
    <div className="byru-copy">
      <label htmlFor={id}>{label}</label>
      <div className="byru-copy-row">
        {multiline ? (
          <textarea id={id} ref={ref} readOnly value={value} rows={3} onFocus={select} spellCheck={false} />
        ) : (
          <input id={id} ref={ref} readOnly value={value} onFocus={select} spellCheck={false} />
        )}
        <button
          type="button"
          onClick={() => void copyText(value, ref.current).then((ok) => setCopiedValue(ok ? value : null))}
        >
          {t('share.copy')}
        </button>
      </div>
      <span className="byru-copy-status" role="status">
        {copied ? t('share.copied') : ''}
      </span>
    </div>
  );
}

/**
 * The share dialog: an accessible modal (labelled, focus kept inside, Esc closes, focus returns to
 * the opener) with the link to the current view, the iframe and resizer snippets, and the PNG and
 * CSV downloads.
 */
export function ShareDialog({ appUrl, snapshot, onClose }: ShareProps & { onClose: () => void }) {
  const t = useT();
  const store = useAppStore();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const year = useAppState((s) => s.year);
  const selection = useAppState((s) => s.selection);
  const kinds = useAppState((s) => s.kinds);
  const lang = useAppState((s) => s.lang);
  const view = { year, region: selection, kinds, lang, debug: false };
  const display = useAppState((s) => s.display);
  const dataset = useAppState(selectDataset);
  const [choice, setChoice] = useState<EmbedChoice>({ theme: display.theme, plain: false, static: false });
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    // Keys stay inside the modal: the app's year keys and Esc (clear selection) must not fire.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const exportPng = async (): Promise<void> => {
    if (!snapshot) return;
    setBusy(true);
    setStatus(t('share.pngBusy'));
    try {
      const s = store.getState();
      const theme = resolveTheme(
        s.display.theme === 'auto' ? null : s.display.theme,
        window.matchMedia?.('(prefers-color-scheme: dark)').matches === true,
      );
      const spec: ExportSpec = {
        title: t('app.title'),
        year: String(s.year),
        legendTitle: t('legend.fill', { year: s.year }),
        legend: legendItems(t, theme),
        source: t('export.source'),
        palette: PALETTES[theme],
      };
      const canvas = composeExport(await snapshot(EXPORT_SCALE), spec, EXPORT_SCALE);
      saveBlob(await canvasToPng(canvas), pngFileName(s.year));
      setStatus(t('share.pngReady'));
    } catch (e) {
      setStatus(t('share.pngFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = (): void => {
    if (!dataset) return;
    const year = store.getState().year;
    // The rows carry their quotes: wait for the dataset's details if they are not there yet.
    requestDetails(dataset).then(
      (full) => saveBlob(new Blob([yearCsv(full, year, { bom: true })], { type: CSV_MIME }), yearFileName(year)),
      () => setStatus(t('download.failed')),
    );
  };

  const src = embedUrl(appUrl, view, choice);
  return (
    <div className="byru-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="byru-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <div className="byru-dialog-head">
          <h2 id={titleId}>{t('share.title')}</h2>
          <button type="button" onClick={onClose} aria-label={t('share.close')} title={t('share.close')}>
            ×
          </button>
        </div>
        <CopyField label={t('share.link')} value={shareLink(appUrl, view, display.theme)} />
        <fieldset className="byru-embed-options">
          <legend>{t('share.options')}</legend>
          <label>
            <input
              type="checkbox"
              checked={choice.plain}
              onChange={(e) => setChoice({ ...choice, plain: e.currentTarget.checked })}
            />{' '}
            {t('share.plain')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={choice.static}
              onChange={(e) => setChoice({ ...choice, static: e.currentTarget.checked })}
            />{' '}
            {t('share.static')}
          </label>
          <label>
            {t('share.theme')}{' '}
            <select
              value={choice.theme}
              onChange={(e) => setChoice({ ...choice, theme: e.currentTarget.value as ThemeFlag })}
            >
              {THEME_FLAGS.map((f) => (
                <option key={f} value={f}>
                  {t(`share.theme.${f}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <CopyField label={t('share.iframe')} value={iframeSnippet(src, t('app.title'), choice)} multiline />
        <CopyField label={t('share.script')} value={scriptSnippet(appUrl)} />
        <p className="byru-hint">{t('share.scriptHint')}</p>
        <div className="byru-dialog-downloads" role="group" aria-label={t('share.download')}>
          {snapshot && (
            <button type="button" onClick={() => void exportPng()} disabled={busy}>
              {t('share.png')}
            </button>
          )}
          <button type="button" onClick={exportCsv} disabled={!dataset}>
            {t('share.csv', { year })}
          </button>
        </div>
        <p className="byru-dialog-status" role="status">
          {status}
        </p>
      </div>
    </div>
  );
}
