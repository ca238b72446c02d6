import { lazy, Suspense, useRef, useState } from 'react';
import { shareLink } from '../embed/shareSnippets';
import { useAppState, useT } from '../state/StoreContext';
import type { ShareProps } from './ShareDialog';

export type { ShareProps, Snapshot } from './ShareDialog';

// The dialog, its snippets and the PNG/CSV export load on first use: the first view stays light.
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));

/** The "Share" button and, while open, its dialog; focus returns to the button on close. */
export function ShareButton(props: ShareProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="byru-share-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('share.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog
            {...props}
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        </Suspense>
      )}
    </>
  );
}

/** Link from an embed to the full page at the same view (opens a new tab). */
export function OpenFullLink({ appUrl }: { appUrl: string }) {
  const t = useT();
  const year = useAppState((s) => s.year);
  const region = useAppState((s) => s.selection);
  const kinds = useAppState((s) => s.kinds);
  const lang = useAppState((s) => s.lang);
  const theme = useAppState((s) => s.display.theme);
  return (
    <a href={shareLink(appUrl, { year, region, kinds, lang, debug: false }, theme)} target="_blank" rel="noopener">
      {t('embed.openFull')}
    </a>
  );
}
