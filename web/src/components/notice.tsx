/** Plain status messages: an error that says what happened and what to do, and a loading line. */
import type { ReactNode } from 'react';

/** `onRetry`: a "Try again" button, what every view offers when its data could not be loaded. */
export function ErrorNotice({
  title = 'Something went wrong',
  children,
  action,
  onRetry,
}: {
  title?: string;
  children: ReactNode;
  action?: ReactNode;
  onRetry?: () => void;
}) {
  const actions =
    action ??
    (onRetry ? (
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    ) : null);
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{title}.</strong> {children}
      </p>
      {actions ? <div className="notice-actions">{actions}</div> : null}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}
