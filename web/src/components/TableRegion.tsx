/**
 * The container of a table that may be wider than a phone screen: it scrolls sideways inside itself
 * (never the page), and is a labelled, keyboard-focusable region so it can be scrolled without a mouse.
 */
import type { ReactNode } from 'react';

export function TableRegion({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    // A scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1).
    <div className={className ? `table-wrap ${className}` : 'table-wrap'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
