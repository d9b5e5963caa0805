/**
 * A form's row of buttons, and (when `status` is given, even empty) the polite status line after them
 * that a screen reader reads when its text changes ("Sparat", "Kopierat"): it is always rendered so
 * that the change is announced.
 */
import type { ReactNode } from 'react';

export function Actions({ children, status }: { children: ReactNode; status?: ReactNode }) {
  return (
    <div className="actions">
      {children}
      {status !== undefined && (
        <span role="status" className="small">
          {status}
        </span>
      )}
    </div>
  );
}
