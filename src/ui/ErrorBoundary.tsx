import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { AppState } from '../state/createAppStore';
import { useAppState, useT } from '../state/StoreContext';
import './errorBoundary.css';

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** What to show instead of the children once one of them has thrown; `reset` renders them again. */
  fallback: (reset: () => void) => ReactNode;
  /** When this value changes (e.g. the selected region), a failed boundary tries its children again. */
  resetKey?: unknown;
  /** Called once per caught error (React still reports it to the root's error handler). */
  onError?: (error: unknown, info: ErrorInfo) => void;
}

interface ErrorBoundaryState {
  failed: boolean;
  resetKey: unknown;
}

/** Catches an error thrown while rendering its children, so it takes down only its own part of the page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<ErrorBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { failed: false, resetKey: props.resetKey };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  private reset = (): void => this.setState({ failed: false });

  render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.reset) : this.props.children;
  }
}

export interface PanelBoundaryProps {
  children: ReactNode;
  /** Picks the state whose change makes a failed panel try again (e.g. the selection). */
  resetOn?: (s: AppState) => unknown;
  /** Extra class for the message box, so it sits where the panel sat (e.g. over the map). */
  className?: string;
}

const never = (): null => null;

/**
 * One panel's boundary: if the panel throws, a short message in the reader's language takes its
 * place, with a button to try again; the rest of the page keeps working. Needs the store (for the
 * language), so it sits inside `StoreContext`.
 */
export function PanelBoundary({ children, resetOn = never, className }: PanelBoundaryProps) {
  const t = useT();
  const resetKey = useAppState(resetOn);
  return (
    <ErrorBoundary
      resetKey={resetKey}
      fallback={(reset) => (
        <div className={`byru-panel-error${className ? ` ${className}` : ''}`} role="alert">
          <p>{t('error.panel')}</p>
          <button type="button" onClick={reset}>
            {t('error.retry')}
          </button>
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
