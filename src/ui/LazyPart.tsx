import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { useT } from '../state/StoreContext';
import { ErrorBoundary } from './ErrorBoundary';

/** A component whose code loads on first use (see createLazyPart). */
export interface LazyPart<P extends object> {
  /** Renders the part; its code is fetched on the first render. */
  Component: ComponentType<P>;
  /** Forgets a failed download, so the next render fetches the code again. */
  reload: () => void;
}

/**
 * A part of the interface loaded on first use, which can be loaded again after a failure: React's
 * `lazy` keeps a failed import for good (once the network dropped, every later render would fail),
 * so a fresh `lazy` replaces it on reload().
 */
export function createLazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let failed = false;
  const make = () =>
    lazy(() =>
      load().then(
        (component) => ({ default: component }),
        (e: unknown) => {
          failed = true;
          throw e;
        },
      ),
    );
  let current = make();
  function Component(props: P) {
    // Read at render time: after reload(), the boundary's next render gets the fresh lazy.
    const Loaded = current as ComponentType<P>;
    return <Loaded {...props} />;
  }
  const reload = (): void => {
    if (!failed) return;
    failed = false;
    current = make();
  };
  return { Component, reload };
}

export interface PartBoundaryProps {
  /** The lazily loaded part, inside this boundary. */
  children: ReactNode;
  part: Pick<LazyPart<never>, 'reload'>;
  /** Leaves the part (closes the dialog, ends the presentation): offered beside the retry. */
  onClose?: () => void;
  /** The close button's text, in the reader's language. */
  closeLabel?: string;
  /** Extra class for the message box, so it sits where the part would have. */
  className?: string;
}

/**
 * The boundary of one lazily loaded part: if its code cannot be loaded (or it throws), a short
 * message in the reader's language takes its place, with "try again" (which downloads the code
 * again) and, if given, a way out; the rest of the app keeps working.
 */
export function PartBoundary({ children, part, onClose, closeLabel, className }: PartBoundaryProps) {
  const t = useT();
  // A fresh opening (the dialog opened again, a new presentation) downloads a failed part again.
  // Before the children render, and once: not on the failure itself, while React may still retry
  // rendering them (that would start a second download behind the message).
  useState(part.reload);
  const retry = (reset: () => void): void => {
    part.reload();
    reset();
  };
  return (
    <ErrorBoundary
      fallback={(reset) => (
        <div className={`byru-panel-error${className ? ` ${className}` : ''}`} role="alert">
          <p>{t('error.panel')}</p>
          <button type="button" onClick={() => retry(reset)}>
            {t('error.retry')}
          </button>
          {onClose && closeLabel && (
            <button type="button" onClick={onClose}>
              {closeLabel}
            </button>
          )}
        </div>
      )}
    >
      <Suspense fallback={null}>{children}</Suspense>
    </ErrorBoundary>
  );
}
