/** Plain status messages: an error that says what happened and what to do, and a loading line. */
import type { ReactNode } from 'react';

export function ErrorNotice({ title = 'Something went wrong', children, action }: { title?: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{title}.</strong> {children}
      </p>
      {action ? <div className="notice-actions">{action}</div> : null}
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
