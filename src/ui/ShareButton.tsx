import { useRef, useState } from 'react';
import { shareLink } from '../embed/shareSnippets';
import { useAppState, useT } from '../state/StoreContext';
import { createLazyPart, PartBoundary } from './LazyPart';
import type { ShareProps } from './ShareDialog';

export type { ShareProps, Snapshot } from './ShareDialog';

// The dialog, its snippets and the PNG/CSV export load on first use: the first view stays light.
// If its code cannot be loaded, the dialog's own boundary says so, with a retry; the map stays.
const shareDialog = createLazyPart<ShareProps & { onClose: () => void }>(() =>
  import('./ShareDialog').then((m) => m.ShareDialog),
);

/** The "Share" button and, while open, its dialog; focus returns to the button on close. */
export function ShareButton(props: ShareProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
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
        <PartBoundary part={shareDialog} onClose={close} closeLabel={t('share.close')}>
          <shareDialog.Component {...props} onClose={close} />
        </PartBoundary>
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
